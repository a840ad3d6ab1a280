import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyCompress from '@fastify/compress';
import fastifySwagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { registerAdmission } from './admission/index.ts';
import { cdnPurgeHandlers } from './cache/cdn-purge.ts';
import { createPageCache, type PageCache } from './cache/page-cache.ts';
import { createCatalog, type Catalog } from './catalog/index.ts';
import type { Config } from './config.ts';
import { connect, type Connection } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { installErrorHandlers, type HtmlErrorRenderer } from './http/errors.ts';
import { registerProtection, type PressureLimits } from './http/protection.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerStatic } from './http/static.ts';
import { registerSystemRoutes } from './http/system-routes.ts';
import { createApiKeyService, createStaffService, type ApiKeyService, type StaffService } from './staff/index.ts';
import { registerFastHits } from './storefront/fast-hits.ts';
import { registerStorefront } from './storefront/routes.ts';
import { registerAdmin } from './admin/routes.ts';
import { registerAdminApi } from './api/admin-routes.ts';
import { registerStoreApi } from './api/store-routes.ts';
import { registerWebhooks } from './api/webhook-routes.ts';
import { createCartService, type CartService } from './cart/index.ts';
import { createCustomerService, type CustomerService } from './customers/index.ts';
import { createCheckoutService, type CheckoutService } from './checkout/index.ts';
import { createDiscountService, type DiscountService } from './discounts/index.ts';
import { createMailer, emailHandlers, type Mailer } from './email/index.ts';
import { createMetrics, registerMetrics, type Metrics } from './metrics/index.ts';
import { createOrderService, type Faults, type OrderService } from './orders/index.ts';
import { createOutboxWorker, type OutboxWorker } from './outbox/index.ts';
import { createPaymentProviders, type PaymentProvider } from './payments/index.ts';
import { createShippingService, type ShippingService } from './shipping/index.ts';
import { startWorker, type Worker } from './worker.ts';
import pino from 'pino';

/** Everything a route needs, built once here and handed over as a plain object. */
export type Services = {
  config: Config;
  conn: Connection;
  catalog: Catalog;
  staff: StaffService;
  apiKeys: ApiKeyService;
  cart: CartService;
  customers: CustomerService;
  checkout: CheckoutService;
  orders: OrderService;
  shipping: ShippingService;
  discounts: DiscountService;
  payments: Map<string, PaymentProvider>;
  mailer: Mailer;
  outbox: OutboxWorker;
  /** Called whenever catalog content or stock changes, after commit (the page cache hooks in here). */
  events: CatalogChangeListeners;
  /** Rendered pages for anonymous visitors (the storefront fills it and keeps it true to the catalog). */
  pageCache: PageCache;
  /** Figures for /metrics and the admin's live view; any capability may register its own gauges here. */
  metrics: Metrics;
};

export type CatalogChangeListeners = {
  product: Array<(c: { productId: number; handle: string; collectionIds: number[] }) => void>;
  collection: Array<(c: { collectionId: number; handle: string }) => void>;
  /** Variants whose on-hand or reserved stock moved (orders placed, paid, cancelled; stock set by staff). */
  stock: Array<(variantIds: number[]) => void>;
};

export type BuildOptions = {
  faults?: Faults;
  /** Load-shedding thresholds other than the defaults (tests use tiny ones). */
  pressure?: Partial<PressureLimits>;
};

