import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Stripe from 'stripe';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';
import { fakeStripeApi } from '../../test/helpers/stripe.ts';
import { shopState } from './store-test-state.ts';
import { apiClient } from './test-client.ts';

const SECRET = 'whsec_test';
const signer = new Stripe('sk_test_x');

function event(type: string, intent: { id: string; orderId: number | string; failure?: string; amount?: number; currency?: string }) {
  return JSON.stringify({
    id: `evt_${Math.random().toString(36).slice(2)}`,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: {
      object: {
        id: intent.id,
        object: 'payment_intent',
        amount: intent.amount ?? 0,
        currency: (intent.currency ?? 'EUR').toLowerCase(),
        metadata: { order_id: String(intent.orderId) },
        ...(intent.failure ? { last_payment_error: { message: intent.failure } } : {}),
      },
    },
  });
}

describe('Stripe webhook', () => {
  let shop: TestShop;
  let fake: Awaited<ReturnType<typeof fakeStripeApi>>;
  let api: ReturnType<typeof apiClient>;
  before(async () => {
    fake = await fakeStripeApi();
    shop = await startTestShop({ WORKER: '0', PAYMENT_PROVIDERS: 'test,stripe', STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_HOST: fake.url });
    api = apiClient(shop.url, null);
  });
  after(async () => {
    await shop.close();
    fake.server.close();
  });

  const db = () => shop.services.conn.db;
  const level = async (variantId: number) => db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', variantId).executeTakeFirstOrThrow();
  const status = async (orderId: number) => (await db().selectFrom('orders').select('status').where('id', '=', orderId).executeTakeFirstOrThrow()).status;

  function post(payload: string, signature: string | null = signer.webhooks.generateTestHeaderString({ payload, secret: SECRET }), contentType = 'application/json; charset=utf-8') {
    const headers: Record<string, string> = { 'content-type': contentType };
    if (signature !== null) headers['stripe-signature'] = signature;
    return fetch(`${shop.url}/api/webhooks/stripe`, { method: 'POST', headers, body: payload }).then(async (r) => ({ status: r.status, headers: r.headers, body: await r.json() }));
  }

  /** A Stripe order waiting for the shopper to confirm the card in the browser. */
  async function stripeOrder(quantity = 2) {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const variantId = p.variants[0]!.id;
    const cart = (await api.post('/api/store/carts')).body.id;
    await api.post(`/api/store/carts/${cart}/lines`, { variantId, quantity });
    const res = await api.call('POST', `/api/store/carts/${cart}/checkout`, checkoutInput({ payment: { provider: 'stripe' } }), { 'idempotency-key': `stripe-${cart}` });
    assert.equal(res.status, 201);
    return { variantId, cart, order: res.body.order, payment: res.body.payment };
  }

  it('starts a Stripe payment at checkout: the order waits with its stock held and the client secret is handed over', async () => {
    const { variantId, order, payment } = await stripeOrder();
    assert.equal(order.status, 'pending_payment');
    assert.equal(payment.provider, 'stripe');
    assert.equal(payment.status, 'pending');
    assert.match(payment.reference, /^pi_test_\d+$/);
    assert.equal(payment.clientSecret, `${payment.reference}_secret_x`);
    const sent = fake.created.at(-1)!;
    assert.equal(sent.amount, String(order.total.amount));
    assert.equal(sent['metadata[order_id]'], String(order.id));
    assert.deepEqual(await level(variantId), { on_hand: 5, reserved: 2 });
    await assertStockConsistent(db());
  });

  it('marks the order paid on payment_intent.succeeded, once, however often the event comes', async () => {
    const { variantId, order, payment } = await stripeOrder();
    const payload = event('payment_intent.succeeded', { id: payment.reference, orderId: order.id, amount: order.total.amount });
    const res = await post(payload);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual(res.body, { received: true, outcome: 'paid' });
    assert.equal(await status(order.id), 'paid');
    assert.deepEqual(await level(variantId), { on_hand: 3, reserved: 0 });
    const mail = await db().selectFrom('outbox').select('id').where('dedupe_key', '=', `order-confirmation:${order.id}`).execute();
    assert.equal(mail.length, 1, 'the confirmation is queued');
    const read = await api.get(`/api/store/orders/${order.id}?token=${order.token}`);
    assert.deepEqual(read.body.payment, { provider: 'stripe', status: 'paid' });

    const state = await shopState(db());
    const replay = await post(payload);
    assert.deepEqual([replay.status, replay.body.outcome], [200, 'unchanged']);
    const again = await post(event('payment_intent.succeeded', { id: payment.reference, orderId: order.id, amount: order.total.amount }));
    assert.deepEqual([again.status, again.body.outcome], [200, 'unchanged'], 'a new event for the same payment');
    const late = await post(event('payment_intent.payment_failed', { id: payment.reference, orderId: order.id, failure: 'late', amount: order.total.amount }));
    assert.deepEqual([late.status, late.body.outcome], [200, 'unchanged'], 'a failure after success does not cancel a paid order');
    assert.deepEqual(await shopState(db()), state);
    assert.equal(await status(order.id), 'paid');
    await assertStockConsistent(db());
  });

  it('records one payment when the same event arrives several times at once', async () => {
    const { variantId, order, payment } = await stripeOrder(1);
    const payload = event('payment_intent.succeeded', { id: payment.reference, orderId: order.id, amount: order.total.amount });
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(payload)));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200]);
    assert.equal(answers.filter((a) => a.body.outcome === 'paid').length, 1);
    const payments = await db().selectFrom('payments').select('status').where('order_id', '=', order.id).execute();
    assert.deepEqual(payments, [{ status: 'paid' }]);
    assert.deepEqual(await level(variantId), { on_hand: 4, reserved: 0 });
    await assertStockConsistent(db());
  });

  it('notes a failed card attempt on payment_intent.payment_failed and keeps the order and its stock for a retry', async () => {
    const { variantId, cart, order, payment } = await stripeOrder();
    const payload = event('payment_intent.payment_failed', { id: payment.reference, orderId: order.id, failure: 'Your card was declined.', amount: order.total.amount });
    const res = await post(payload);
    assert.deepEqual([res.status, res.body.outcome], [200, 'noted']);
    assert.equal(await status(order.id), 'pending_payment');
    assert.deepEqual(await level(variantId), { on_hand: 5, reserved: 2 });
    assert.equal((await api.get(`/api/store/carts/${cart}`)).body.status, 'completed');
    const recorded = await db().selectFrom('payments').select(['status', 'reference', 'detail']).where('order_id', '=', order.id).execute();
    assert.deepEqual(recorded, [{ status: 'declined', reference: payment.reference, detail: 'card payment failed: Your card was declined.' }]);
    const state = await shopState(db());
    const replay = await post(payload);
    assert.deepEqual([replay.status, replay.body.outcome], [200, 'unchanged']);
    assert.deepEqual(await shopState(db()), state);
    // The shopper retries with another card and it goes through.
    const paid = await post(event('payment_intent.succeeded', { id: payment.reference, orderId: order.id, amount: order.total.amount }));
    assert.deepEqual([paid.status, paid.body.outcome], [200, 'paid']);
    assert.deepEqual(await level(variantId), { on_hand: 3, reserved: 0 });
    await assertStockConsistent(db());
  });

  it('ignores an event for another payment intent that names the same order id', async () => {
    const { order, payment } = await stripeOrder();
    const res = await post(event('payment_intent.succeeded', { id: `${payment.reference}_elsewhere`, orderId: order.id, amount: order.total.amount }));
    assert.deepEqual([res.status, res.body.outcome], [200, 'ignored']);
    assert.equal(await status(order.id), 'pending_payment');
  });

  it('does not mark an order paid when the amount paid differs from its total', async () => {
    const { order, payment } = await stripeOrder();
    const res = await post(event('payment_intent.succeeded', { id: payment.reference, orderId: order.id, amount: order.total.amount - 1 }));
    assert.deepEqual([res.status, res.body.outcome], [200, 'noted']);
    assert.equal(await status(order.id), 'pending_payment');
  });

  it('records money received for a cancelled order for staff to refund, without reviving it', async () => {
    const { variantId, order, payment } = await stripeOrder();
    await shop.services.orders.expireHolds(new Date(Date.now() + 60 * 60_000));
    assert.equal(await status(order.id), 'cancelled');
    const res = await post(event('payment_intent.succeeded', { id: payment.reference, orderId: order.id, amount: order.total.amount }));
    assert.deepEqual([res.status, res.body.outcome], [200, 'noted']);
    assert.equal(await status(order.id), 'cancelled');
    assert.deepEqual(await level(variantId), { on_hand: 5, reserved: 0 });
    const history = await shop.services.orders.history(order.id);
    assert.match(history.at(-1)!.note ?? '', /refund it/);
    await assertStockConsistent(db());
  });

  it('refuses a missing, wrong, stale or tampered signature with 400 and changes nothing', async () => {
    const { order, payment } = await stripeOrder(1);
    const payload = event('payment_intent.succeeded', { id: payment.reference, orderId: order.id, amount: order.total.amount });
    const state = await shopState(db());
    const cases: [string, string, string | null][] = [
      ['no signature', payload, null],
      ['signed with another secret', payload, signer.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' })],
      ['signed an hour ago', payload, signer.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 3600 })],
      ['a body changed after signing', payload.replace(`"order_id":"${order.id}"`, '"order_id":"1"'), signer.webhooks.generateTestHeaderString({ payload, secret: SECRET })],
      ['a body re-serialised after signing', JSON.stringify(JSON.parse(payload), null, 2), signer.webhooks.generateTestHeaderString({ payload, secret: SECRET })],
      ['garbage', payload, 'not a signature'],
    ];
    for (const [what, body, signature] of cases) {
      const res = await post(body, signature);
      assert.equal(res.status, 400, what);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED', what);
      assert.equal(res.body.error.fields[0].field, 'stripe-signature', what);
    }
    assert.deepEqual(await shopState(db()), state);
    assert.equal(await status(order.id), 'pending_payment');
  });

  it('answers 200 to events it does not act on: other types, unknown orders, intents without an order', async () => {
    const state = await shopState(db());
    for (const payload of [
      event('charge.refunded', { id: 'pi_x', orderId: 1 }),
      event('payment_intent.succeeded', { id: 'pi_x', orderId: 999_999 }),
      event('payment_intent.succeeded', { id: 'pi_x', orderId: 'not-ours' }),
    ]) {
      const res = await post(payload);
      assert.deepEqual([res.status, res.body.outcome], [200, 'ignored']);
    }
    assert.deepEqual(await shopState(db()), state);
  });

  it('keeps the raw body parser to the webhook: other JSON routes still parse JSON', async () => {
    const res = await api.post('/api/store/carts', { locale: 'en' });
    assert.equal(res.status, 201);
    const refused = await api.post('/api/store/carts', { locale: 'xx' });
    assert.equal(refused.status, 400, 'the body was parsed and validated as JSON');
  });
});

describe('Stripe webhook without Stripe configured', () => {
  it('answers 404', async () => {
    const shop = await startTestShop({ WORKER: '0' });
    try {
      const payload = event('payment_intent.succeeded', { id: 'pi_x', orderId: 1 });
      const res = await fetch(`${shop.url}/api/webhooks/stripe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'stripe-signature': signer.webhooks.generateTestHeaderString({ payload, secret: SECRET }) },
        body: payload,
      });
      assert.equal(res.status, 404);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'NOT_FOUND');
    } finally {
      await shop.close();
    }
  });
});
