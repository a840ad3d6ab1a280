import { sql } from 'kysely';
import type { Db, Executor } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import { commitSale, release, restock, type Held } from '../inventory/index.ts';
import { nowIso } from '../lib/clock.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { safeEqual } from '../staff/index.ts';
import { canMove } from '../lib/state-machine.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { recordPayment } from '../payments/repo.ts';
import { heldUnits, history, loadOrder, orderRow } from './repo.ts';
import { ORDER_TRANSITIONS, type OrderStatus } from './rules.ts';
import type { OrderView } from './types.ts';

export type OrderActor = { label: string; staffId?: number | null };

/** Moves an order from one state to another, or fails: never a silent overwrite of a state someone else changed. */
export async function transition(db: Executor, orderId: number, from: OrderStatus, to: OrderStatus, actor: OrderActor, note: string | null = null, extra: Record<string, unknown> = {}): Promise<void> {
  if (!canMove(ORDER_TRANSITIONS, from, to)) throw new AppError('CONFLICT', `an order cannot go from ${from} to ${to}`);
  const now = nowIso();
  const r = await db.updateTable('orders').set({ status: to, updated_at: now, ...extra }).where('id', '=', orderId).where('status', '=', from).executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw new AppError('CONFLICT', `order ${orderId} is no longer ${from.replace('_', ' ')}; reload and try again`);
  await db.insertInto('order_events').values({ order_id: orderId, from_status: from, to_status: to, note, actor: actor.label, created_at: now }).execute();
}

export async function noteEvent(db: Executor, orderId: number, status: OrderStatus, note: string, actor: OrderActor): Promise<void> {
  await db.insertInto('order_events').values({ order_id: orderId, from_status: status, to_status: status, note, actor: actor.label, created_at: nowIso() }).execute();
}

export type Faults = (step: string) => void;