export async function buildServices(config: Config, opts: BuildOptions = {}): Promise<Services> {
  const conn = connect(config.databaseUrl);
  await migrateToLatest(conn);
  mkdirSync(config.uploadDir, { recursive: true });
  const events: CatalogChangeListeners = { product: [], collection: [], stock: [] };
  const stockChanged = (variantIds: number[]) => events.stock.forEach((f) => f(variantIds));
  const catalog = createCatalog({
    db: conn.db,
    dialect: conn.dialect,
    currency: config.currency,
    defaultLocale: config.defaultLocale,
    uploadDir: config.uploadDir,
    onProductChange: (c) => events.product.forEach((f) => f(c)),
    onCollectionChange: (c) => events.collection.forEach((f) => f(c)),
  });
  const log = pino({ level: config.logLevel === 'silent' ? 'silent' : config.logLevel, name: 'worker' });
  const mailer = createMailer({ db: conn.db, smtpUrl: config.smtpUrl, from: config.mailFrom });
  const outbox = createOutboxWorker({
    db: conn.db,
    handlers: {
      ...emailHandlers({ db: conn.db, mailer, shopName: config.shopName, publicUrl: () => config.publicUrl, bankDetails: config.bankDetails }),
      ...cdnPurgeHandlers(config),
    },
    log,
    delivers: config.worker,
  });
  // Deliver soon what a committed transaction queued, instead of waiting for the next poll.
  const nudge = () => outbox.soon();
  const orders = createOrderService({ db: conn.db, faults: opts.faults, afterCommit: nudge, onStockChange: stockChanged });
  const shipping = createShippingService(conn.db);
  const customers = createCustomerService(conn.db);
  const discounts = createDiscountService(conn.db);
  const payments = createPaymentProviders(config.paymentProviders, config.stripe);
  const checkout = createCheckoutService({
    db: conn.db,
    orders,
    shipping,
    discounts,
    providers: payments,
    holdMinutes: config.stockHoldMinutes,
    offlineHoldDays: config.offlineHoldDays,
    bankDetails: config.bankDetails,
    faults: opts.faults,
    afterCommit: nudge,
    onStockChange: stockChanged,
    customers,
  });
  return {
    config,
    conn,
    catalog,
    staff: createStaffService(conn.db),
    apiKeys: createApiKeyService(conn.db),
    customers,
    cart: createCartService({ db: conn.db, currency: config.currency, maxQuantity: config.cartMaxQuantity }),
    checkout,
    orders,
    shipping,
    discounts,
    payments,
    mailer,
    outbox,
    events,
    pageCache: createPageCache({ maxBytes: config.pageCache.maxBytes }),
    metrics: createMetrics({ db: conn.db, locale: config.defaultLocale }),
  };
}

export type App = { server: FastifyInstance; services: Services; close: () => Promise<void> };

export async function buildApp(config: Config, opts: BuildOptions & { services?: Services } = {}): Promise<App> {
  const services = opts.services ?? (await buildServices(config, opts));
  const worker: Worker | null = config.worker ? startWorker(services) : null;
  const server = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    // Longer than the idle timeout of common load balancers (60 s), so they, not we, close idle connections.
    keepAliveTimeout: 72_000,
    routerOptions: { ignoreTrailingSlash: true },
  });
  // A client gets 15 s to send its request headers (slow-header attacks hold sockets open otherwise).
  server.server.headersTimeout = 15_000;
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  // Before every other hook: shared pages already in the page cache are answered from here.
  registerFastHits(server, services.pageCache);
  server.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  let htmlErrors: HtmlErrorRenderer | null = null;
  installErrorHandlers(server, () => htmlErrors);

  await server.register(fastifyCookie, { secret: config.sessionSecret });
  await server.register(fastifyFormbody);
  await server.register(fastifyMultipart, { limits: { fileSize: config.maxUploadBytes, files: 10, fields: 50, fieldSize: 100_000 }, throwFileSizeLimit: true });
  await server.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { 1: 4 } } as never });
  await registerProtection(server, config, opts.pressure);
  await server.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Comptoir API', version: '1.0.0', description: 'JSON API of a Comptoir shop. Money is always { amount: integer minor units, currency }.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key made with `comptoir api-key create`' } } },
    },
    hideUntagged: true,
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  registerSecurityHeaders(server, config);
  registerMetrics(server, services);
  await registerStatic(server, config);
  registerSystemRoutes(server, services);
  await registerAdmission(server, services);
  await registerAdminApi(server, services);
  await registerStoreApi(server, services);
  await registerWebhooks(server, services);
  await registerAdmin(server, services);
  htmlErrors = await registerStorefront(server, services);

  return {
    server,
    services,
    async close() {
      await server.close();
      await worker?.stop();
      await services.conn.close();
    },
  };
}
