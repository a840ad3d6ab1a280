import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Db } from '../../src/db/connection.ts';

/** The counters must equal the sum of the ledger, for every variant; and nothing may be held by no pending order. */
export async function assertStockConsistent(db: Db): Promise<void> {
  const rows = await db
    .selectFrom('stock_levels as s')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('stock_movements')
          .select(['variant_id', 'location_id', sql<number>`sum(on_hand_delta)`.as('on_hand'), sql<number>`sum(reserved_delta)`.as('reserved')])
          .groupBy(['variant_id', 'location_id'])
          .as('m'),
      (j) => j.onRef('m.variant_id', '=', 's.variant_id').onRef('m.location_id', '=', 's.location_id'),
    )
    .select(['s.variant_id', 's.on_hand', 's.reserved', 'm.on_hand as ledger_on_hand', 'm.reserved as ledger_reserved'])
    .execute();
  for (const r of rows) {
    assert.equal(Number(r.ledger_on_hand ?? 0), r.on_hand, `variant ${r.variant_id}: on hand ${r.on_hand} but the ledger sums to ${r.ledger_on_hand}`);
    assert.equal(Number(r.ledger_reserved ?? 0), r.reserved, `variant ${r.variant_id}: reserved ${r.reserved} but the ledger sums to ${r.ledger_reserved}`);
  }
  // Units reserved = units on the held lines of unpaid orders.
  const held = await db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select(sql<number>`coalesce(sum(l.quantity), 0)`.as('n'))
    .where('o.status', '=', 'pending_payment')
    .where('l.tracked', '=', 1)
    .executeTakeFirst();
  const reserved = await db.selectFrom('stock_levels').select(sql<number>`coalesce(sum(reserved), 0)`.as('n')).executeTakeFirst();
  assert.equal(Number(reserved?.n), Number(held?.n), 'reserved units match the lines of unpaid orders');
  // Every order that holds or sold stock has its ledger lines.
  const orphans = await db
    .selectFrom('orders as o')
    .select('o.id')
    .where('o.status', 'in', ['pending_payment', 'paid'])
    .where((eb) => eb.exists(eb.selectFrom('order_lines as l').select('l.id').whereRef('l.order_id', '=', 'o.id').where('l.tracked', '=', 1)))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('stock_movements as m').select('m.id').where('m.reference', '=', sql<string>`'order:' || o.id`))))
    .execute();
  assert.deepEqual(orphans, [], 'no order without its stock movements');
}
