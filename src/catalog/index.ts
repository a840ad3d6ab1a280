import type { Db, Dialect } from '../db/connection.ts';
import { createImageService, type ImageService } from './image-service.ts';
import { createCollectionService, type CollectionService } from './collection-service.ts';
import { facetsFor, listProducts, type ListFilter } from './product-listing.ts';
import { createProductService, type ProductChange, type ProductService } from './product-service.ts';
import type { Locale } from './schemas.ts';
import { createSearchIndex } from './search-index.ts';

export * from './schemas.ts';
export type * from './types.ts';
export type { ListFilter } from './product-listing.ts';
export type { ProductChange } from './product-service.ts';
export { toInput } from './product-service.ts';
export { pickTranslation } from './product-queries.ts';
export { ftsQuery } from './search-index.ts';

export type CatalogEvents = {
  onProductChange?: (c: ProductChange) => void;
  onCollectionChange?: (c: { collectionId: number; handle: string }) => void;
};

export type Catalog = {
  products: ProductService;
  collections: CollectionService;
  images: ImageService;
  list: (f: ListFilter) => ReturnType<typeof listProducts>;
  facets: (f: ListFilter) => ReturnType<typeof facetsFor>;
  /** Full-text search over active products, best match first. */
  search: (query: string, f: Omit<ListFilter, 'ids'>) => ReturnType<typeof listProducts>;
};

export function createCatalog(deps: { db: Db; dialect: Dialect; currency: string; defaultLocale: Locale; uploadDir: string } & CatalogEvents): Catalog {
  const search = createSearchIndex(deps.dialect);
  const products = createProductService({ db: deps.db, currency: deps.currency, defaultLocale: deps.defaultLocale, search, onChange: deps.onProductChange });
  const collections = createCollectionService({ db: deps.db, defaultLocale: deps.defaultLocale, onChange: deps.onCollectionChange });
  const images = createImageService({
    db: deps.db,
    uploadDir: deps.uploadDir,
    // Awaited, so a caller that closes the database right after an upload does not race this read.
    onChange: async (productId) => {
      const p = await products.get(productId);
      if (p) deps.onProductChange?.({ productId, handle: p.handle, collectionIds: p.collections.map((c) => c.id) });
    },
  });
  return {
    products,
    collections,
    images,
    list: (f) => listProducts(deps.db, f),
    facets: (f) => facetsFor(deps.db, f),
    async search(query, f) {
      const ids = await search.search(deps.db, query, 200);
      return listProducts(deps.db, { ...f, ids, status: 'active' });
    },
  };
}
