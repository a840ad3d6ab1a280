import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fastifyRateLimit, { type RateLimitOptions } from '@fastify/rate-limit';
import fastifyUnderPressure, { type FastifyUnderPressureOptions } from '@fastify/under-pressure';
import type { Config } from '../config.ts';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import { wantsJson } from './errors.ts';
import { groupedRateLimitStore } from './rate-limit-store.ts';

// Protection for the newsletter rush: per-IP limits on the expensive or abusable paths, and load shedding
// (503 + Retry-After) before the process falls over. Both answer before the body is read or anything is written.

export type LimitGroup = 'cart' | 'checkout' | 'search' | 'login';

const MINUTE = 60_000;
const GiB = 1024 ** 3;

/** A search costs a query only when it has terms; the empty search page is not counted. */
function hasSearchTerms(req: FastifyRequest): boolean {
  const q = (req.query as Record<string, unknown> | undefined)?.q;
  return typeof q === 'string' ? q.trim() !== '' : Array.isArray(q) && q.length > 0;
}

const LOOPBACK = /^(?:127\.|::1$|::ffff:127\.)/;
let localProxyWarned = false;

/**
 * Shopping requests from this machine itself are not counted: `comptoir rush`, benchmarks and scripts
 * act for many shoppers from one address. Behind TRUST_PROXY a forwarded request is a visitor's, whatever
 * address it claims, so it is counted. Without TRUST_PROXY, a proxy on this machine makes every visitor
 * look local: better no limit than one allowance for the whole shop during a rush, and the log says why.
 */
function fromThisMachine(req: FastifyRequest, config: Config): boolean {
  if (!LOOPBACK.test(req.socket.remoteAddress ?? '')) return false;
  if (!req.headers['x-forwarded-for']) return true;
  if (config.trustProxy) return false;
  if (!localProxyWarned) {
    localProxyWarned = true;
    req.log.warn('requests arrive through a proxy on this machine but TRUST_PROXY is off: per-IP limits on cart, checkout and search are not applied');
  }
  return true;
}

/**
 * The per-IP limit of a group, as a route's `config.rateLimit`. Routes of one group share one counter per IP
 * (see rate-limit-store.ts), so the storefront pages and the store API draw on the same allowance.
 * Log-ins are counted whoever sends them.
 */
export function rateLimitFor(group: LimitGroup, config: Config): RateLimitOptions {
  const max = group === 'login' ? config.loginRateLimit : config.rateLimits[group];
  const limit: RateLimitOptions = { max, timeWindow: MINUTE, groupId: group };
  if (group === 'search') limit.allowList = (req) => !hasSearchTerms(req) || fromThisMachine(req, config);
  else if (group !== 'login') limit.allowList = (req) => fromThisMachine(req, config);
  return limit;
}

const LOCALE_PREFIX = `/(?:${LOCALES.join('|')})`;

/** Storefront routes limited from here (their files stay free of it); the store API declares its own. */
const STOREFRONT_LIMITS: { group: LimitGroup; methods: string[]; url: RegExp }[] = [
  { group: 'cart', methods: ['POST'], url: new RegExp(`^${LOCALE_PREFIX}/cart(?:/|$)`) },
  { group: 'checkout', methods: ['GET', 'HEAD', 'POST'], url: new RegExp(`^${LOCALE_PREFIX}/checkout/?$`) },
  { group: 'search', methods: ['GET', 'HEAD'], url: new RegExp(`^${LOCALE_PREFIX}/search/?$`) },
  // Declared per page in the account routes; grouped here so the French and English forms share one allowance.
  { group: 'login', methods: ['POST'], url: new RegExp(`^${LOCALE_PREFIX}/account/login/?$`) },
];

export function storefrontLimitGroup(method: string | string[], url: string): LimitGroup | null {
  const methods = Array.isArray(method) ? method : [method];
  return STOREFRONT_LIMITS.find((l) => l.url.test(url) && methods.some((m) => l.methods.includes(m)))?.group ?? null;
}

