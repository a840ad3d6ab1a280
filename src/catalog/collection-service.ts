import { sql } from 'kysely';
import { audit, type Actor } from '../audit/index.ts';
import type { Db } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { nowIso } from '../lib/clock.ts';
import { invalid, notFound } from '../lib/errors.ts';
import { slugify } from '../lib/slug.ts';
import { pickTranslation } from './product-queries.ts';
import { LOCALES, type CollectionInput, type Locale } from './schemas.ts';
import type { CollectionView, Translation } from './types.ts';

export type CollectionDeps = { db: Db; defaultLocale: Locale; onChange?: (c: { collectionId: number; handle: string }) => void };

export function createCollectionService(deps: CollectionDeps) {
  const { db } = deps;

  async function load(where: { id: number } | { handle: string } | null, locale: Locale): Promise<CollectionView[]> {
    let q = db
      .selectFrom('collections as c')
      .select(['c.id', 'c.handle', 'c.position', 'c.updated_at'])
      .select((eb) => eb.selectFrom('collection_products as cp').innerJoin('products as p', 'p.id', 'cp.product_id').select(sql<number>`count(*)`.as('n')).whereRef('cp.collection_id', '=', 'c.id').where('p.status', '=', 'active').as('product_count'));
    if (where && 'id' in where) q = q.where('c.id', '=', where.id);
    if (where && 'handle' in where) q = q.where('c.handle', '=', where.handle);
    const rows = await q.orderBy('c.position').orderBy('c.id').execute();
    if (rows.length === 0) return [];
    const trs = await db.selectFrom('collection_translations').selectAll().where('collection_id', 'in', rows.map((r) => r.id)).execute();
    return rows.map((r) => {
      const translations: Partial<Record<Locale, Translation>> = {};
      for (const t of trs) {
        if (t.collection_id === r.id) translations[t.locale as Locale] = { title: t.title, description: t.description, seoTitle: t.seo_title, seoDescription: t.seo_description };
      }
      const tr = pickTranslation(translations, locale) ?? { title: r.handle, description: '', seoTitle: null, seoDescription: null };
      return { id: r.id, handle: r.handle, position: r.position, locale, ...tr, translations, productCount: Number(r.product_count ?? 0), updatedAt: r.updated_at };
    });
  }

  async function save(input: CollectionInput, id: number | null, actor: Actor): Promise<CollectionView> {
    const title = input.translations[deps.defaultLocale]?.title ?? input.translations.fr?.title ?? input.translations.en?.title ?? '';
    // An edit without a handle keeps the URL shoppers and search engines already know.
    const current = id === null || input.handle ? null : await db.selectFrom('collections').select('handle').where('id', '=', id).executeTakeFirst();
    const handle = input.handle ?? current?.handle ?? slugify(title);
    if (!handle) throw invalid([{ field: 'handle', message: 'give a handle of letters and digits' }]);
    const savedId = await transaction(db, async (trx) => {
      const clash = await trx.selectFrom('collections').select('id').where('handle', '=', handle).executeTakeFirst();
      if (clash && clash.id !== id) throw invalid([{ field: 'handle', message: `handle "${handle}" is already used by another collection` }]);
      const now = nowIso();
      let cid = id;
      if (cid === null) {
        cid = (await trx.insertInto('collections').values({ handle, position: input.position, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow()).id;
      } else {
        const r = await trx.updateTable('collections').set({ handle, position: input.position, updated_at: now }).where('id', '=', cid).executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw notFound(`Collection ${cid}`);
        await trx.deleteFrom('collection_translations').where('collection_id', '=', cid).execute();
      }
      for (const locale of LOCALES) {
        const t = input.translations[locale];
        if (t) {
          await trx
            .insertInto('collection_translations')
            .values({ collection_id: cid, locale, title: t.title, description: t.description, seo_title: t.seoTitle ?? null, seo_description: t.seoDescription ?? null })
            .execute();
        }
      }
      await audit(trx, actor, id === null ? 'collection.create' : 'collection.update', 'collection', cid, { handle });
      return cid;
    });
    deps.onChange?.({ collectionId: savedId, handle });
    return (await load({ id: savedId }, deps.defaultLocale))[0]!;
  }

  return {
    list: (locale: Locale = deps.defaultLocale) => load(null, locale),
    get: async (id: number, locale: Locale = deps.defaultLocale) => (await load({ id }, locale))[0] ?? null,
    getByHandle: async (handle: string, locale: Locale = deps.defaultLocale) => (await load({ handle }, locale))[0] ?? null,
    create: (input: CollectionInput, actor: Actor) => save(input, null, actor),
    update: (id: number, input: CollectionInput, actor: Actor) => save(input, id, actor),
  };
}

export type CollectionService = ReturnType<typeof createCollectionService>;
