import { sql } from 'kysely';
import type { Executor } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';
import { MAIN_LOCATION } from './repo.ts';

// Every stock movement of the buying path: one conditional UPDATE per variant, rows touched in key
// order (so concurrent checkouts cannot deadlock), and the ledger lines in one insert.
export type Demand = { variantId: number; quantity: number; allowBackorder: boolean };
export type Shortage = { variantId: number; requested: number; available: number };
export type Held = { variantId: number; quantity: number };

function sumByVariant<T extends { variantId: number; quantity: number }>(items: T[]): Map<number, T> {
  const m = new Map<number, T>();
  for (const it of items) {
    const prev = m.get(it.variantId);
    m.set(it.variantId, prev ? { ...prev, quantity: prev.quantity + it.quantity } : { ...it });
  }
  return new Map([...m.entries()].sort((a, b) => a[0] - b[0]));
}

async function ledger(db: Executor, rows: { variantId: number; onHand: number; reserved: number }[], reason: string, reference: string, staffId: number | null = null): Promise<void> {
  if (rows.length === 0) return;
  const now = nowIso();
  await db
    .insertInto('stock_movements')
    .values(rows.map((r) => ({ variant_id: r.variantId, location_id: MAIN_LOCATION, on_hand_delta: r.onHand, reserved_delta: r.reserved, reason, reference, staff_id: staffId, created_at: now })))
    .execute();
}

/**
 * Reserves every line or reports every short line. The caller rolls the transaction back on shortages.
 * A variant that allows backorders takes what stock there is when it can, and is otherwise backordered.
 */
export async function reserve(db: Executor, demands: Demand[], reference: string): Promise<{ held: Held[]; backordered: Held[]; shortages: Shortage[] }> {
  const held: Held[] = [];
  const backordered: Held[] = [];
  const short: Held[] = [];
  for (const d of sumByVariant(demands).values()) {
    const r = await db
      .updateTable('stock_levels')
      .set({ reserved: sql`reserved + ${d.quantity}` })
      .where('variant_id', '=', d.variantId)
      .where('location_id', '=', MAIN_LOCATION)
      .where(sql<boolean>`on_hand - reserved >= ${d.quantity}`)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) held.push({ variantId: d.variantId, quantity: d.quantity });
    else if (d.allowBackorder) backordered.push({ variantId: d.variantId, quantity: d.quantity });
    else short.push({ variantId: d.variantId, quantity: d.quantity });
  }
  let shortages: Shortage[] = [];
  if (short.length) {
    const levels = await db
      .selectFrom('stock_levels')
      .select(['variant_id', sql<number>`on_hand - reserved`.as('available')])
      .where('variant_id', 'in', short.map((s) => s.variantId))
      .where('location_id', '=', MAIN_LOCATION)
      .execute();
    const avail = new Map(levels.map((l) => [l.variant_id, Math.max(0, Number(l.available))]));
    shortages = short.map((s) => ({ variantId: s.variantId, requested: s.quantity, available: avail.get(s.variantId) ?? 0 }));
    return { held: [], backordered: [], shortages };
  }
  await ledger(db, held.map((h) => ({ variantId: h.variantId, onHand: 0, reserved: h.quantity })), 'reserve', reference);
  return { held, backordered, shortages };
}

async function move(db: Executor, items: Held[], reason: 'sale' | 'release' | 'restock', reference: string, staffId: number | null): Promise<void> {
  const rows: { variantId: number; onHand: number; reserved: number }[] = [];
  for (const it of sumByVariant(items).values()) {
    const q = it.quantity;
    let upd = db.updateTable('stock_levels').where('variant_id', '=', it.variantId).where('location_id', '=', MAIN_LOCATION);
    if (reason === 'sale') upd = upd.set({ on_hand: sql`on_hand - ${q}`, reserved: sql`reserved - ${q}` }).where('reserved', '>=', q);
    if (reason === 'release') upd = upd.set({ reserved: sql`reserved - ${q}` }).where('reserved', '>=', q);
    if (reason === 'restock') upd = upd.set({ on_hand: sql`on_hand + ${q}` });
    const r = await upd.executeTakeFirst();
    // A held quantity that is not there means the ledger and counters disagree: a bug, so throw and roll back.
    if (Number(r.numUpdatedRows) !== 1) throw new Error(`stock ${reason} of ${q} for variant ${it.variantId} did not apply`);
    rows.push({ variantId: it.variantId, onHand: reason === 'release' ? 0 : reason === 'sale' ? -q : q, reserved: reason === 'restock' ? 0 : -q });
  }
  await ledger(db, rows, reason, reference, staffId);
}

/** Held units become sold: on hand and reserved both go down. */
export const commitSale = (db: Executor, items: Held[], reference: string) => move(db, items, 'sale', reference, null);
/** Held units go back to sale. */
export const release = (db: Executor, items: Held[], reference: string) => move(db, items, 'release', reference, null);
/** Sold units come back on the shelf (a cancelled paid order, a return). */
export const restock = (db: Executor, items: Held[], reference: string, staffId: number | null = null) => move(db, items, 'restock', reference, staffId);
