import { sql } from 'kysely';
import type { Executor } from '../db/connection.ts';

// Read-only queries for the merchant's live figures. They read orders, order lines, variants and
// stock from the database rather than counting in this process, so every server process reports
// the same shop-wide figures.

/** Orders placed since boot of the shop: a running total for Prometheus' rate(). */
export async function countOrders(db: Executor): Promise<number> {
  const r = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Orders placed at or after an instant (ISO UTC); uses the placed_at index. */
export async function countOrdersSince(db: Executor, since: string): Promise<number> {
  const r = await db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('placed_at', '>=', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

export type BestSeller = {
  variantId: number;
  productId: number | null;
  sku: string;
  title: string;
  variantTitle: string;
  unitsSold: number;
  /** Whether stock is counted for this variant; when not, onHand and available mean nothing. */
  tracked: boolean;
  onHand: number;
  /** On hand minus what open orders hold. */
  available: number;
};

/**
 * The variants that sold the most units since an instant (cancelled orders left out), with their
 * stock summed over locations: two statements, whatever the number of orders.
 */
export async function bestSellers(db: Executor, opts: { since: string; locale: string; limit?: number }): Promise<BestSeller[]> {
  const top = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select((eb) => [
      'l.variant_id',
      eb.fn.sum<number>('l.quantity').as('units'),
      eb.fn.max('l.title').as('title'),
      eb.fn.max('l.variant_title').as('variant_title'),
      eb.fn.max('l.sku').as('sku'),
    ])
    .where('o.placed_at', '>=', opts.since)
    .where('o.status', '!=', 'cancelled')
    .where('l.variant_id', 'is not', null)
    .groupBy('l.variant_id')
    .orderBy('units', 'desc')
    .orderBy('l.variant_id')
    .limit(opts.limit ?? 5)
    .execute();
  if (top.length === 0) return [];
  const ids = top.map((r) => r.variant_id!);
  const now = await db
    .selectFrom('variants as v')
    .leftJoin('stock_levels as s', 's.variant_id', 'v.id')
    .leftJoin('product_translations as t', (j) => j.onRef('t.product_id', '=', 'v.product_id').on('t.locale', '=', opts.locale))
    .select((eb) => [
      'v.id',
      'v.product_id',
      'v.sku',
      'v.track_inventory',
      eb.fn.max('t.title').as('title'),
      sql<number>`coalesce(sum(${eb.ref('s.on_hand')}), 0)`.as('on_hand'),
      sql<number>`coalesce(sum(${eb.ref('s.reserved')}), 0)`.as('reserved'),
    ])
    .where('v.id', 'in', ids)
    .groupBy(['v.id', 'v.product_id', 'v.sku', 'v.track_inventory'])
    .execute();
  const byId = new Map(now.map((r) => [r.id, r]));
  return top.map((r) => {
    const v = byId.get(r.variant_id!);
    const onHand = Number(v?.on_hand ?? 0);
    return {
      variantId: r.variant_id!,
      productId: v?.product_id ?? null,
      // The variant as it is now when it still exists, else as it was sold.
      sku: v?.sku ?? String(r.sku ?? ''),
      title: v?.title ?? String(r.title ?? ''),
      variantTitle: String(r.variant_title ?? ''),
      unitsSold: Number(r.units),
      tracked: !!v && Number(v.track_inventory) === 1,
      onHand,
      available: onHand - Number(v?.reserved ?? 0),
    };
  });
}
