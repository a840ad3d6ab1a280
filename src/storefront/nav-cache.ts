import type { Catalog, CollectionView, Locale } from '../catalog/index.ts';
import type { CatalogChangeListeners } from '../app.ts';

export type NavCache = {
  /** Collections with at least one active product, in shop order; read from the database only after a catalog change. */
  get(locale: Locale): Promise<CollectionView[]>;
  /** What is in memory now, even if stale (for the synchronous error page); null before the first load. */
  peek(locale: Locale): CollectionView[] | null;
};

// Every page shows the navigation, so it is kept in memory; any product or collection change
// bumps a version and the next request reloads it once (concurrent requests share that load).
export function createNavCache(catalog: Catalog, events: CatalogChangeListeners): NavCache {
  let version = 0;
  const cache = new Map<Locale, { version: number; items: CollectionView[] }>();
  const loading = new Map<Locale, Promise<CollectionView[]>>();
  const invalidate = () => {
    version++;
  };
  events.collection.push(invalidate);
  events.product.push(invalidate);

  return {
    async get(locale) {
      const hit = cache.get(locale);
      if (hit && hit.version === version) return hit.items;
      let pending = loading.get(locale);
      if (!pending) {
        const v = version;
        pending = catalog.collections
          .list(locale)
          .then((all) => {
            const items = all.filter((c) => c.productCount > 0);
            cache.set(locale, { version: v, items });
            return items;
          })
          .finally(() => loading.delete(locale));
        loading.set(locale, pending);
      }
      return pending;
    },
    peek: (locale) => cache.get(locale)?.items ?? null,
  };
}
