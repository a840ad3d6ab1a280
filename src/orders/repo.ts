import type { Executor } from '../db/connection.ts';
import type { OrdersTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';
import { LINE_BACKORDERED, LINE_HELD } from './rules.ts';
import type { Held } from '../inventory/index.ts';
import type { OrderEvent, OrderView } from './types.ts';

export type OrderRow = Selectable<OrdersTable>;

export async function orderRow(db: Executor, id: number): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function loadOrder(db: Executor, id: number): Promise<OrderView | null> {
  const o = await orderRow(db, id);
  if (!o) return null;
  const lines = await db.selectFrom('order_lines').selectAll().where('order_id', '=', id).orderBy('id').execute();
  return toView(o, lines);
}

export function toView(o: OrderRow, lines: Awaited<ReturnType<typeof linesOf>>): OrderView {
  const m = (amount: number) => ({ amount: Number(amount), currency: o.currency });
  const taxLines = JSON.parse(o.tax_lines) as { rateBp: number; base: number; tax: number }[];
  return {
    id: o.id,
    number: Number(o.number),
    token: o.token,
    status: o.status,
    email: o.email,
    locale: o.locale === 'en' ? 'en' : 'fr',
    subtotal: m(o.subtotal_amount),
    discount: m(o.discount_amount),
    shipping: m(o.shipping_amount),
    tax: m(o.tax_amount),
    total: m(o.total_amount),
    taxLines: taxLines.map((t) => ({ rateBp: t.rateBp, base: m(t.base), tax: m(t.tax) })),
    lines: lines.map((l) => ({
      id: l.id,
      variantId: l.variant_id,
      productId: l.product_id,
      sku: l.sku,
      title: l.title,
      variantTitle: l.variant_title,
      unitPrice: m(l.unit_price_amount),
      quantity: l.quantity,
      vatRateBp: l.vat_rate_bp,
      discount: m(l.discount_amount),
      total: m(l.total_amount),
      backordered: l.tracked === LINE_BACKORDERED,
    })),
    shippingAddress: JSON.parse(o.shipping_address),
    shippingMethod: { id: o.shipping_method_id, name: o.shipping_method_name },
    discountCode: o.discount_code,
    payment: { provider: o.payment_provider, reference: o.payment_reference },
    reservationExpiresAt: o.reservation_expires_at,
    placedAt: o.placed_at,
    paidAt: o.paid_at,
    updatedAt: o.updated_at,
  };
}

export function linesOf(db: Executor, orderId: number) {
  return db.selectFrom('order_lines').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}

/** The units an order holds in stock (reserved while unpaid, sold once paid). */
export async function heldUnits(db: Executor, orderId: number): Promise<Held[]> {
  const rows = await db.selectFrom('order_lines').select(['variant_id', 'quantity']).where('order_id', '=', orderId).where('tracked', '=', LINE_HELD).execute();
  return rows.filter((r) => r.variant_id !== null).map((r) => ({ variantId: r.variant_id!, quantity: r.quantity }));
}

export async function history(db: Executor, orderId: number): Promise<OrderEvent[]> {
  const rows = await db.selectFrom('order_events').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, fromStatus: r.from_status, toStatus: r.to_status, note: r.note, actor: r.actor, createdAt: r.created_at }));
}
