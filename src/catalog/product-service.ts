import type { Db, Executor, Tx } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { audit, type Actor } from '../audit/index.ts';
import { ensureLevel, setOnHand } from '../inventory/index.ts';
import { nowIso } from '../lib/clock.ts';
import { invalid, notFound, type FieldIssue } from '../lib/errors.ts';
import { slugify } from '../lib/slug.ts';
import { loadProduct } from './product-queries.ts';
import { productIssues } from './rules.ts';
import { LOCALES, ProductInputSchema, type Locale, type ProductInput, type ProductPatch } from './schemas.ts';
import type { SearchIndex } from './search-index.ts';
import type { ProductView } from './types.ts';

export type ProductChange = { productId: number; handle: string; collectionIds: number[] };
export type CatalogDeps = { db: Db; currency: string; defaultLocale: Locale; search: SearchIndex; onChange?: (c: ProductChange) => void };

export function createProductService(deps: CatalogDeps) {
  const { db, currency, search } = deps;

  async function check(trx: Executor, input: ProductInput, productId: number | null): Promise<{ handle: string }> {
    const issues: FieldIssue[] = productIssues(input, currency);
    const title = input.translations[deps.defaultLocale]?.title ?? input.translations.fr?.title ?? input.translations.en?.title ?? '';
    const handle = input.handle ?? slugify(title);
    if (!handle) issues.push({ field: 'handle', message: 'give a handle of letters and digits (the title has none)' });
    const clash = await trx.selectFrom('products').select('id').where('handle', '=', handle).executeTakeFirst();
    if (clash && clash.id !== productId) issues.push({ field: 'handle', message: `handle "${handle}" is already used by another product` });
    const skus = input.variants.map((v) => v.sku);
    const taken = await trx.selectFrom('variants').select(['sku', 'product_id', 'id']).where('sku', 'in', skus).execute();
    for (const t of taken) {
      if (t.product_id !== productId) {
        const i = input.variants.findIndex((v) => v.sku === t.sku);
        issues.push({ field: `variants.${i}.sku`, message: `SKU ${t.sku} is already used by another product` });
      }
    }
    if (input.collectionIds.length) {
      const found = await trx.selectFrom('collections').select('id').where('id', 'in', input.collectionIds).execute();
      const ok = new Set(found.map((c) => c.id));
      input.collectionIds.forEach((id, i) => {
        if (!ok.has(id)) issues.push({ field: `collectionIds.${i}`, message: `collection ${id} does not exist` });
      });
    }
    if (productId !== null) {
      const own = await trx.selectFrom('variants').select('id').where('product_id', '=', productId).execute();
      const ownIds = new Set(own.map((v) => v.id));
      input.variants.forEach((v, i) => {
        if (v.id !== undefined && !ownIds.has(v.id)) issues.push({ field: `variants.${i}.id`, message: `variant ${v.id} does not belong to this product` });
      });
      // A variant that was sold keeps its history (orders, stock ledger): it cannot be removed, only stocked at 0.
      const kept = new Set(input.variants.flatMap((v) => (v.id ? [v.id] : [])));
      const removed = own.filter((v) => !kept.has(v.id)).map((v) => v.id);
      if (removed.length) {
        const sold = await trx.selectFrom('order_lines').select('variant_id').distinct().where('variant_id', 'in', removed).execute();
        for (const r of sold) {
          issues.push({ field: 'variants', message: `variant ${r.variant_id} has been ordered and cannot be removed: set its stock to 0 instead` });
        }
      }
    } else {
      input.variants.forEach((v, i) => {
        if (v.id !== undefined) issues.push({ field: `variants.${i}.id`, message: 'a new product cannot name existing variant ids' });
      });
    }
    if (issues.length) throw invalid(issues);
    return { handle };
  }

  async function write(trx: Tx, input: ProductInput, productId: number | null, actor: Actor): Promise<number> {
    const { handle } = await check(trx, input, productId);
    const now = nowIso();
    const prices = input.variants.map((v) => v.price.amount);
    const row = {
      handle,
      status: input.status,
      vendor: input.vendor ?? null,
      tax_category: input.taxCategory,
      min_price_amount: Math.min(...prices),
      max_price_amount: Math.max(...prices),
      currency,
      updated_at: now,
    };
    let id: number;
    if (productId === null) {
      const r = await trx.insertInto('products').values({ ...row, created_at: now }).returning('id').executeTakeFirstOrThrow();
      id = r.id;
    } else {
      id = productId;
      await trx.updateTable('products').set(row).where('id', '=', id).execute();
    }

    await trx.deleteFrom('product_translations').where('product_id', '=', id).execute();
    for (const locale of LOCALES) {
      const t = input.translations[locale];
      if (!t) continue;
      await trx
        .insertInto('product_translations')
        .values({ product_id: id, locale, title: t.title, description: t.description, seo_title: t.seoTitle ?? null, seo_description: t.seoDescription ?? null })
        .execute();
    }
    await trx.deleteFrom('product_options').where('product_id', '=', id).execute();
    for (const [i, name] of input.options.entries()) {
      await trx.insertInto('product_options').values({ product_id: id, position: i + 1, name }).execute();
    }

    // Variants kept by id are updated in place (their stock and history stay); the others are removed.
    const keep = input.variants.flatMap((v) => (v.id ? [v.id] : []));
    let del = trx.deleteFrom('variants').where('product_id', '=', id);
    if (keep.length) del = del.where('id', 'not in', keep);
    await del.execute();
    // Free the SKUs first so that two variants may swap SKUs in one edit.
    for (const v of input.variants) if (v.id) await trx.updateTable('variants').set({ sku: `~${v.id}` }).where('id', '=', v.id).execute();
    for (const [i, v] of input.variants.entries()) {
      const values = {
        product_id: id,
        position: i + 1,
        sku: v.sku,
        barcode: v.barcode || null,
        option1: v.options[0] ?? null,
        option2: v.options[1] ?? null,
        option3: v.options[2] ?? null,
        price_amount: v.price.amount,
        compare_at_amount: v.compareAtPrice?.amount ?? null,
        currency,
        weight_grams: v.weightGrams,
        track_inventory: v.trackInventory ? 1 : 0,
        allow_backorder: v.allowBackorder ? 1 : 0,
        updated_at: now,
      };
      let variantId: number;
      if (v.id) {
        variantId = v.id;
        await trx.updateTable('variants').set(values).where('id', '=', v.id).execute();
      } else {
        const r = await trx.insertInto('variants').values({ ...values, created_at: now }).returning('id').executeTakeFirstOrThrow();
        variantId = r.id;
        await ensureLevel(trx, variantId);
      }
      if (v.onHand !== undefined) {
        await setOnHand(trx, variantId, v.onHand, { reason: productId === null ? 'initial' : 'stocktake', reference: `product:${id}`, staffId: actor.staffId ?? null });
      }
    }

    await trx.deleteFrom('collection_products').where('product_id', '=', id).execute();
    for (const collectionId of input.collectionIds) {
      const last = await trx
        .selectFrom('collection_products')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('collection_id', '=', collectionId)
        .executeTakeFirst();
      await trx.insertInto('collection_products').values({ collection_id: collectionId, product_id: id, position: Number(last?.p ?? 0) + 1 }).execute();
    }
    await search.reindex(trx, id);
    await audit(trx, actor, productId === null ? 'product.create' : 'product.update', 'product', id, { handle, status: input.status });
    return id;
  }

  async function changed(id: number, before: number[] = []): Promise<void> {
    if (!deps.onChange) return;
    const p = await db.selectFrom('products').select('handle').where('id', '=', id).executeTakeFirst();
    const cols = await db.selectFrom('collection_products').select('collection_id').where('product_id', '=', id).execute();
    deps.onChange({ productId: id, handle: p?.handle ?? '', collectionIds: [...new Set([...before, ...cols.map((c) => c.collection_id)])] });
  }

  async function collectionsOf(id: number): Promise<number[]> {
    const rows = await db.selectFrom('collection_products').select('collection_id').where('product_id', '=', id).execute();
    return rows.map((r) => r.collection_id);
  }

  return {
    get: (id: number, locale: Locale = deps.defaultLocale) => loadProduct(db, { id }, locale),
    getByHandle: (handle: string, locale: Locale = deps.defaultLocale) => loadProduct(db, { handle }, locale),

    async create(input: ProductInput, actor: Actor): Promise<ProductView> {
      const id = await transaction(db, (trx) => write(trx, input, null, actor));
      await changed(id);
      return (await loadProduct(db, { id }, deps.defaultLocale))!;
    },

    /** A partial update: fields left out keep their value. */
    async update(id: number, patch: ProductPatch, actor: Actor): Promise<ProductView> {
      const current = await loadProduct(db, { id }, deps.defaultLocale);
      if (!current) throw notFound(`Product ${id}`);
      const before = current.collections.map((c) => c.id);
      const merged = ProductInputSchema.safeParse({ ...toInput(current), ...stripUndefined(patch) });
      if (!merged.success) {
        throw invalid(merged.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      }
      await transaction(db, (trx) => write(trx, merged.data, id, actor));
      await changed(id, before);
      return (await loadProduct(db, { id }, deps.defaultLocale))!;
    },

    async archive(id: number, actor: Actor): Promise<ProductView> {
      const before = await collectionsOf(id);
      const done = await transaction(db, async (trx) => {
        const r = await trx.updateTable('products').set({ status: 'archived', updated_at: nowIso() }).where('id', '=', id).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return false;
        await audit(trx, actor, 'product.archive', 'product', id);
        return true;
      });
      if (!done) throw notFound(`Product ${id}`);
      await changed(id, before);
      return (await loadProduct(db, { id }, deps.defaultLocale))!;
    },
  };
}

export type ProductService = ReturnType<typeof createProductService>;

/** The editable shape of a stored product, for merging a partial update or filling a form. */
export function toInput(p: ProductView): ProductInput {
  return {
    handle: p.handle,
    status: p.status,
    vendor: p.vendor,
    taxCategory: p.taxCategory,
    translations: Object.fromEntries(
      Object.entries(p.translations).map(([k, t]) => [k, { title: t!.title, description: t!.description, seoTitle: t!.seoTitle, seoDescription: t!.seoDescription }]),
    ),
    options: p.options.map((o) => o.name),
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      barcode: v.barcode,
      options: v.options,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      weightGrams: v.weightGrams,
      trackInventory: v.trackInventory,
      allowBackorder: v.allowBackorder,
    })),
    collectionIds: p.collections.map((c) => c.id),
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

