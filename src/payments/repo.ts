import type { Executor } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';
import type { PaymentsTable } from '../db/schema.ts';

export async function recordPayment(
  db: Executor,
  p: { orderId: number; provider: string; status: PaymentsTable['status']; amount: number; currency: string; reference?: string | null; detail?: string | null },
): Promise<void> {
  await db
    .insertInto('payments')
    .values({ order_id: p.orderId, provider: p.provider, status: p.status, amount: p.amount, currency: p.currency, reference: p.reference ?? null, detail: p.detail ?? null, created_at: nowIso() })
    .execute();
}

export function paymentsOf(db: Executor, orderId: number) {
  return db.selectFrom('payments').selectAll().where('order_id', '=', orderId).orderBy('id').execute();
}
