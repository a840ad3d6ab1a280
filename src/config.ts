import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

// Every setting comes from the environment and is parsed once, at boot.
const boolean = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).default('data/comptoir.db'),
  DATA_DIR: z.string().min(1).default('data'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  SHOP_NAME: z.string().min(1).default('Comptoir'),
  SHOP_EMAIL: z.email('SHOP_EMAIL must be an e-mail address').optional(),
  DEFAULT_LOCALE: z.enum(['fr', 'en']).default('fr'),
  CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'CURRENCY must be an ISO 4217 code such as EUR').default('EUR'),
  MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(100).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: boolean.default(false),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  PAYMENT_PROVIDERS: z
    .string()
    .default('test,bank_transfer,cod')
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['test', 'bank_transfer', 'cod', 'stripe'], 'use test, bank_transfer, cod or stripe')).min(1)),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  STRIPE_PUBLISHABLE_KEY: z.string().min(1).optional(),
  STRIPE_API_HOST: z.url().optional(),
  STOCK_HOLD_MINUTES: z.coerce.number().int().min(1).max(1440).default(10),
  OFFLINE_HOLD_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  CART_MAX_QUANTITY: z.coerce.number().int().min(1).max(10_000).default(99),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL looks like smtp://user:pass@host:587').optional(),
  MAIL_FROM: z.string().min(3).optional(),
  BANK_DETAILS: z.string().max(500).default('IBAN FR76 3000 6000 0112 3456 7890 189 — BIC AGRIFRPP'),
  WORKER: boolean.default(true),
  PAGE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(64),
  PAGE_CACHE_S_MAXAGE: z.coerce.number().int().min(0).max(86_400).default(60),
  PAGE_CACHE_SWR: z.coerce.number().int().min(0).max(86_400).default(300),
  CDN_PURGE_URL: z.url().optional(),
  CDN_PURGE_TOKEN: z.string().min(1).optional(),
  QUEUE_MODE: z.enum(['auto', 'on', 'off'], 'use auto, on or off').default('auto'),
  ADMISSION_MAX_CHECKOUTS: z.coerce.number().int().min(1).default(200),
  ADMISSION_MAX_EVENT_LOOP_DELAY_MS: z.coerce.number().int().min(10).default(200),
  ADMISSION_SESSION_MINUTES: z.coerce.number().int().min(1).max(120).default(15),
  RATE_LIMIT_CART: z.coerce.number().int().min(1).default(120),
  RATE_LIMIT_CHECKOUT: z.coerce.number().int().min(1).default(30),
  RATE_LIMIT_SEARCH: z.coerce.number().int().min(1).default(60),
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN needs 16+ characters').optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  databaseUrl: string;
  dataDir: string;
  uploadDir: string;
  sessionSecret: string;
  shopName: string;
  /** Shown on the contact page; contact@<shop host> when not set. */
  shopEmail: string | null;
  defaultLocale: 'fr' | 'en';
  currency: string;
  maxUploadBytes: number;
  logLevel: string;
  trustProxy: boolean;
  loginRateLimit: number;
  /** Cookies get the Secure flag when the shop is served over TLS. */
  secureCookies: boolean;
  paymentProviders: ('test' | 'bank_transfer' | 'cod' | 'stripe')[];
  stripe: { secretKey: string; webhookSecret: string; publishableKey: string | null; apiHost: string | null } | null;
  stockHoldMinutes: number;
  offlineHoldDays: number;
  cartMaxQuantity: number;
  /** Without SMTP_URL, e-mails go to the mailbox table, readable in the admin (the demo's case). */
  smtpUrl: string | null;
  mailFrom: string;
  bankDetails: string;
  /** Run the outbox and sweepers in this process. */
  worker: boolean;
  pageCache: { maxBytes: number; sMaxAge: number; staleWhileRevalidate: number };
  /** A CDN purge endpoint, called (through the outbox) with the tags of changed pages. */
  cdnPurge: { url: string; token: string | null } | null;
  admission: { mode: 'auto' | 'on' | 'off'; maxCheckouts: number; maxEventLoopDelayMs: number; sessionMinutes: number };
  rateLimits: { cart: number; checkout: number; search: number };
  /** Bearer token for /metrics; without it /metrics answers 404. */
  metricsToken: string | null;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const config: Config = {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    uploadDir: resolve(dataDir, 'uploads'),
    sessionSecret: e.SESSION_SECRET ?? '',
    shopName: e.SHOP_NAME,
    shopEmail: e.SHOP_EMAIL ?? null,
    defaultLocale: e.DEFAULT_LOCALE,
    currency: e.CURRENCY,
    maxUploadBytes: e.MAX_UPLOAD_MB * 1024 * 1024,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    secureCookies: publicUrl.startsWith('https://'),
    paymentProviders: e.PAYMENT_PROVIDERS,
    stripe:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? { secretKey: e.STRIPE_SECRET_KEY, webhookSecret: e.STRIPE_WEBHOOK_SECRET, publishableKey: e.STRIPE_PUBLISHABLE_KEY ?? null, apiHost: e.STRIPE_API_HOST ?? null }
        : null,
    stockHoldMinutes: e.STOCK_HOLD_MINUTES,
    offlineHoldDays: e.OFFLINE_HOLD_DAYS,
    cartMaxQuantity: e.CART_MAX_QUANTITY,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM ?? `${e.SHOP_NAME} <shop@localhost>`,
    bankDetails: e.BANK_DETAILS,
    worker: e.WORKER,
    pageCache: { maxBytes: e.PAGE_CACHE_MB * 1024 * 1024, sMaxAge: e.PAGE_CACHE_S_MAXAGE, staleWhileRevalidate: e.PAGE_CACHE_SWR },
    cdnPurge: e.CDN_PURGE_URL ? { url: e.CDN_PURGE_URL, token: e.CDN_PURGE_TOKEN ?? null } : null,
    admission: { mode: e.QUEUE_MODE, maxCheckouts: e.ADMISSION_MAX_CHECKOUTS, maxEventLoopDelayMs: e.ADMISSION_MAX_EVENT_LOOP_DELAY_MS, sessionMinutes: e.ADMISSION_SESSION_MINUTES },
    rateLimits: { cart: e.RATE_LIMIT_CART, checkout: e.RATE_LIMIT_CHECKOUT, search: e.RATE_LIMIT_SEARCH },
    metricsToken: e.METRICS_TOKEN ?? null,
    ...overrides,
  };
  if (config.paymentProviders.includes('stripe') && !config.stripe) {
    throw new ConfigError('Invalid configuration:\n  PAYMENT_PROVIDERS: stripe needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
  }
  if (!config.sessionSecret) {
    if (config.env === 'production') {
      throw new ConfigError('Invalid configuration:\n  SESSION_SECRET: required in production (32+ random characters)');
    }
    config.sessionSecret = localSecret(config.dataDir);
  }
  return config;
}

/** Outside production a secret is generated once and kept beside the data, never in the repository. */
function localSecret(dataDir: string): string {
  const file = resolve(dataDir, '.session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
