import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { pickTranslation, toImageView } from './product-queries.ts';
import type { Locale, Sort } from './schemas.ts';
import type { Facets, ImageView, ProductCard, ProductPage } from './types.ts';

export type ListFilter = {
  locale: Locale;
  status?: 'draft' | 'active' | 'archived' | 'any';
  collectionId?: number;
  /** Product ids from a full-text search, in rank order. */
  ids?: number[];
  /** Admin search on title, handle or SKU. */
  text?: string;
  minPrice?: number;
  maxPrice?: number;
  /** Option name -> accepted values. */
  options?: Record<string, string[]>;
  sort?: Sort;
  page?: number;
  perPage?: number;
};

type Q = SelectQueryBuilder<Database, 'products', any>;

function optionMatch(eb: ExpressionBuilder<Database, 'products'>, name: string, values: string[]) {
  // A variant of the product carries one of the values in the slot of the option with that name.
  return eb.exists(
    eb
      .selectFrom('variants as v')
      .innerJoin('product_options as po', 'po.product_id', 'v.product_id')
      .select(sql`1`.as('x'))
      .whereRef('v.product_id', '=', 'products.id')
      .where('po.name', '=', name)
      .where((w) =>
        w.or([
          w.and([w('po.position', '=', 1), w('v.option1', 'in', values)]),
          w.and([w('po.position', '=', 2), w('v.option2', 'in', values)]),
          w.and([w('po.position', '=', 3), w('v.option3', 'in', values)]),
        ]),
      ),
  );
}

function applyFilter(q: Q, f: ListFilter, withPrice = true): Q {
  const status = f.status ?? 'active';
  if (status !== 'any') q = q.where('products.status', '=', status);
  if (f.collectionId !== undefined) {
    q = q.where('products.id', 'in', (eb: any) => eb.selectFrom('collection_products').select('product_id').where('collection_id', '=', f.collectionId));
  }
  if (f.ids) q = q.where('products.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.text) {
    const like = `%${f.text.toLowerCase().replace(/[%_\\]/g, (c) => '\\' + c)}%`;
    q = q.where((eb) =>
      eb.or([
        eb(sql`lower(products.handle)`, 'like', like),
        eb.exists(eb.selectFrom('product_translations as t').select(sql`1`.as('x')).whereRef('t.product_id', '=', 'products.id').where(sql`lower(t.title)`, 'like', like)),
        eb.exists(eb.selectFrom('variants as sv').select(sql`1`.as('x')).whereRef('sv.product_id', '=', 'products.id').where(sql`lower(sv.sku)`, 'like', like)),
      ]),
    );
  }
  if (withPrice && f.minPrice !== undefined) q = q.where('products.max_price_amount', '>=', f.minPrice);
  if (withPrice && f.maxPrice !== undefined) q = q.where('products.min_price_amount', '<=', f.maxPrice);
  for (const [name, values] of Object.entries(f.options ?? {})) {
    if (values.length) q = q.where((eb) => optionMatch(eb, name, values));
  }
  return q;
}

/** A page of product cards in a fixed number of queries (5), whatever the page size. */
export async function listProducts(db: Executor, f: ListFilter): Promise<ProductPage> {
  const perPage = Math.min(Math.max(f.perPage ?? 24, 1), 100);
  const page = Math.max(f.page ?? 1, 1);
  const base = applyFilter(db.selectFrom('products') as Q, f);
  const countRow = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const total = Number(countRow?.n ?? 0);

  let q = base.select([
    'products.id',
    'products.handle',
    'products.status',
    'products.min_price_amount',
    'products.max_price_amount',
    'products.currency',
    'products.updated_at',
  ]);
  const sort = f.sort ?? (f.ids ? undefined : 'featured');
  if (sort === 'price-asc') q = q.orderBy('products.min_price_amount', 'asc');
  else if (sort === 'price-desc') q = q.orderBy('products.max_price_amount', 'desc');
  else if (sort === 'newest') q = q.orderBy('products.created_at', 'desc').orderBy('products.id', 'desc');
  else if (sort === 'title') {
    q = q.orderBy((eb: any) =>
      eb.selectFrom('product_translations as st').select('st.title').whereRef('st.product_id', '=', 'products.id').orderBy(sql`st.locale = ${f.locale}`, 'desc').limit(1),
    );
  } else if (sort === 'featured' && f.collectionId !== undefined) {
    q = q.orderBy((eb: any) =>
      eb.selectFrom('collection_products as cp').select('cp.position').whereRef('cp.product_id', '=', 'products.id').where('cp.collection_id', '=', f.collectionId),
    );
  } else if (sort === 'featured') q = q.orderBy('products.created_at', 'asc');
  q = q.orderBy('products.id', 'asc').limit(perPage).offset((page - 1) * perPage);
  let rows = (await q.execute()) as CardRow[];
  if (f.ids && !f.sort) {
    const rank = new Map(f.ids.map((id, i) => [id, i]));
    rows = [...rows].sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  }
  const items = await cardsFor(db, rows, f.locale);
  return { items, total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)) };
}

type CardRow = { id: number; handle: string; status: ProductCard['status']; min_price_amount: number; max_price_amount: number; currency: string; updated_at: string };

