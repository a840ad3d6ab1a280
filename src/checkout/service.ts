import type { Db, Tx } from '../db/connection.ts';
import { transaction } from '../db/transaction.ts';
import type { DiscountCode, DiscountService } from '../discounts/index.ts';
import { consumeCode } from '../discounts/index.ts';
import { reserve, type Held } from '../inventory/index.ts';
import { nowIso } from '../lib/clock.ts';
import { AppError, invalid, notFound } from '../lib/errors.ts';
import type { Faults, OrderService } from '../orders/index.ts';
import { LINE_BACKORDERED, LINE_HELD, LINE_UNTRACKED } from '../orders/index.ts';
import { paymentInstructions, type PaymentProvider, type PaymentStart } from '../payments/index.ts';
import type { ShippingService } from '../shipping/index.ts';
import { randomToken } from '../staff/index.ts';
import { vatRate } from '../tax/rates.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { postalCodeProblem } from './address-rules.ts';
import { cartSnapshot } from './cart-snapshot.ts';
import type { CheckoutInput } from './schemas.ts';
import { computeTotals } from './totals.ts';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CustomerService } from '../customers/index.ts';

export type PlacedOrder = {
  order: { id: number; number: number; token: string; status: string; total: { amount: number; currency: string } };
  payment: { provider: string; status: 'paid' | 'pending' | 'declined'; reference: string | null; clientSecret?: string | null; instructions?: string | null };
  /** True when this answer repeats an order placed before (same Idempotency-Key or same cart). */
  replayed: boolean;
};

export type CheckoutDeps = {
  db: Db;
  orders: OrderService;
  shipping: ShippingService;
  discounts: DiscountService;
  providers: Map<string, PaymentProvider>;
  holdMinutes: number;
  offlineHoldDays: number;
  bankDetails: string;
  /** Failure injection for tests: called at each named step, may throw. */
  faults?: Faults;
  afterCommit?: () => void;
  /** Variants whose stock was reserved, called after commit (the page cache reads them again). */
  onStockChange?: (variantIds: number[]) => void;
  customers: CustomerService;
};

export class PaymentDeclined extends AppError {
  constructor(readonly placed: PlacedOrder, reason: string) {
    super('VALIDATION_FAILED', `payment declined: ${reason}`, [{ field: 'payment', message: reason }]);
  }
  override get status(): number {
    return 402;
  }
  override toJSON() {
    return { error: { code: 'PAYMENT_DECLINED', message: this.message, fields: this.fields, order: this.placed.order } };
  }
}

