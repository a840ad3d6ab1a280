import { sql } from 'kysely';
import type { Executor } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';

export const MAIN_LOCATION = 1;

export type Level = { onHand: number; reserved: number };

export async function levelsFor(db: Executor, variantIds: number[]): Promise<Map<number, Level>> {
  const map = new Map<number, Level>();
  if (variantIds.length === 0) return map;
  const rows = await db
    .selectFrom('stock_levels')
    .select(['variant_id', sql<number>`sum(on_hand)`.as('on_hand'), sql<number>`sum(reserved)`.as('reserved')])
    .where('variant_id', 'in', variantIds)
    .groupBy('variant_id')
    .execute();
  for (const r of rows) map.set(r.variant_id, { onHand: Number(r.on_hand), reserved: Number(r.reserved) });
  return map;
}

export async function ensureLevel(db: Executor, variantId: number, locationId = MAIN_LOCATION): Promise<void> {
  await db
    .insertInto('stock_levels')
    .values({ variant_id: variantId, location_id: locationId, on_hand: 0, reserved: 0, updated_at: nowIso() })
    .onConflict((oc) => oc.columns(['variant_id', 'location_id']).doNothing())
    .execute();
}

export async function levelAt(db: Executor, variantId: number, locationId = MAIN_LOCATION): Promise<Level | null> {
  const r = await db
    .selectFrom('stock_levels')
    .select(['on_hand', 'reserved'])
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .executeTakeFirst();
  return r ? { onHand: r.on_hand, reserved: r.reserved } : null;
}

/**
 * The one conditional statement that moves on-hand stock: it only applies while the
 * result stays at or above what is reserved. Returns false when it did not apply.
 */
export async function moveOnHand(db: Executor, variantId: number, locationId: number, delta: number): Promise<boolean> {
  const r = await db
    .updateTable('stock_levels')
    .set({ on_hand: sql`on_hand + ${delta}`, updated_at: nowIso() })
    .where('variant_id', '=', variantId)
    .where('location_id', '=', locationId)
    .where(sql<boolean>`on_hand + ${delta} >= reserved`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function recordMovement(
  db: Executor,
  m: { variantId: number; locationId: number; onHandDelta: number; reservedDelta: number; reason: string; reference?: string | null; staffId?: number | null },
): Promise<void> {
  await db
    .insertInto('stock_movements')
    .values({
      variant_id: m.variantId,
      location_id: m.locationId,
      on_hand_delta: m.onHandDelta,
      reserved_delta: m.reservedDelta,
      reason: m.reason,
      reference: m.reference ?? null,
      staff_id: m.staffId ?? null,
      created_at: nowIso(),
    })
    .execute();
}