function localeOf(url: string, fallback: Locale): Locale {
  const prefix = /^\/([a-z]{2})(?:[/?]|$)/.exec(url)?.[1];
  return (LOCALES as readonly string[]).includes(prefix ?? '') ? (prefix as Locale) : fallback;
}

const plural = (n: number, one: string, other: string) => (n === 1 ? one : other);

const TEXT = {
  fr: {
    limited: (s: number) => `Vous avez fait beaucoup de demandes en peu de temps. Réessayez dans ${s}\u00a0${plural(s, 'seconde', 'secondes')}.`,
    busyTitle: 'Un instant, s’il vous plaît',
    busy: 'La boutique reçoit beaucoup de visites en ce moment. Réessayez dans quelques secondes\u00a0: votre panier est conservé.',
  },
  en: {
    limited: (s: number) => `You have made many requests in a short time. Please try again in ${s} ${plural(s, 'second', 'seconds')}.`,
    busyTitle: 'One moment, please',
    busy: 'The shop is very busy right now. Please try again in a few seconds: your cart is kept.',
  },
} satisfies Record<Locale, unknown>;

/** Thresholds past which requests are shed with 503; the defaults suit a small (2-core) server. */
export type PressureLimits = {
  /**
   * Mean event-loop delay over one sample. Admission control queues new checkouts from ADMISSION_MAX_EVENT_LOOP_DELAY_MS
   * (a p99); shedding every request starts at twice that, as a mean: the last resort.
   */
  maxEventLoopDelayMs: number;
  maxHeapUsedBytes: number;
  maxRssBytes: number;
  sampleIntervalMs: number;
  retryAfterSeconds: number;
};

export function pressureLimits(config: Config, over: Partial<PressureLimits> = {}): PressureLimits {
  const heapLimit = getHeapStatistics().heap_size_limit;
  // In a container, its memory limit; otherwise the machine's memory.
  const memory = Math.min(process.constrainedMemory?.() || Infinity, totalmem());
  return {
    maxEventLoopDelayMs: config.admission.maxEventLoopDelayMs * 2,
    maxHeapUsedBytes: Math.min(GiB, Math.floor(heapLimit * 0.9)),
    maxRssBytes: Math.min(1.5 * GiB, Math.floor(memory * 0.8)),
    sampleIntervalMs: 1000,
    retryAfterSeconds: 5,
    ...over,
  };
}

/**
 * Paths that keep answering under pressure: the merchant's view of the rush, the waiting room (the designed
 * answer to overload; shoppers in line keep their place and see it move) and static files (cheap, often from a CDN).
 */
const EXEMPT = /^\/(?:metrics|admin\/live\.json|waiting-room)(?:[?/]|$)|^\/(?:assets|media)\//;