export function createOrderService(deps: { db: Db; faults?: Faults; afterCommit?: () => void; onStockChange?: (variantIds: number[]) => void }) {
  const { db } = deps;
  const fault = (step: string) => deps.faults?.(step);
  /** After commit only: the page cache reads the stock again. */
  const stockMoved = (held: Held[]) => {
    if (held.length) deps.onStockChange?.(held.map((h) => h.variantId));
  };

  async function mustGet(id: number) {
    const o = await orderRow(db, id);
    if (!o) throw notFound(`Order ${id}`);
    return o;
  }

  return {
    get: (id: number) => loadOrder(db, id),
    history: (id: number) => history(db, id),

    /** For the shopper's secret link: a wrong token is the same as no order. */
    async getWithToken(id: number, token: string): Promise<OrderView | null> {
      const o = await loadOrder(db, id);
      if (!o || !safeEqual(o.token, token)) return null;
      return o;
    },

    /**
     * Payment received: held units become sold, the payment is recorded, the confirmation is queued.
     * Idempotent: a replayed webhook or a double click changes nothing. Checkout passes what it already
     * knows (`known`) so the hot path reads nothing again.
     */
    async markPaid(
      orderId: number,
      p: { provider: string; reference: string | null; actor: OrderActor; sendConfirmation: boolean; known?: { total: number; currency: string; held: Held[] } },
    ): Promise<'paid' | 'already_paid'> {
      let known = p.known;
      if (!known) {
        const o = await mustGet(orderId);
        if (o.status !== 'pending_payment') {
          if (o.paid_at) return 'already_paid';
          throw new AppError('CONFLICT', `order ${o.number} is ${o.status.replace('_', ' ')} and cannot be marked paid`);
        }
        known = { total: Number(o.total_amount), currency: o.currency, held: await heldUnits(db, orderId) };
      }
      const k = known;
      await transaction(db, async (trx) => {
        const now = nowIso();
        await transition(trx, orderId, 'pending_payment', 'paid', p.actor, `paid by ${p.provider}`, { paid_at: now, payment_reference: p.reference, reservation_expires_at: null });
        fault('paid:after-transition');
        await commitSale(trx, k.held, `order:${orderId}`);
        fault('paid:after-sale');
        await recordPayment(trx, { orderId, provider: p.provider, status: 'paid', amount: k.total, currency: k.currency, reference: p.reference });
        if (p.sendConfirmation) await enqueue(trx, 'email.order_confirmation', `order-confirmation:${orderId}`, { orderId });
      });
      if (p.sendConfirmation) deps.afterCommit?.();
      stockMoved(k.held);
      return 'paid';
    },

    /**
     * Cancels an unpaid order (held stock released, discount use given back) or a paid one (sold stock
     * restocked). A declined payment also frees the cart so the shopper can try again.
     */
    async cancel(orderId: number, actor: OrderActor, reason: string, opts: { declined?: { provider: string; reference: string | null } } = {}): Promise<OrderView> {
      const o = await mustGet(orderId);
      const from = o.status;
      if (from !== 'pending_payment' && from !== 'paid') {
        throw new AppError('CONFLICT', `order ${o.number} is ${from.replace('_', ' ')}: ${from === 'cancelled' ? 'it is already cancelled' : 'fulfilled orders are refunded, not cancelled'}`);
      }
      let moved: Held[] = [];
      await transaction(db, async (trx) => {
        await transition(trx, orderId, from, 'cancelled', actor, reason, { reservation_expires_at: null, ...(opts.declined ? { cart_id: null } : {}) });
        const held = await heldUnits(trx, orderId);
        moved = held;
        if (from === 'pending_payment') await release(trx, held, `order:${orderId}`);
        else await restock(trx, held, `order:${orderId}`, actor.staffId ?? null);
        // An unpaid order gives its discount use back (a paid then cancelled one did use it).
        if (o.discount_code && from === 'pending_payment') {
          await trx.updateTable('discount_codes').set({ used_count: sql`used_count - 1` }).where('code', '=', o.discount_code).where('used_count', '>', 0).execute();
        }
        if (opts.declined) {
          await recordPayment(trx, { orderId, provider: opts.declined.provider, status: 'declined', amount: Number(o.total_amount), currency: o.currency, reference: opts.declined.reference, detail: reason });
          if (o.cart_id) await trx.updateTable('carts').set({ status: 'open', order_id: null, updated_at: nowIso() }).where('id', '=', o.cart_id).execute();
        }
      });
      stockMoved(moved);
      return (await loadOrder(db, orderId))!;
    },

    /**
     * Records a payment event that does not move the order: a failed card attempt the shopper may retry,
     * or money received for an order that is no longer waiting (staff must refund or reinstate it).
     * The same event twice is recorded once.
     */
    async notePayment(orderId: number, p: { provider: string; status: 'declined' | 'paid'; reference: string; amount: number; currency: string; note: string; actor: OrderActor }): Promise<boolean> {
      return transaction(db, async (trx) => {
        const seen = await trx.selectFrom('payments').select('id').where('order_id', '=', orderId).where('provider', '=', p.provider).where('reference', '=', p.reference).where('status', '=', p.status).where('detail', '=', p.note).executeTakeFirst();
        if (seen) return false;
        const o = await trx.selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirst();
        if (!o) throw notFound(`Order ${orderId}`);
        await recordPayment(trx, { orderId, provider: p.provider, status: p.status, amount: p.amount, currency: p.currency, reference: p.reference, detail: p.note });
        await noteEvent(trx, orderId, o.status, p.note, p.actor);
        return true;
      });
    },

    /** Cancels unpaid orders whose hold has run out; run by the worker. Returns how many. */
    async expireHolds(now = new Date()): Promise<number> {
      const due = await db
        .selectFrom('orders')
        .select('id')
        .where('status', '=', 'pending_payment')
        .where('reservation_expires_at', 'is not', null)
        .where('reservation_expires_at', '<', now.toISOString())
        .orderBy('id')
        .limit(200)
        .execute();
      let n = 0;
      for (const { id } of due) {
        try {
          await this.cancel(id, { label: 'system' }, 'payment not received before the stock hold ran out');
          n++;
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e; // paid or cancelled meanwhile
        }
      }
      return n;
    },
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
