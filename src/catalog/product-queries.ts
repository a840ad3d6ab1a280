import type { Executor } from '../db/connection.ts';
import { levelsFor } from '../inventory/index.ts';
import { isAvailable, variantTitle } from './rules.ts';
import type { Locale } from './schemas.ts';
import type { ImageView, ProductView, Translation, VariantView } from './types.ts';

type Where = { id: number } | { handle: string };

/** Pick the shopper's language, falling back to any translation the product has. */
export function pickTranslation<T>(all: Partial<Record<Locale, T>>, locale: Locale): T | undefined {
  return all[locale] ?? all.fr ?? all.en;
}

/** One product with everything a page or the API shows, in a fixed number of queries (6). */
export async function loadProduct(db: Executor, where: Where, locale: Locale): Promise<ProductView | null> {
  // The product with its translations in one query (one row per locale).
  let q = db
    .selectFrom('products as p')
    .leftJoin('product_translations as t', 't.product_id', 'p.id')
    .select([
      'p.id', 'p.handle', 'p.status', 'p.vendor', 'p.tax_category', 'p.min_price_amount', 'p.max_price_amount', 'p.currency', 'p.created_at', 'p.updated_at',
      't.locale', 't.title', 't.description', 't.seo_title', 't.seo_description',
    ]);
  q = 'id' in where ? q.where('p.id', '=', where.id) : q.where('p.handle', '=', where.handle);
  const rows = await q.execute();
  const p = rows[0];
  if (!p) return null;
  const [options, variants, images, collections] = await Promise.all([
    db.selectFrom('product_options').select(['name', 'position']).where('product_id', '=', p.id).orderBy('position').execute(),
    db
      .selectFrom('variants')
      .select(['id', 'sku', 'barcode', 'option1', 'option2', 'option3', 'price_amount', 'compare_at_amount', 'currency', 'weight_grams', 'track_inventory', 'allow_backorder'])
      .where('product_id', '=', p.id)
      .orderBy('position')
      .execute(),
    db.selectFrom('product_images').select(['id', 'storage_key', 'width', 'height', 'alt']).where('product_id', '=', p.id).orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('collection_products as cp')
      .innerJoin('collections as c', 'c.id', 'cp.collection_id')
      .innerJoin('collection_translations as ct', 'ct.collection_id', 'c.id')
      .select(['c.id', 'c.handle', 'ct.locale', 'ct.title'])
      .where('cp.product_id', '=', p.id)
      .orderBy('c.position')
      .execute(),
  ]);

  const levels = await levelsFor(db, variants.map((v) => v.id));

  const byLocale: Partial<Record<Locale, Translation>> = {};
  for (const t of rows) {
    if (t.locale) byLocale[t.locale as Locale] = { title: t.title!, description: t.description!, seoTitle: t.seo_title, seoDescription: t.seo_description };
  }
  const tr = pickTranslation(byLocale, locale) ?? { title: p.handle, description: '', seoTitle: null, seoDescription: null };

  const variantViews: VariantView[] = variants.map((v) => {
    const level = levels.get(v.id) ?? { onHand: 0, reserved: 0 };
    const available = level.onHand - level.reserved;
    const trackInventory = v.track_inventory === 1;
    const allowBackorder = v.allow_backorder === 1;
    const opts = [v.option1, v.option2, v.option3].slice(0, options.length).map((o) => o ?? '');
    return {
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      options: opts,
      title: variantTitle(opts),
      price: { amount: Number(v.price_amount), currency: v.currency },
      compareAtPrice: v.compare_at_amount == null ? null : { amount: Number(v.compare_at_amount), currency: v.currency },
      weightGrams: v.weight_grams,
      trackInventory,
      allowBackorder,
      stock: { onHand: level.onHand, reserved: level.reserved, available },
      available: isAvailable({ trackInventory, allowBackorder, available }),
    };
  });

  const collectionMap = new Map<number, { id: number; handle: string; titles: Partial<Record<Locale, string>> }>();
  for (const c of collections) {
    const entry = collectionMap.get(c.id) ?? { id: c.id, handle: c.handle, titles: {} };
    entry.titles[c.locale as Locale] = c.title;
    collectionMap.set(c.id, entry);
  }

  return {
    id: p.id,
    handle: p.handle,
    status: p.status,
    vendor: p.vendor,
    taxCategory: p.tax_category,
    locale,
    title: tr.title,
    description: tr.description,
    seoTitle: tr.seoTitle,
    seoDescription: tr.seoDescription,
    translations: byLocale,
    options: options.map((o, i) => ({
      name: o.name,
      values: [...new Set(variantViews.map((v) => v.options[i]!).filter(Boolean))],
    })),
    variants: variantViews,
    images: images.map(toImageView),
    collections: [...collectionMap.values()].map((c) => ({ id: c.id, handle: c.handle, title: pickTranslation(c.titles, locale) ?? c.handle })),
    priceRange: {
      min: { amount: Number(p.min_price_amount), currency: p.currency },
      max: { amount: Number(p.max_price_amount), currency: p.currency },
    },
    createdAt: p.created_at,
    updatedAt: p.updated_at,
  };
}

export function toImageView(i: { id: number; storage_key: string; width: number; height: number; alt: string }): ImageView {
  return { id: i.id, key: i.storage_key, width: i.width, height: i.height, alt: i.alt };
}
