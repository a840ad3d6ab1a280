import { sql } from 'kysely';
import type { Dialect, Executor } from '../db/connection.ts';

// Full-text search behind one small interface, so each database can use its own engine.
export type SearchIndex = {
  reindex(db: Executor, productId: number): Promise<void>;
  remove(db: Executor, productId: number): Promise<void>;
  /** Product ids best match first (callers filter by status). */
  search(db: Executor, query: string, limit: number): Promise<number[]>;
};

/** Turns what a shopper typed into safe FTS5 prefix terms: `robe lin` -> `"robe"* "lin"*`. */
export function ftsQuery(text: string): string | null {
  const terms = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(' ');
}

function sqliteIndex(): SearchIndex {
  return {
    async reindex(db, productId) {
      await sql`delete from product_search where product_id = ${productId}`.execute(db);
      const rows = await db
        .selectFrom('product_translations as t')
        .innerJoin('products as p', 'p.id', 't.product_id')
        .select(['t.locale', 't.title', 't.description', 'p.vendor'])
        .where('t.product_id', '=', productId)
        .execute();
      const variants = await db.selectFrom('variants').select(['sku', 'option1', 'option2', 'option3']).where('product_id', '=', productId).execute();
      const extra = variants.flatMap((v) => [v.sku, v.option1, v.option2, v.option3]).filter(Boolean).join(' ');
      for (const r of rows) {
        const body = [r.description.replace(/<[^>]*>/g, ' '), r.vendor ?? '', extra].join(' ');
        await sql`insert into product_search (product_id, locale, title, body) values (${productId}, ${r.locale}, ${r.title}, ${body})`.execute(db);
      }
    },
    async remove(db, productId) {
      await sql`delete from product_search where product_id = ${productId}`.execute(db);
    },
    async search(db, query, limit) {
      const match = ftsQuery(query);
      if (!match) return [];
      // Ranked by bm25 with a title hit worth ten body hits (set as the table's rank in the migration).
      const { rows } = await sql<{ product_id: number }>`
        select product_id from product_search where product_search match ${match} order by rank limit ${limit * 2}`.execute(db);
      return [...new Set(rows.map((r) => Number(r.product_id)))].slice(0, limit);
    },
  };
}

export function createSearchIndex(dialect: Dialect): SearchIndex {
  if (dialect === 'sqlite') return sqliteIndex();
  throw new Error(`full-text search for ${dialect} is not implemented yet`);
}
