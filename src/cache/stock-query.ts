import { sql } from 'kysely';
import type { Executor } from '../db/connection.ts';

// Read-only: after stock moved, what the pages of the products concerned would now show. The page
// cache compares this with what its stored pages show (catalog and inventory own these tables).

export type VariantStock = { variantId: number; productId: number; trackInventory: boolean; allowBackorder: boolean; available: number };

const CHUNK = 500;

/** Every variant of the products that own these variants, with the stock available now (one query per 500 ids). */
export async function stockOfProductsOwning(db: Executor, variantIds: number[]): Promise<VariantStock[]> {
  const ids = [...new Set(variantIds)];
  const out: VariantStock[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const rows = await db
      .selectFrom('variants as v')
      .leftJoin('stock_levels as s', 's.variant_id', 'v.id')
      .select([
        'v.id',
        'v.product_id',
        'v.track_inventory',
        'v.allow_backorder',
        sql<number>`coalesce(sum(s.on_hand), 0) - coalesce(sum(s.reserved), 0)`.as('available'),
      ])
      .where('v.product_id', 'in', (eb) => eb.selectFrom('variants').select('product_id').where('id', 'in', chunk))
      .groupBy(['v.id', 'v.product_id', 'v.track_inventory', 'v.allow_backorder'])
      .execute();
    for (const r of rows) {
      out.push({ variantId: r.id, productId: r.product_id, trackInventory: Number(r.track_inventory) === 1, allowBackorder: Number(r.allow_backorder) === 1, available: Number(r.available) });
    }
  }
  return out;
}
