import type { Executor } from '../db/connection.ts';
import { createHitRatioWindow, type CacheCounts } from './hit-ratio-window.ts';
import { createLatencyWindow } from './latency-window.ts';
import { createRegistry } from './registry.ts';
import { bestSellers, countOrders, countOrdersSince, type BestSeller } from './shop-queries.ts';
import { createVisitorWindow } from './visitor-window.ts';

// The shop's own figures on top of the registry: HTTP timings, visitors, orders, page cache,
// queue and best sellers, computed once here so /metrics and the admin's live view agree.

/** Names other capabilities report under (the admission control owns these two). */
export const QUEUE_LENGTH = 'queue_length';
export const QUEUE_WAIT_SECONDS = 'queue_wait_seconds';

export type PageCacheStats = CacheCounts & { entries?: number; bytes?: number };

export type RequestSample = {
  /** The route pattern (/:locale/products/:handle), never the URL: label values stay few. */
  route: string | undefined;
  method: string;
  status: number;
  ms: number;
  /** A shopper's request (storefront or store API), as opposed to admin, system and static files. */
  shopper: boolean;
  ip: string;
  userAgent: string;
};

export type LiveFigures = {
  at: string;
  visitorsNow: number;
  ordersLastMinute: number;
  queue: { length: number; waitSeconds: number };
  pageCache: { connected: boolean; hitRatio: number; entries: number };
  latency: { p50Ms: number | null; p99Ms: number | null; requestsPerSecond: number; requests: number };
  bestSellers: BestSeller[];
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const BUCKETS = [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The same answer for everyone who asks within the time to live, and one query in flight at a time:
 * an admin page polling every 2 s and a scraper must not add database work during a rush. The time
 * to live may grow with the query's own duration (SQLite reads block the event loop).
 */
function shared<T>(ttlMs: number | ((lastQueryMs: number) => number), now: () => number, load: () => Promise<T>): () => Promise<T> {
  let value: { at: number; v: Promise<T> } | null = null;
  let ttl = typeof ttlMs === 'number' ? ttlMs : ttlMs(0);
  return () => {
    if (value && now() - value.at < ttl) return value.v;
    const started = performance.now();
    const v = load();
    value = { at: now(), v };
    v.then(
      () => typeof ttlMs === 'function' && (ttl = ttlMs(performance.now() - started)),
      () => (value = null),
    );
    return v;
  };
}

export function createMetrics(deps: { db: Executor; locale: string; now?: () => number }) {
  const now = deps.now ?? Date.now;
  const registry = createRegistry();
  const latency = createLatencyWindow({ now });
  const visitors = createVisitorWindow({ now });
  const cacheRatio = createHitRatioWindow({ now });
  let pageCache: (() => PageCacheStats) | null = null;

  const duration = registry.histogram('http_request_duration_seconds', 'Time to answer a request, by route pattern, method and status class', {
    labelNames: ['route', 'method', 'status_class'],
    buckets: BUCKETS,
  });
  const answered = registry.counter('http_requests_total', 'Requests answered, by status class', ['status_class']);

  const ordersLastMinute = shared(1000, now, () => countOrdersSince(deps.db, new Date(now() - 60_000).toISOString()));
  const ordersTotal = shared(1000, now, () => countOrders(deps.db));
  // Summing a day of order lines is the one costly read (about 40 ms for 20,000 orders): refresh it at
  // most every 5 s, and less often as it grows, so its pauses stay under 0.5% of the time.
  const topSellers = shared((ms) => Math.max(5000, ms * 200), now, () => bestSellers(deps.db, { since: new Date(now() - 86_400_000).toISOString(), locale: deps.locale, limit: 5 }));
  const cacheNow = () => pageCache?.() ?? { hits: 0, misses: 0, coalesced: 0, entries: 0, bytes: 0 };
  const hitRatio = () => cacheRatio.ratio(cacheNow());
  const seconds = (ms: number | null) => (ms ?? 0) / 1000;

  registry.gauge('visitors_now', 'Distinct shoppers (hashed IP and user agent) seen in the last 5 minutes by this process', () => visitors.count());
  registry.counterFrom('orders_total', 'Orders placed, read from the database (the same in every process)', ordersTotal);
  registry.gauge('orders_last_minute', 'Orders placed in the last 60 seconds, read from the database', ordersLastMinute);
  // Zero until the admission control registers the real figures under the same names.
  registry.gauge(QUEUE_LENGTH, 'Shoppers waiting in the checkout queue', () => 0);
  registry.gauge(QUEUE_WAIT_SECONDS, 'Estimated wait for a shopper joining the checkout queue now, in seconds', () => 0);
  registry.gauge('page_cache_hit_ratio', 'Share of page cache lookups answered from memory over the last minute (0 to 1)', hitRatio);
  registry.counterFrom('page_cache_hits_total', 'Page cache lookups answered from memory', () => cacheNow().hits);
  registry.counterFrom('page_cache_coalesced_total', 'Page cache lookups that waited for a render already running', () => cacheNow().coalesced ?? 0);
  registry.counterFrom('page_cache_misses_total', 'Page cache lookups that rendered the page', () => cacheNow().misses);
  registry.gauge('page_cache_entries', 'Pages held in the page cache', () => cacheNow().entries ?? 0);
  registry.gauge('page_cache_bytes', 'Bytes held in the page cache (all encodings)', () => cacheNow().bytes ?? 0);
  registry.gauge('storefront_latency_p50_seconds', 'Median time to answer a shopper request over the last minute', () => seconds(latency.summary().p50Ms));
  registry.gauge('storefront_latency_p99_seconds', '99th percentile of the time to answer a shopper request over the last minute', () => seconds(latency.summary().p99Ms));
  registry.gauge('storefront_requests_per_second', 'Shopper requests per second over the last minute', () => latency.summary().perSecond);
  registry.labelledGauge('best_seller_units_sold', 'Units sold in the last 24 hours of the 5 best-selling variants', ['sku'], async () =>
    (await topSellers()).map((b) => ({ labels: { sku: b.sku }, value: b.unitsSold })),
  );
  registry.labelledGauge('best_seller_available', 'Units available (on hand minus held) of the 5 best-selling variants', ['sku'], async () =>
    (await topSellers()).filter((b) => b.tracked).map((b) => ({ labels: { sku: b.sku }, value: b.available })),
  );

  return {
    gauge: registry.gauge,
    labelledGauge: registry.labelledGauge,
    counterFrom: registry.counterFrom,
    counter: registry.counter,
    histogram: registry.histogram,
    value: registry.value,
    exposition: registry.exposition,

    /** Where the hit ratio comes from: the storefront hands over its page cache's stats(). */
    setPageCacheStats(stats: () => PageCacheStats): void {
      pageCache = stats;
    },

    /** Called once per answered request (by the HTTP hook in routes.ts). */
    recordRequest(r: RequestSample): void {
      const statusClass = `${Math.floor(r.status / 100)}xx`;
      duration.observe(r.ms / 1000, { route: r.route ?? 'unmatched', method: METHODS.has(r.method) ? r.method : 'OTHER', status_class: statusClass });
      answered.inc({ status_class: statusClass });
      if (r.shopper) {
        latency.record(r.ms);
        visitors.touch(r.ip, r.userAgent);
      }
    },

    /** Everything the merchant's live view shows, as plain data. */
    async live(): Promise<LiveFigures> {
      const [orders, queueLength, queueWait, top] = await Promise.all([ordersLastMinute(), registry.value(QUEUE_LENGTH), registry.value(QUEUE_WAIT_SECONDS), topSellers()]);
      const l = latency.summary();
      return {
        at: new Date(now()).toISOString(),
        visitorsNow: visitors.count(),
        ordersLastMinute: orders,
        queue: { length: queueLength, waitSeconds: queueWait },
        pageCache: { connected: pageCache !== null, hitRatio: hitRatio(), entries: cacheNow().entries ?? 0 },
        latency: { p50Ms: l.p50Ms, p99Ms: l.p99Ms, requestsPerSecond: l.perSecond, requests: l.count },
        bestSellers: top,
      };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
