import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyCompress from '@fastify/compress';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { createCatalog, type Catalog } from './catalog/index.ts';
import type { Config } from './config.ts';
import { connect, type Connection } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { installErrorHandlers, type HtmlErrorRenderer } from './http/errors.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerStatic } from './http/static.ts';
import { registerSystemRoutes } from './http/system-routes.ts';
import { createApiKeyService, createStaffService, type ApiKeyService, type StaffService } from './staff/index.ts';
import { registerStorefront } from './storefront/routes.ts';
import { registerAdmin } from './admin/routes.ts';
import { registerAdminApi } from './api/admin-routes.ts';

/** Everything a route needs, built once here and handed over as a plain object. */
export type Services = {
  config: Config;
  conn: Connection;
  catalog: Catalog;
  staff: StaffService;
  apiKeys: ApiKeyService;
  /** Called whenever catalog content changes (the page cache hooks in here). */
  events: CatalogChangeListeners;
};

export type CatalogChangeListeners = {
  product: Array<(c: { productId: number; handle: string; collectionIds: number[] }) => void>;
  collection: Array<(c: { collectionId: number; handle: string }) => void>;
};

export async function buildServices(config: Config): Promise<Services> {
  const conn = connect(config.databaseUrl);
  await migrateToLatest(conn);
  mkdirSync(config.uploadDir, { recursive: true });
  const events: CatalogChangeListeners = { product: [], collection: [] };
  const catalog = createCatalog({
    db: conn.db,
    dialect: conn.dialect,
    currency: config.currency,
    defaultLocale: config.defaultLocale,
    uploadDir: config.uploadDir,
    onProductChange: (c) => events.product.forEach((f) => f(c)),
    onCollectionChange: (c) => events.collection.forEach((f) => f(c)),
  });
  return { config, conn, catalog, staff: createStaffService(conn.db), apiKeys: createApiKeyService(conn.db), events };
}

export type App = { server: FastifyInstance; services: Services; close: () => Promise<void> };

export async function buildApp(config: Config, existing?: Services): Promise<App> {
  const services = existing ?? (await buildServices(config));
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
    routerOptions: { ignoreTrailingSlash: true },
  });
  server.setValidatorCompiler(validatorCompiler);
  server.setSerializerCompiler(serializerCompiler);
  server.addHook('onRequest', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  let htmlErrors: HtmlErrorRenderer | null = null;
  installErrorHandlers(server, () => htmlErrors);

  await server.register(fastifyCookie, { secret: config.sessionSecret });
  await server.register(fastifyFormbody);
  await server.register(fastifyMultipart, { limits: { fileSize: config.maxUploadBytes, files: 10, fields: 50, fieldSize: 100_000 }, throwFileSizeLimit: true });
  await server.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'], brotliOptions: { params: { 1: 4 } } as never });
  await server.register(fastifyRateLimit, { global: false });
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
  await registerStatic(server, config);
  registerSystemRoutes(server, services);
  await registerAdminApi(server, services);
  await registerAdmin(server, services);
  htmlErrors = await registerStorefront(server, services);

  return {
    server,
    services,
    async close() {
      await server.close();
      await services.conn.close();
    },
  };
}
