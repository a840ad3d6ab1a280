import type { FastifyRateLimitStore } from '@fastify/rate-limit';

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

/** Fixed one-window counters per key (an IP), holding at most `capacity` keys: the oldest window goes first. */
class WindowCounters implements FastifyRateLimitStore {
  private readonly windows = new Map<string, { count: number; start: number }>();

  constructor(private readonly capacity: number) {}

  incr(key: string, cb: Callback, timeWindow: number): void {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.start + timeWindow <= now) {
      // Re-inserted, so the Map's order stays the order in which windows started.
      if (w) this.windows.delete(key);
      w = { count: 0, start: now };
      this.windows.set(key, w);
      if (this.windows.size > this.capacity) this.windows.delete(this.windows.keys().next().value!);
    }
    w.count++;
    cb(null, { current: w.count, ttl: w.start + timeWindow - now });
  }

  read(key: string, cb: Callback, timeWindow: number): void {
    const now = Date.now();
    const w = this.windows.get(key);
    if (!w || w.start + timeWindow <= now) cb(null, { current: 0, ttl: 0 });
    else cb(null, { current: w.count, ttl: w.start + timeWindow - now });
  }

  child(_routeOptions: object): FastifyRateLimitStore {
    return new WindowCounters(this.capacity);
  }
}

/**
 * A store for @fastify/rate-limit whose routes with the same `groupId` share one set of counters.
 * The plugin's own store gives every route its counters, so "cart mutations per minute" would be per URL;
 * here adding a line, changing it and removing it (pages and API alike) count against one limit.
 */
export function groupedRateLimitStore(capacity = 20_000) {
  const groups = new Map<string, WindowCounters>();
  return class GroupedStore extends WindowCounters {
    constructor() {
      super(capacity);
    }

    // Called once per limited route with the route's merged limit options.
    override child(routeOptions: object): FastifyRateLimitStore {
      const group = (routeOptions as { groupId?: unknown }).groupId;
      if (typeof group !== 'string') return new WindowCounters(capacity);
      let counters = groups.get(group);
      if (!counters) groups.set(group, (counters = new WindowCounters(capacity)));
      return counters;
    }
  };
}