export function createCheckoutService(deps: CheckoutDeps) {
  const { db } = deps;
  const fault = (step: string) => deps.faults?.(step);

  /**
   * Idempotency keys are scoped to their cart: the same key sent for another cart is another request,
   * and can never reveal (or replay) someone else's order.
   */
  const scopedKey = (cartId: string, key: string | null) => (key ? createHash('sha256').update(`${cartId}\n${key}`).digest('hex') : null);

  async function existing(cartId: string, key: string | null) {
    let q = db.selectFrom('orders').select(['id', 'number', 'token', 'status', 'total_amount', 'currency', 'cart_id', 'idempotency_key', 'payment_provider', 'payment_reference', 'email']);
    q = key ? q.where((eb) => eb.or([eb('idempotency_key', '=', key), eb('cart_id', '=', cartId)])) : q.where('cart_id', '=', cartId);
    const rows = await q.execute();
    return (key ? rows.find((r) => r.idempotency_key === key) : undefined) ?? rows.find((r) => r.cart_id === cartId);
  }

  const summary = (o: { id: number; number: number; token: string; status: string; total_amount: number; currency: string }) => ({
    id: o.id,
    number: Number(o.number),
    token: o.token,
    status: o.status,
    total: { amount: Number(o.total_amount), currency: o.currency },
  });

  const instructions = (provider: PaymentProvider, number: number, locale: 'fr' | 'en') => paymentInstructions(provider.id, number, locale, deps.bankDetails);

  /** Acts on the provider's answer: paid -> sale committed; declined -> order cancelled, stock released, cart reopened. */
  async function settle(
    o: { id: number; number: number; token: string; status: string; total_amount: number; currency: string },
    provider: PaymentProvider,
    start: PaymentStart,
    locale: 'fr' | 'en',
    replayed: boolean,
    held?: Held[],
  ): Promise<PlacedOrder> {
    fault('after-payment');
    if (start.status === 'paid') {
      const known = held ? { total: Number(o.total_amount), currency: o.currency, held } : undefined;
      try {
        await deps.orders.markPaid(o.id, { provider: provider.id, reference: start.reference, actor: { label: `payment:${provider.id}` }, sendConfirmation: true, known });
      } catch (e) {
        // A concurrent twin of this request (double click, retry) recorded the payment first.
        if (!(e instanceof AppError && e.code === 'CONFLICT')) throw e;
        const now = await db.selectFrom('orders').select('status').where('id', '=', o.id).executeTakeFirst();
        if (now?.status !== 'paid') throw e;
      }
      return { order: { ...summary(o), status: 'paid' }, payment: { provider: provider.id, status: 'paid', reference: start.reference }, replayed };
    }
    if (start.status === 'declined') {
      await deps.orders.cancel(o.id, { label: `payment:${provider.id}` }, `payment declined: ${start.reason}`, { declined: { provider: provider.id, reference: start.reference ?? null } });
      throw new PaymentDeclined({ order: { ...summary(o), status: 'cancelled' }, payment: { provider: provider.id, status: 'declined', reference: start.reference ?? null }, replayed }, start.reason);
    }
    if (start.reference) await db.updateTable('orders').set({ payment_reference: start.reference }).where('id', '=', o.id).execute();
    return {
      order: summary(o),
      payment: { provider: provider.id, status: 'pending', reference: start.reference ?? null, clientSecret: start.clientSecret ?? null, instructions: instructions(provider, Number(o.number), locale) },
      replayed,
    };
  }

  async function replay(found: NonNullable<Awaited<ReturnType<typeof existing>>>, input: CheckoutInput, locale: 'fr' | 'en'): Promise<PlacedOrder> {
    const p = deps.providers.get(found.payment_provider);
    // A retry resumes the payment: after a crash between reservation and payment, or to get Stripe's client
    // secret again. Providers are idempotent per order, so no second charge or intent is made.
    if (found.status === 'pending_payment' && p && !p.offline) {
      const start = await p.start({ orderId: found.id, orderNumber: Number(found.number), amount: { amount: Number(found.total_amount), currency: found.currency }, email: found.email, token: input.payment.token });
      return settle(found, p, start, locale, true);
    }
    return {
      order: summary(found),
      payment: {
        provider: found.payment_provider,
        status: found.status === 'pending_payment' ? 'pending' : found.status === 'cancelled' ? 'declined' : 'paid',
        reference: found.payment_reference,
        instructions: p ? instructions(p, Number(found.number), locale) : null,
      },
      replayed: true,
    };
  }

  return {
    /**
     * The client secret for a card payment still to be confirmed in the browser (Stripe), or null when the
     * order is not waiting for such a payment. Providers are idempotent per order: the same intent comes back.
     */
    async paymentSession(orderId: number): Promise<{ clientSecret: string } | null> {
      const o = await db.selectFrom('orders').select(['id', 'number', 'status', 'total_amount', 'currency', 'email', 'payment_provider']).where('id', '=', orderId).executeTakeFirst();
      const p = o ? deps.providers.get(o.payment_provider) : undefined;
      if (!o || !p || p.offline || o.status !== 'pending_payment') return null;
      const start = await p.start({ orderId: o.id, orderNumber: Number(o.number), amount: { amount: Number(o.total_amount), currency: o.currency }, email: o.email });
      return start.status === 'pending' && start.clientSecret ? { clientSecret: start.clientSecret } : null;
    },

    /**
     * Places the order for a cart exactly once. Stock is reserved and the order written in one transaction;
     * the payment call happens after it commits; its outcome is recorded in a second transaction.
     */
    async placeOrder(cartId: string, input: CheckoutInput, clientKey: string | null, who: { customerId?: number | null } = {}): Promise<PlacedOrder> {
      const idempotencyKey = scopedKey(cartId, clientKey);
      const locale = input.locale ?? 'fr';
      const provider = deps.providers.get(input.payment.provider);
      const cart = await cartSnapshot(db, cartId, locale);
      if (!cart) throw notFound('This cart');
      // A cart already ordered answers with its order: a double click, a retry, the same key again.
      if (cart.status !== 'open') {
        const found = await existing(cartId, idempotencyKey);
        if (found) return replay(found, input, locale);
        throw new AppError('CONFLICT', 'this cart has already been ordered');
      }

      // Everything a shopper can fix is checked before any write, and reported at once.
      const issues = [];
      if (!provider) issues.push({ field: 'payment.provider', message: `this shop does not take ${input.payment.provider} payments; choose ${[...deps.providers.keys()].join(', ')}` });
      const tokenProblem = provider?.checkToken?.(input.payment.token);
      if (tokenProblem) issues.push({ field: 'payment.token', message: tokenProblem });
      const postal = postalCodeProblem(input.shippingAddress.country, input.shippingAddress.postalCode, locale);
      if (postal) issues.push({ field: 'shippingAddress.postalCode', message: postal });
      if (cart.lines.length === 0) issues.push({ field: 'cart', message: locale === 'fr' ? 'le panier est vide' : 'the cart is empty' });
      cart.lines.forEach((l, i) => {
        if (!l.active) issues.push({ field: `lines.${i}`, message: `${l.title} is no longer for sale: remove it from the cart` });
      });
      if (input.account && !who.customerId) {
        try {
          await deps.customers.checkNew(input.email, input.account.password, locale);
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          issues.push(...e.fields);
        }
      }
      if (issues.length) throw invalid(issues);
      const passwordHash = input.account && !who.customerId ? await deps.customers.hash(input.account.password) : null;

      const subtotal = cart.lines.reduce((s, l) => s + l.unitPrice * l.quantity, 0);
      const weight = cart.lines.reduce((s, l) => s + l.weightGrams * l.quantity, 0);
      const country = input.shippingAddress.country;
      const method = await deps.shipping.quote(input.shippingMethodId, { country, weightGrams: weight, subtotal }, locale);
      let code: DiscountCode | null = null;
      if (input.discountCode) code = await deps.discounts.check(input.discountCode, subtotal, locale);
      const totals = computeTotals(
        cart.lines.map((l) => ({ unitPrice: l.unitPrice, quantity: l.quantity, vatRateBp: vatRate(country, l.taxCategory) })),
        code ? { kind: code.kind, value: code.value } : null,
        method.price,
        vatRate(country, 'standard'),
      );
      const p = provider!;
      const holdMs = p.offline ? deps.offlineHoldDays * 86_400_000 : deps.holdMinutes * 60_000;

      let placed: { id: number; number: number; token: string; status: string; total_amount: number; currency: string; held: Held[] };
      try {
        placed = await transaction(db, async (trx: Tx) => {
          if (code) await consumeCode(trx, code.id);
          fault('after-discount');
          const customerId = passwordHash
            ? await deps.customers.insert(trx, { email: input.email, name: input.shippingAddress.name, passwordHash, locale })
            : (who.customerId ?? null);
          const seq = await trx.updateTable('sequences').set({ value: sql`value + 1` }).where('name', '=', 'order').returning('value').executeTakeFirstOrThrow();
          const number = Number(seq.value);
          fault('after-number');
          const now = nowIso();
          const token = randomToken(18);
          const order = await trx
            .insertInto('orders')
            .values({
              number,
              token,
              cart_id: cartId,
              idempotency_key: idempotencyKey,
              status: 'pending_payment',
              email: input.email.toLowerCase(),
              locale,
              currency: cart.currency,
              subtotal_amount: totals.subtotal,
              discount_amount: totals.discount,
              shipping_amount: totals.shipping,
              tax_amount: totals.tax,
              total_amount: totals.total,
              shipping_address: JSON.stringify(input.shippingAddress),
              shipping_method_id: method.id,
              shipping_method_name: method.name,
              discount_code: code?.code ?? null,
              tax_lines: JSON.stringify(totals.taxLines),
              payment_provider: p.id,
              payment_reference: null,
              reservation_expires_at: new Date(Date.now() + holdMs).toISOString(),
              placed_at: now,
              paid_at: null,
              updated_at: now,
              customer_id: customerId,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          fault('after-order');
          // Rows touched in key order by one conditional UPDATE each; any shortage rolls everything back.
          const { held, backordered, shortages } = await reserve(
            trx,
            cart.lines.filter((l) => l.trackInventory).map((l) => ({ variantId: l.variantId, quantity: l.quantity, allowBackorder: l.allowBackorder })),
            `order:${order.id}`,
          );
          if (shortages.length) throw new InsufficientStock(shortages);
          fault('after-reserve');
          const heldSet = new Set(held.map((h: Held) => h.variantId));
          const backSet = new Set(backordered.map((h: Held) => h.variantId));
          await trx
            .insertInto('order_lines')
            .values(
              cart.lines.map((l, i) => ({
                order_id: order.id,
                variant_id: l.variantId,
                product_id: l.productId,
                sku: l.sku,
                title: l.title,
                variant_title: l.variantTitle,
                unit_price_amount: l.unitPrice,
                quantity: l.quantity,
                vat_rate_bp: vatRate(country, l.taxCategory),
                discount_amount: totals.lines[i]!.discount,
                total_amount: totals.lines[i]!.total,
                tracked: heldSet.has(l.variantId) ? LINE_HELD : backSet.has(l.variantId) ? LINE_BACKORDERED : LINE_UNTRACKED,
              })),
            )
            .execute();
          fault('after-lines');
          await trx.insertInto('order_events').values({ order_id: order.id, from_status: null, to_status: 'pending_payment', note: `placed, paying by ${p.id}`, actor: 'shopper', created_at: now }).execute();
          await trx.updateTable('carts').set({ status: 'completed', order_id: order.id, updated_at: now }).where('id', '=', cartId).where('status', '=', 'open').execute();
          if (p.offline) await enqueue(trx, 'email.order_confirmation', `order-confirmation:${order.id}`, { orderId: order.id });
          fault('before-commit');
          return { id: order.id, number, token, status: 'pending_payment', total_amount: totals.total, currency: cart.currency, held };
        });
      } catch (e) {
        // Two requests for the same cart or key at once: the unique index lets one win; the other answers with its order.
        if (isUniqueViolation(e)) {
          const winner = await existing(cartId, idempotencyKey);
          if (winner) return replay(winner, input, locale);
        }
        throw e;
      }
      if (p.offline) deps.afterCommit?.();
      if (placed.held.length) deps.onStockChange?.(placed.held.map((h) => h.variantId));
      fault('after-commit');
      const start = await p.start({ orderId: placed.id, orderNumber: placed.number, amount: { amount: placed.total_amount, currency: placed.currency }, email: input.email.toLowerCase(), token: input.payment.token });
      return settle(placed, p, start, locale, false, placed.held);
    },
  };
}

export class InsufficientStock extends AppError {
  constructor(readonly lines: { variantId: number; requested: number; available: number }[]) {
    super('CONFLICT', `not enough stock for ${lines.length} item${lines.length > 1 ? 's' : ''}`, lines.map((l) => ({ field: `variant.${l.variantId}`, message: l.available > 0 ? `only ${l.available} left` : 'sold out' })));
  }
  override toJSON() {
    return { error: { code: 'INSUFFICIENT_STOCK', message: this.message, lines: this.lines } };
  }
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string };
  return err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === '23505' || err?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed: orders\./.test(err?.message ?? '');
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
