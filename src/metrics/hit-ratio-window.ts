// The page cache counts hits and misses since boot, but during a rush the merchant wants the share
// of the last minute. Snapshots of the running totals, taken when read (at most one per 5 s), give
// it without a timer; until a minute of history exists, the ratio since boot stands in.

export type CacheCounts = { hits: number; misses: number; coalesced?: number };

export function createHitRatioWindow(opts: { windowMs?: number; now?: () => number } = {}) {
  const windowMs = opts.windowMs ?? 60_000;
  const now = opts.now ?? Date.now;
  let snaps: { at: number; served: number; total: number }[] = [];

  return {
    /** Share of lookups answered from memory (coalesced waits count as answered): 0 to 1, 0 before any lookup. */
    ratio(c: CacheCounts): number {
      const served = c.hits + (c.coalesced ?? 0);
      const total = served + c.misses;
      const at = now();
      // A smaller total means a new cache: history before it says nothing about it.
      if (snaps.length && total < snaps[snaps.length - 1]!.total) snaps = [];
      if (!snaps.length || at - snaps[snaps.length - 1]!.at >= 5000) snaps.push({ at, served, total });
      // Keep the newest snapshot that is at least a window old as the base, drop the ones before it.
      while (snaps.length > 1 && snaps[1]!.at <= at - windowMs) snaps.shift();
      const base = snaps[0]!;
      const recent = total - base.total;
      if (recent > 0) return (served - base.served) / recent;
      return total > 0 ? served / total : 0;
    },
  };
}
