import { sql } from 'kysely';
import type { Executor } from '../db/connection.ts';
import type { Locale } from '../catalog/index.ts';
import { variantTitle } from '../catalog/rules.ts';

export type SnapshotLine = {
  variantId: number;
  productId: number;
  sku: string;
  title: string;
  variantTitle: string;
  unitPrice: number;
  quantity: number;
  weightGrams: number;
  taxCategory: 'standard' | 'reduced' | 'super_reduced' | 'zero';
  trackInventory: boolean;
  allowBackorder: boolean;
  active: boolean;
};

/** The cart and its lines with today's prices, in one query: prices are always re-read at checkout. */
export async function cartSnapshot(db: Executor, cartId: string, locale: Locale) {
  const rows = await db
    .selectFrom('carts as c')
    .leftJoin('cart_lines as l', 'l.cart_id', 'c.id')
    .leftJoin('variants as v', 'v.id', 'l.variant_id')
    .leftJoin('products as p', 'p.id', 'v.product_id')
    .leftJoin('product_translations as t', (j) => j.onRef('t.product_id', '=', 'p.id').on('t.locale', '=', locale))
    .leftJoin('product_translations as tf', (j) => j.onRef('tf.product_id', '=', 'p.id').on('tf.locale', '!=', locale))
    .select([
      'c.status as cart_status', 'c.currency', 'c.order_id',
      'l.id as line_id', 'l.quantity', 'v.id as variant_id', 'v.product_id', 'v.sku', 'v.option1', 'v.option2', 'v.option3',
      'v.price_amount', 'v.weight_grams', 'v.track_inventory', 'v.allow_backorder', 'p.status', 'p.tax_category', 'p.handle',
      sql<string>`coalesce(t.title, tf.title, p.handle)`.as('title'),
    ])
    .where('c.id', '=', cartId)
    .orderBy('l.id')
    .execute();
  if (rows.length === 0) return null;
  const first = rows[0]!;
  const seen = new Set<number>();
  const lines: SnapshotLine[] = [];
  for (const r of rows) {
    if (r.line_id === null || r.variant_id === null || seen.has(r.line_id)) continue;
    seen.add(r.line_id);
    lines.push({
      variantId: r.variant_id,
      productId: r.product_id!,
      sku: r.sku!,
      title: r.title,
      variantTitle: variantTitle([r.option1, r.option2, r.option3]),
      unitPrice: Number(r.price_amount),
      quantity: r.quantity!,
      weightGrams: r.weight_grams ?? 0,
      taxCategory: r.tax_category ?? 'standard',
      trackInventory: r.track_inventory === 1,
      allowBackorder: r.allow_backorder === 1,
      active: r.status === 'active',
    });
  }
  return { status: first.cart_status, currency: first.currency, orderId: first.order_id, lines };
}