async function cardsFor(db: Executor, rows: CardRow[], locale: Locale): Promise<ProductCard[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [titles, images, variants] = await Promise.all([
    db.selectFrom('product_translations').select(['product_id', 'locale', 'title']).where('product_id', 'in', ids).execute(),
    db
      .selectFrom('product_images')
      .select(['id', 'product_id', 'storage_key', 'width', 'height', 'alt', 'position'])
      .where('product_id', 'in', ids)
      .orderBy('product_id')
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('variants as v')
      .leftJoin('stock_levels as s', 's.variant_id', 'v.id')
      .select([
        'v.product_id',
        'v.id',
        'v.price_amount',
        'v.compare_at_amount',
        'v.track_inventory',
        'v.allow_backorder',
        sql<number>`coalesce(sum(s.on_hand), 0)`.as('on_hand'),
        sql<number>`coalesce(sum(s.reserved), 0)`.as('reserved'),
      ])
      .where('v.product_id', 'in', ids)
      .groupBy(['v.product_id', 'v.id', 'v.price_amount', 'v.compare_at_amount', 'v.track_inventory', 'v.allow_backorder'])
      .execute(),
  ]);
  const titleMap = new Map<number, Partial<Record<Locale, string>>>();
  for (const t of titles) {
    const m = titleMap.get(t.product_id) ?? {};
    m[t.locale as Locale] = t.title;
    titleMap.set(t.product_id, m);
  }
  const imageMap = new Map<number, ImageView>();
  for (const i of images) if (!imageMap.has(i.product_id)) imageMap.set(i.product_id, toImageView(i));
  const minPrice = new Map(rows.map((r) => [r.id, Number(r.min_price_amount)]));
  const agg = new Map<number, { available: boolean; count: number; onHand: number; compareAt: number | null }>();
  for (const v of variants) {
    const a = agg.get(v.product_id) ?? { available: false, count: 0, onHand: 0, compareAt: null };
    const free = Number(v.on_hand) - Number(v.reserved);
    a.available ||= v.track_inventory === 0 || v.allow_backorder === 1 || free > 0;
    a.count++;
    a.onHand += Number(v.on_hand);
    // The card shows the lowest price, so only that variant's compare-at price is shown beside it.
    if (v.compare_at_amount != null && Number(v.price_amount) === minPrice.get(v.product_id)) a.compareAt = Number(v.compare_at_amount);
    agg.set(v.product_id, a);
  }
  return rows.map((r) => {
    const a = agg.get(r.id) ?? { available: false, count: 0, onHand: 0, compareAt: null };
    return {
      id: r.id,
      handle: r.handle,
      status: r.status,
      title: pickTranslation(titleMap.get(r.id) ?? {}, locale) ?? r.handle,
      price: { amount: Number(r.min_price_amount), currency: r.currency },
      maxPrice: { amount: Number(r.max_price_amount), currency: r.currency },
      compareAtPrice: a.compareAt !== null && a.compareAt > Number(r.min_price_amount) ? { amount: a.compareAt, currency: r.currency } : null,
      image: imageMap.get(r.id) ?? null,
      available: a.available,
      variantCount: a.count,
      onHand: a.onHand,
      updatedAt: r.updated_at,
    };
  });
}

/** Option values and the price span among the products a filter selects (before option and price filters). */
export async function facetsFor(db: Executor, f: ListFilter): Promise<Facets> {
  const scope = applyFilter(db.selectFrom('products') as Q, { ...f, options: {}, minPrice: undefined, maxPrice: undefined });
  const ids = scope.select('products.id');
  const [optionRows, price] = await Promise.all([
    db
      .selectFrom('variants as v')
      .innerJoin('product_options as po', 'po.product_id', 'v.product_id')
      .select([
        'po.name',
        sql<string>`case po.position when 1 then v.option1 when 2 then v.option2 else v.option3 end`.as('value'),
        sql<number>`count(distinct v.product_id)`.as('n'),
      ])
      .where('v.product_id', 'in', ids)
      .groupBy(['po.name', sql`case po.position when 1 then v.option1 when 2 then v.option2 else v.option3 end`])
      .execute(),
    db
      .selectFrom('products')
      .select([sql<number>`min(min_price_amount)`.as('min'), sql<number>`max(max_price_amount)`.as('max')])
      .where('products.id', 'in', ids)
      .executeTakeFirst(),
  ]);
  const byName = new Map<string, { value: string; count: number }[]>();
  for (const r of optionRows) {
    if (!r.value) continue;
    const list = byName.get(r.name) ?? [];
    list.push({ value: r.value, count: Number(r.n) });
    byName.set(r.name, list);
  }
  const SIZE_ORDER = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL'];
  const rank = (v: string) => {
    const i = SIZE_ORDER.indexOf(v.toUpperCase());
    return i >= 0 ? i : 100;
  };
  return {
    options: [...byName.entries()].map(([name, values]) => ({
      name,
      values: values.sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value, undefined, { numeric: true })),
    })),
    price: price && price.min !== null ? { min: Number(price.min), max: Number(price.max) } : null,
  };
}
