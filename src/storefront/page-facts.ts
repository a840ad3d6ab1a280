import { createHash } from 'node:crypto';
import type { CollectionView, Locale, ProductCard, ProductView } from '../catalog/index.ts';
import type { VariantStock } from '../cache/stock-query.ts';
import { stockState } from './variant-choice.ts';

// What a cached page says it shows, in two vocabularies shared by the pages and the invalidation:
// tags (sent to CDNs as Surrogate-Key / Cache-Tag, removed on an edit) and facts (values that move
// without an edit, compared with a fresh read: stock states and the navigation).

export const TAG = {
  product: (id: number) => `product-${id}`,
  collection: (id: number) => `collection-${id}`,
  /** Pages listing any product (home, search, sitemap): a new or edited product may appear there. */
  products: 'products',
  /** Pages listing collections (the sitemap); collection pages carry their own tag. */
  collections: 'collections',
  /** Every page with the header navigation. */
  nav: 'nav',
} as const;

export const FACT = {
  /** A variant's stock as the product page shows it: in stock, "only 3 left", sold out, backorder. */
  variant: (id: number) => `v${id}`,
  /** Whether a product card carries the "sold out" badge. */
  card: (productId: number) => `a${productId}`,
  nav: (locale: Locale) => `nav-${locale}`,
};

export function variantStockKey(v: { trackInventory: boolean; allowBackorder: boolean; stock: { available: number } }): string {
  const s = stockState(v);
  return s.kind === 'low' ? `low:${s.count}` : s.kind;
}

/** The same rule as the catalog's listing: untracked, on backorder or with units left. */
const cardAvailable = (v: VariantStock) => !v.trackInventory || v.allowBackorder || v.available > 0;

/** A short digest of the navigation, so pages can say which one they show. */
export function navDigest(nav: CollectionView[]): string {
  const h = createHash('sha1');
  for (const c of nav) h.update(`${c.id}\u0000${c.handle}\u0000${c.title}\u0001`);
  return h.digest('base64url').slice(0, 16);
}

export type PageLabels = { tags: string[]; facts: Record<string, string> };

export function productPageLabels(product: ProductView, locale: Locale, nav: CollectionView[]): PageLabels {
  const facts: Record<string, string> = { [FACT.nav(locale)]: navDigest(nav) };
  for (const v of product.variants) facts[FACT.variant(v.id)] = variantStockKey(v);
  const crumb = product.collections[0];
  return { tags: [TAG.product(product.id), ...(crumb ? [TAG.collection(crumb.id)] : []), TAG.nav], facts };
}

export function listingLabels(cards: ProductCard[], locale: Locale, nav: CollectionView[], own: string[]): PageLabels {
  const facts: Record<string, string> = { [FACT.nav(locale)]: navDigest(nav) };
  for (const c of cards) facts[FACT.card(c.id)] = c.available ? '1' : '0';
  return { tags: [...own, ...cards.map((c) => TAG.product(c.id)), TAG.nav], facts };
}

export function plainLabels(locale: Locale, nav: CollectionView[], own: string[] = []): PageLabels {
  return { tags: [...own, TAG.nav], facts: { [FACT.nav(locale)]: navDigest(nav) } };
}

/** Facts now true after stock moved, per product: for comparing with cached pages and telling the CDN. */
export function stockFacts(rows: VariantStock[]): Map<number, Map<string, string>> {
  const byProduct = new Map<number, Map<string, string>>();
  for (const r of rows) {
    let facts = byProduct.get(r.productId);
    if (!facts) byProduct.set(r.productId, (facts = new Map([[FACT.card(r.productId), '0']])));
    facts.set(FACT.variant(r.variantId), variantStockKey({ trackInventory: r.trackInventory, allowBackorder: r.allowBackorder, stock: { available: r.available } }));
    if (cardAvailable(r)) facts.set(FACT.card(r.productId), '1');
  }
  return byProduct;
}
