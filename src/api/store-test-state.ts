import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

// For the store API tests: what a refused request must leave exactly as it was.
export type ShopState = { orders: number; carts: number; cartLines: number; cartUnits: number; onHand: number; reserved: number; movements: number; payments: number; discountUses: number };

export async function shopState(db: Db): Promise<ShopState> {
  const one = async (q: Promise<{ n: number | null } | undefined>) => Number((await q)?.n ?? 0);
  return {
    orders: await one(db.selectFrom('orders').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    carts: await one(db.selectFrom('carts').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    cartLines: await one(db.selectFrom('cart_lines').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    cartUnits: await one(db.selectFrom('cart_lines').select(sql<number>`coalesce(sum(quantity), 0)`.as('n')).executeTakeFirst()),
    onHand: await one(db.selectFrom('stock_levels').select(sql<number>`coalesce(sum(on_hand), 0)`.as('n')).executeTakeFirst()),
    reserved: await one(db.selectFrom('stock_levels').select(sql<number>`coalesce(sum(reserved), 0)`.as('n')).executeTakeFirst()),
    movements: await one(db.selectFrom('stock_movements').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    payments: await one(db.selectFrom('payments').select(sql<number>`count(*)`.as('n')).executeTakeFirst()),
    discountUses: await one(db.selectFrom('discount_codes').select(sql<number>`coalesce(sum(used_count), 0)`.as('n')).executeTakeFirst()),
  };
}
