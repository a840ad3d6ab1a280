import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import type { Money } from '../lib/money.ts';
import { paymentsOf } from '../payments/index.ts';
import type { OrderStatus } from './rules.ts';

// Read-only queries for the staff admin's order screens: a list the order service has no use for,
// and the payments recorded against an order (owned by payments, shown beside the order).

export type OrderListFilter = {
  status?: OrderStatus;
  /** Placed at or after this instant (ISO UTC). */
  placedFrom?: string;
  /** Placed strictly before this instant (ISO UTC). */
  placedBefore?: string;
  provider?: string;
  /** An order number ("1042" or "#1042"), part of an e-mail, or part of the shipping name. */
  text?: string;
  page: number;
  perPage: number;
};

export type OrderListRow = {
  id: number;
  number: number;
  placedAt: string;
  email: string;
  name: string;
  status: OrderStatus;
  provider: string;
  total: Money;
};

export type OrderListPage = { items: OrderListRow[]; total: number; page: number; pages: number; perPage: number };

/** LIKE with `!` as the escape character: the same on SQLite, PostgreSQL and MySQL (where `\` is special in literals). */
export function likeContains(text: string): string {
  return '%' + text.replace(/[!%_]/g, (c) => '!' + c) + '%';
}

function matches(f: OrderListFilter) {
  return (eb: ExpressionBuilder<Database, 'orders'>) => {
    const all: Expression<SqlBool>[] = [];
    if (f.status) all.push(eb('status', '=', f.status));
    if (f.provider) all.push(eb('payment_provider', '=', f.provider));
    if (f.placedFrom) all.push(eb('placed_at', '>=', f.placedFrom));
    if (f.placedBefore) all.push(eb('placed_at', '<', f.placedBefore));
    const text = f.text?.trim().toLowerCase();
    if (text) {
      const any: Expression<SqlBool>[] = [sql<SqlBool>`lower(${eb.ref('email')}) like ${likeContains(text)} escape '!'`];
      // The address is stored as JSON text: search the term as JSON would write it (quotes and backslashes escaped).
      const asJson = JSON.stringify(text).slice(1, -1);
      any.push(sql<SqlBool>`lower(${eb.ref('shipping_address')}) like ${likeContains(asJson)} escape '!'`);
      const number = /^#?(\d{1,15})$/.exec(text)?.[1];
      if (number) any.push(eb('number', '=', Number(number)));
      all.push(eb.or(any));
    }
    return eb.and(all);
  };
}

/** One page of orders, newest first, and how many match: two statements whatever the filter. */
export async function listOrders(db: Executor, f: OrderListFilter): Promise<OrderListPage> {
  const perPage = Math.max(1, Math.min(f.perPage, 200));
  const where = matches(f);
  const [count, rows] = await Promise.all([
    db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).where(where).executeTakeFirstOrThrow(),
    db
      .selectFrom('orders')
      .select(['id', 'number', 'placed_at', 'email', 'shipping_address', 'status', 'payment_provider', 'total_amount', 'currency'])
      .where(where)
      .orderBy('placed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((Math.max(1, f.page) - 1) * perPage)
      .execute(),
  ]);
  const total = Number(count.n);
  return {
    items: rows.map((r) => ({
      id: r.id,
      number: Number(r.number),
      placedAt: r.placed_at,
      email: r.email,
      name: nameOf(r.shipping_address),
      status: r.status,
      provider: r.payment_provider,
      total: { amount: Number(r.total_amount), currency: r.currency },
    })),
    total,
    page: f.page,
    pages: Math.max(1, Math.ceil(total / perPage)),
    perPage,
  };
}

function nameOf(addressJson: string): string {
  try {
    const a = JSON.parse(addressJson) as { name?: unknown };
    return typeof a.name === 'string' ? a.name : '';
  } catch {
    return '';
  }
}

export type PaymentRecord = { id: number; provider: string; status: string; amount: Money; reference: string | null; detail: string | null; createdAt: string };

/** Every payment event recorded for an order, oldest first. */
export async function orderPayments(db: Executor, orderId: number): Promise<PaymentRecord[]> {
  return (await paymentsOf(db, orderId)).map((p) => ({
    id: p.id,
    provider: p.provider,
    status: p.status,
    amount: { amount: Number(p.amount), currency: p.currency },
    reference: p.reference,
    detail: p.detail,
    createdAt: p.created_at,
  }));
}
