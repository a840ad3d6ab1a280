import type { CatalogChangeListeners } from '../app.ts';
import type { PageCache } from '../cache/page-cache.ts';
import type { CdnPurgeQueue } from '../cache/cdn-purge.ts';
import { stockOfProductsOwning } from '../cache/stock-query.ts';
import type { Executor } from '../db/connection.ts';
import { LOCALES } from '../i18n/index.ts';
import { FACT, navDigest, stockFacts, TAG } from './page-facts.ts';
import type { Site } from './site.ts';

export type StockEvents = CatalogChangeListeners & { stock: Array<(variantIds: number[]) => void> };


/**
 * Keeps cached pages (here and at the CDN) true to the catalog:
 * - a product edit removes its page, the pages listing it, its collections' pages, home and search;
 * - a collection edit removes its page and the product pages naming it;
 * - stock that moved is read again (one query per batch) and only pages showing another stock state
 *   than now are removed: during a rush, "in stock" stays cached until it becomes "only 5 left";
 * - after either edit the navigation is read again, and pages are dropped only if it changed.
 * All of this runs after commit; the CDN is told the same tags, gathered for a second.
 */
export function watchForPageChanges(deps: {
  cache: PageCache;
  events: StockEvents;
  site: Site;
  db: Executor;
  purge: CdnPurgeQueue;
  log: { error: (obj: object, msg: string) => void };
}): void {
  const { cache, events, site, purge } = deps;
  // What the CDN was last told to hold, per fact: a value seen for the first time is purged too.
  const cdnKnown = new Map<string, string>();
  const factsOfProduct = new Map<number, string[]>();
  const stockQueue = new Set<number>();
  let navQueued = false;
  let announced = 0;
  let done = 0;
  let running = false;
  const waiters: { upTo: number; resolve: () => void }[] = [];

  function queued(): void {
    announced++;
    if (!running) {
      running = true;
      setImmediate(() => void drain());
    }
  }

  async function drain(): Promise<void> {
    try {
      while (stockQueue.size || navQueued) {
        const upTo = announced;
        const ids = [...stockQueue];
        stockQueue.clear();
        const nav = navQueued;
        navQueued = false;
        try {
          if (ids.length) await stock(ids);
          if (nav) await navigation();
        } catch (e) {
          // Without the fresh read nothing can be compared: forget every page rather than show a stale one.
          deps.log.error({ err: e }, 'page cache: could not read what changed; clearing the cache');
          cache.clear();
        }
        done = upTo;
        for (let i = waiters.length - 1; i >= 0; i--) {
          if (waiters[i]!.upTo <= done) waiters.splice(i, 1)[0]!.resolve();
        }
      }
    } finally {
      running = false;
      if (stockQueue.size || navQueued) queued();
    }
  }

  async function stock(variantIds: number[]): Promise<void> {
    const byProduct = stockFacts(await stockOfProductsOwning(deps.db, variantIds));
    const now = new Map<string, string>();
    const scope: string[] = [];
    const cdn: string[] = [];
    for (const [productId, facts] of byProduct) {
      scope.push(TAG.product(productId));
      factsOfProduct.set(productId, [...facts.keys()]);
      let moved = false;
      for (const [k, v] of facts) {
        now.set(k, v);
        if (cdnKnown.get(k) !== v) moved = true;
        cdnKnown.set(k, v);
      }
      if (moved) cdn.push(TAG.product(productId));
    }
    cache.reconcile(now, scope);
    purge.add(cdn);
  }

  async function navigation(): Promise<void> {
    const now = new Map<string, string>();
    let moved = false;
    for (const locale of LOCALES) {
      const k = FACT.nav(locale);
      const digest = navDigest(await site.nav.get(locale));
      now.set(k, digest);
      if (cdnKnown.get(k) !== digest) moved = true;
      cdnKnown.set(k, digest);
    }
    cache.reconcile(now, [TAG.nav]);
    if (moved) purge.add([TAG.nav]);
  }

  // What the CDN holds at boot is what the navigation is now; a later change is compared with it.
  void (async () => {
    for (const locale of LOCALES) {
      const digest = navDigest(await site.nav.get(locale));
      if (!cdnKnown.has(FACT.nav(locale))) cdnKnown.set(FACT.nav(locale), digest);
    }
  })().catch(() => undefined);

  events.product.push((c) => {
    const tags = [TAG.product(c.productId), ...c.collectionIds.map(TAG.collection), TAG.products];
    cache.invalidate(tags);
    purge.add(tags);
    // Its stock may have been set in the edit: its pages are purged now, so compare afresh next time.
    for (const k of factsOfProduct.get(c.productId) ?? []) cdnKnown.delete(k);
    navQueued = true;
    queued();
  });

  events.collection.push((c) => {
    const tags = [TAG.collection(c.collectionId), TAG.collections];
    cache.invalidate(tags);
    purge.add(tags);
    navQueued = true;
    queued();
  });

  events.stock.push((variantIds) => {
    if (variantIds.length === 0) return;
    for (const id of variantIds) stockQueue.add(id);
    queued();
  });

  // Pages are answered only once the changes announced so far have reached the cache.
  cache.trackPendingChanges(() => {
    if (done >= announced) return null;
    const upTo = announced;
    return new Promise<void>((resolve) => waiters.push({ upTo, resolve }));
  });
}