function busyPage(locale: Locale, refreshSeconds: number | null): string {
  const t = TEXT[locale];
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : '';
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="robots" content="noindex">${refresh}<title>${t.busyTitle}</title></head>` +
    `<body style="font:1.1rem/1.5 system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222">` +
    `<h1 style="font-size:1.5rem">${t.busyTitle}</h1><p>${t.busy}</p></body></html>`
  );
}

function registerRouteLimits(server: FastifyInstance, config: Config): void {
  // Must run before @fastify/rate-limit's own onRoute hook, which reads config.rateLimit: registered first.
  server.addHook('onRoute', (route: RouteOptions) => {
    const group = storefrontLimitGroup(route.method, route.url ?? '');
    if (group) route.config = { ...route.config, rateLimit: rateLimitFor(group, config) };
  });
}

async function registerRateLimits(server: FastifyInstance, config: Config): Promise<void> {
  let proxyWarned = false;
  await server.register(fastifyRateLimit, {
    global: false,
    store: groupedRateLimitStore(),
    errorResponseBuilder: (req, ctx) => {
      const seconds = Math.max(1, Math.ceil(ctx.ttl / 1000));
      const locale = req.url.startsWith('/api/') ? 'en' : localeOf(req.url, config.defaultLocale);
      return new AppError('RATE_LIMITED', TEXT[locale].limited(seconds));
    },
    onExceeded: (req, key) => {
      // Behind a proxy without TRUST_PROXY every shopper has the proxy's address: one allowance for the whole shop.
      if (!config.trustProxy && !proxyWarned && req.headers['x-forwarded-for']) {
        proxyWarned = true;
        req.log.warn({ key }, 'rate limit reached for an address that forwards for others (X-Forwarded-For): set TRUST_PROXY=1 behind a reverse proxy, or all shoppers share one limit');
      }
    },
  });
}

async function registerBackpressure(server: FastifyInstance, limits: PressureLimits, defaultLocale: Locale): Promise<void> {
  const pages = new Map<string, string>();
  const page = (locale: Locale, refresh: boolean) => {
    const key = `${locale}:${refresh}`;
    let html = pages.get(key);
    if (!html) pages.set(key, (html = busyPage(locale, refresh ? limits.retryAfterSeconds : null)));
    return html;
  };
  let shed = 0;
  let lastLog = 0;
  // The first samples include start-up work (compiling routes, migrations): not a sign of load.
  let settledAt = Infinity;
  server.addHook('onReady', async () => {
    settledAt = Date.now() + 2 * limits.sampleIntervalMs;
  });
  // The plugin reports only the first limit passed; memory still counts while the delay is ignored.
  const memoryOver = () => {
    const m = server.memoryUsage();
    return m.heapUsed > limits.maxHeapUsedBytes || m.rssBytes > limits.maxRssBytes;
  };

  // Returns the body to send (under-pressure sends it), or undefined to let an exempt request through.
  const shedRequest = (req: FastifyRequest, reply: FastifyReply, type: string, value: number | undefined) => {
    if (EXEMPT.test(req.url)) return undefined;
    if (type === 'eventLoopDelay' && Date.now() < settledAt && !memoryOver()) return undefined;
    shed++;
    const now = Date.now();
    if (now - lastLog >= 5000) {
      req.log.warn({ type, value, shed }, 'under pressure: answering 503 to new requests');
      lastLog = now;
      shed = 0;
    }
    reply.code(503).header('retry-after', String(limits.retryAfterSeconds)).header('cache-control', 'no-store');
    const locale = req.url.startsWith('/api/') ? 'en' : localeOf(req.url, defaultLocale);
    if (wantsJson(req)) {
      reply.type('application/json; charset=utf-8');
      return { error: { code: 'UNAVAILABLE', message: TEXT[locale].busy } };
    }
    // Only a GET can simply be reloaded; a form post is the visitor's to send again.
    reply.type('text/html; charset=utf-8');
    return page(locale, req.method === 'GET');
  };

  await server.register(fastifyUnderPressure, {
    maxEventLoopDelay: limits.maxEventLoopDelayMs,
    maxHeapUsedBytes: limits.maxHeapUsedBytes,
    maxRssBytes: limits.maxRssBytes,
    sampleInterval: limits.sampleIntervalMs,
    retryAfter: limits.retryAfterSeconds,
    // The plugin sends whatever the handler returns; its types only admit void.
    pressureHandler: shedRequest as unknown as FastifyUnderPressureOptions['pressureHandler'],
  });
}

/**
 * Registers rate limits and load shedding; call before any route is added.
 * `server.isUnderPressure()` and `server.memoryUsage()` then tell other code (admission, metrics) how the process is doing.
 */
export async function registerProtection(server: FastifyInstance, config: Config, pressure: Partial<PressureLimits> = {}): Promise<void> {
  registerRouteLimits(server, config);
  await registerRateLimits(server, config);
  await registerBackpressure(server, pressureLimits(config, pressure), config.defaultLocale);
}
