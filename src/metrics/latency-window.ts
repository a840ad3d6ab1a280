// Shopper request durations over the last minute, for the p50 and p99 that Prometheus histogram
// buckets cannot give exactly. One log-scale histogram per second (buckets 5% apart, 0.1 ms to
// two minutes): recording is O(1) with no allocation, and a quantile reads a fixed number of
// counters whatever the traffic, so a rush of thousands of requests a second costs nothing extra.

const MIN_MS = 0.1;
const GROWTH = 1.05;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(120_000 / MIN_MS) / LOG_GROWTH) + 1;

/** Upper bound of bucket i, in ms: a quantile is reported at most 5% high, never low. */
const upperMs = (i: number) => MIN_MS * GROWTH ** (i + 1);

function bucketOf(ms: number): number {
  if (!(ms > MIN_MS)) return 0;
  return Math.min(BUCKETS - 1, Math.floor(Math.log(ms / MIN_MS) / LOG_GROWTH));
}

export type LatencySummary = {
  /** Requests in the window. */
  count: number;
  perSecond: number;
  /** null when there were no requests in the window. */
  p50Ms: number | null;
  p99Ms: number | null;
};

export function createLatencyWindow(opts: { seconds?: number; now?: () => number } = {}) {
  const seconds = opts.seconds ?? 60;
  const now = opts.now ?? Date.now;
  const startedAt = now();
  const slices = Array.from({ length: seconds }, () => ({ second: -1, total: 0, counts: new Uint32Array(BUCKETS) }));

  function sliceFor(second: number) {
    const s = slices[second % seconds]!;
    if (s.second !== second) {
      s.second = second;
      s.total = 0;
      s.counts.fill(0);
    }
    return s;
  }

  return {
    record(ms: number): void {
      const s = sliceFor(Math.floor(now() / 1000));
      s.counts[bucketOf(ms)]!++;
      s.total++;
    },

    summary(): LatencySummary {
      const current = Math.floor(now() / 1000);
      const merged = new Float64Array(BUCKETS);
      let count = 0;
      for (const s of slices) {
        if (s.total === 0 || s.second <= current - seconds || s.second > current) continue;
        count += s.total;
        for (let i = 0; i < BUCKETS; i++) merged[i]! += s.counts[i]!;
      }
      const quantile = (q: number): number | null => {
        if (count === 0) return null;
        const rank = Math.max(1, Math.ceil(q * count));
        let seen = 0;
        for (let i = 0; i < BUCKETS; i++) {
          seen += merged[i]!;
          if (seen >= rank) return Math.round(upperMs(i) * 10) / 10;
        }
        return Math.round(upperMs(BUCKETS - 1));
      };
      // Right after boot the window is not full yet: divide by the time actually covered.
      const covered = Math.min(seconds, Math.max(1, (now() - startedAt) / 1000));
      return { count, perSecond: Math.round((count / covered) * 10) / 10, p50Ms: quantile(0.5), p99Ms: quantile(0.99) };
    },
  };
}

export type LatencyWindow = ReturnType<typeof createLatencyWindow>;
