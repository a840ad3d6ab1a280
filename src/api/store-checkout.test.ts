import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';
import { TEST_CARDS } from '../payments/index.ts';
import { shopState } from './store-test-state.ts';
import { apiClient } from './test-client.ts';

describe('store API: checkout and orders', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
    api = apiClient(shop.url, null);
  });
  after(() => shop.close());

  const db = () => shop.services.conn.db;
  const level = async (variantId: number) => db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', variantId).executeTakeFirstOrThrow();
  const product = async (stock: [number, number] = [5, 5]) => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const [a, b] = p.variants;
    await shop.services.catalog.products.update(p.id, { variants: [{ ...toVariant(a!), onHand: stock[0] }, { ...toVariant(b!), onHand: stock[1] }] }, TEST_ACTOR);
    return [a!.id, b!.id] as const;
  };
  async function cartWith(lines: { variantId: number; quantity: number }[]) {
    const id = (await api.post('/api/store/carts')).body.id as string;
    for (const l of lines) assert.equal((await api.post(`/api/store/carts/${id}/lines`, l)).status, 201);
    return id;
  }
  const checkout = (cart: string, body: unknown = checkoutInput(), key?: string) =>
    api.call('POST', `/api/store/carts/${cart}/checkout`, body, key === undefined ? {} : { 'idempotency-key': key });

  it('takes a shopper from an empty cart to a paid order readable with its token', async () => {
    const [blue, red] = await product();
    const cart = (await api.post('/api/store/carts', { locale: 'en' })).body.id;
    const line = (await api.post(`/api/store/carts/${cart}/lines`, { variantId: blue, quantity: 1 })).body.lines[0].id;
    await api.post(`/api/store/carts/${cart}/lines`, { variantId: red, quantity: 3 });
    await api.patch(`/api/store/carts/${cart}/lines/${line}`, { quantity: 2 });
    const redLine = (await api.get(`/api/store/carts/${cart}`)).body.lines.find((l: { variantId: number }) => l.variantId === red).id;
    await api.del(`/api/store/carts/${cart}/lines/${redLine}`);

    const res = await checkout(cart, checkoutInput({ locale: 'en' }), 'journey-1');
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('idempotent-replayed'), null);
    const { order, payment } = res.body;
    assert.equal(order.status, 'paid');
    assert.deepEqual(order.total, { amount: 2 * 1800 + 590, currency: 'EUR' });
    assert.equal(order.statusUrl, `${shop.url}/en/orders/${order.id}?token=${order.token}`);
    assert.deepEqual(payment, { provider: 'test', status: 'paid', reference: `test_ch_${order.id}_4242` });
    assert.deepEqual(await level(blue), { on_hand: 3, reserved: 0 });
    assert.deepEqual(await level(red), { on_hand: 5, reserved: 0 });

    const read = await api.get(`/api/store/orders/${order.id}?token=${order.token}`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('cache-control'), 'no-store');
    assert.equal(read.body.number, order.number);
    assert.equal(read.body.status, 'paid');
    assert.deepEqual(read.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity]), [[(await skuOf(blue)), 2]]);
    assert.deepEqual(read.body.total, order.total);
    assert.deepEqual(read.body.taxLines.map((t: { rateBp: number }) => t.rateBp), [2000]);
    assert.equal(read.body.shippingAddress.city, 'Lyon');
    assert.deepEqual(read.body.payment, { provider: 'test', status: 'paid' });
    assert.ok(read.body.placedAt && read.body.paidAt);
    assert.equal(read.body.email, undefined, 'nothing more than the documented fields');

    for (const path of [`/api/store/orders/${order.id}`, `/api/store/orders/${order.id}?token=wrong`, `/api/store/orders/${order.id}?token=${order.token}x`, `/api/store/orders/999999?token=${order.token}`]) {
      const miss = await api.get(path);
      assert.equal(miss.status, 404, path);
      assert.deepEqual(miss.body, { error: { code: 'NOT_FOUND', message: 'This order was not found' } }, 'the same answer whether the order exists or not');
    }
    await assertStockConsistent(db());
  });

  it('answers a replay with the same order: 200, the same body and Idempotent-Replayed', async () => {
    const [blue] = await product();
    const cart = await cartWith([{ variantId: blue, quantity: 1 }]);
    const first = await checkout(cart, checkoutInput(), 'replay-key-1');
    assert.equal(first.status, 201);
    const other = await cartWith([{ variantId: blue, quantity: 1 }]);
    const state = await shopState(db());
    const again = await checkout(cart, checkoutInput(), 'replay-key-1');
    assert.equal(again.status, 200);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.deepEqual(again.body, first.body);
    const sameCart = await checkout(cart, checkoutInput(), 'another-key');
    assert.equal(sameCart.status, 200, 'the same cart is the same order, whatever the key');
    assert.deepEqual(sameCart.body, first.body);
    const noKey = await checkout(cart);
    assert.equal(noKey.status, 200);
    assert.equal(noKey.body.order.id, first.body.order.id);
    assert.deepEqual(await shopState(db()), state, 'replays write nothing');

    // Keys are scoped to their cart: the same key for another cart places that cart's own order, never revealing this one.
    const reused = await checkout(other, checkoutInput(), 'replay-key-1');
    assert.equal(reused.status, 201);
    assert.notEqual(reused.body.order.id, first.body.order.id);
    assert.notEqual(reused.body.order.token, first.body.order.token);
  });

  it('makes one order of a double click: two requests at once with the same key', async () => {
    const [blue] = await product();
    const cart = await cartWith([{ variantId: blue, quantity: 2 }]);
    const before = await shopState(db());
    const [a, b] = await Promise.all([checkout(cart, checkoutInput(), 'double-click'), checkout(cart, checkoutInput(), 'double-click')]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201]);
    assert.equal(a.body.order.id, b.body.order.id);
    assert.equal((await shopState(db())).orders, before.orders + 1);
    assert.deepEqual(await level(blue), { on_hand: 3, reserved: 0 });
    await assertStockConsistent(db());
  });

  it('answers 402 for a declined card, puts the stock back and lets the shopper pay again', async () => {
    const [blue] = await product();
    const cart = await cartWith([{ variantId: blue, quantity: 4 }]);
    const declined = await checkout(cart, checkoutInput({ payment: { provider: 'test', token: TEST_CARDS.declined } }), 'decline-a');
    assert.equal(declined.status, 402);
    assert.equal(declined.body.error.code, 'PAYMENT_DECLINED');
    assert.match(declined.body.error.message, /declined/);
    assert.deepEqual(declined.body.error.fields, [{ field: 'payment', message: 'the card was declined' }]);
    assert.equal(declined.body.error.order.status, 'cancelled');
    assert.deepEqual(await level(blue), { on_hand: 5, reserved: 0 });
    assert.equal((await api.get(`/api/store/carts/${cart}`)).body.status, 'open', 'the cart can be paid again');

    const replay = await checkout(cart, checkoutInput({ payment: { provider: 'test', token: TEST_CARDS.declined } }), 'decline-a');
    assert.equal(replay.status, 402, 'the same request gets the same answer');
    assert.equal(replay.headers.get('idempotent-replayed'), 'true');
    assert.equal(replay.body.error.order.id, declined.body.error.order.id);

    const poor = await checkout(cart, checkoutInput({ payment: { provider: 'test', token: TEST_CARDS.insufficientFunds } }), 'decline-b');
    assert.equal(poor.status, 402);
    assert.match(poor.body.error.fields[0].message, /insufficient funds/);
    const paid = await checkout(cart, checkoutInput(), 'decline-c');
    assert.equal(paid.status, 201);
    assert.equal(paid.body.order.status, 'paid');
    assert.deepEqual(await level(blue), { on_hand: 1, reserved: 0 });
    await assertStockConsistent(db());
  });

  it('answers 409 INSUFFICIENT_STOCK listing every short line, and changes nothing', async () => {
    const [blue, red] = await product([3, 1]);
    const plenty = (await product([50, 50]))[0];
    const cart = await cartWith([{ variantId: blue, quantity: 3 }, { variantId: red, quantity: 1 }, { variantId: plenty, quantity: 2 }]);
    // Someone else buys while this cart waits.
    const rival = await cartWith([{ variantId: blue, quantity: 2 }, { variantId: red, quantity: 1 }]);
    assert.equal((await checkout(rival)).status, 201);
    const before = await shopState(db());
    const res = await checkout(cart, checkoutInput(), 'short-1');
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'INSUFFICIENT_STOCK');
    assert.match(res.body.error.message, /2 items/);
    assert.deepEqual(res.body.error.lines.sort((x: { variantId: number }, y: { variantId: number }) => x.variantId - y.variantId), [
      { variantId: blue, requested: 3, available: 1 },
      { variantId: red, requested: 1, available: 0 },
    ]);
    assert.deepEqual(await shopState(db()), before);
    assert.deepEqual(await level(plenty), { on_hand: 50, reserved: 0 }, 'the line in stock is not held either');
    await assertStockConsistent(db());
  });

  it('refuses bad checkout input naming the fields, and changes nothing', async () => {
    const [blue] = await product();
    const cart = await cartWith([{ variantId: blue, quantity: 1 }]);
    const empty = (await api.post('/api/store/carts')).body.id;
    const state = await shopState(db());
    const input = checkoutInput();
    const cases: [string, unknown, string | undefined, string[]][] = [
      ['a key too long', input, 'k'.repeat(129), ['idempotency-key']],
      ['a key with spaces', input, 'two words', ['idempotency-key']],
      ['an empty key', input, '', ['idempotency-key']],
      ['no e-mail', { ...input, email: undefined }, undefined, ['email']],
      ['a bad e-mail', { ...input, email: 'camille' }, undefined, ['email']],
      ['an unknown field', { ...input, admin: true }, undefined, ['admin']],
      ['a short address', { ...input, shippingAddress: { ...input.shippingAddress, line1: '' } }, undefined, ['shippingAddress.line1']],
      ['a country we do not serve', { ...input, shippingAddress: { ...input.shippingAddress, country: 'US' } }, undefined, ['shippingAddress.country']],
      ['a wrong postal code', { ...input, shippingAddress: { ...input.shippingAddress, postalCode: '7500' } }, undefined, ['shippingAddress.postalCode']],
      ['an unknown provider', { ...input, payment: { provider: 'bitcoin' } }, undefined, ['payment.provider']],
      ['a card that is not one', { ...input, payment: { provider: 'test', token: '1234' } }, undefined, ['payment.token']],
      ['an unknown shipping method', { ...input, shippingMethodId: 999 }, undefined, ['shippingMethodId']],
      ['a shipping method id as text', { ...input, shippingMethodId: '1' }, undefined, ['shippingMethodId']],
      ['an unknown discount code', { ...input, discountCode: 'NOPE' }, undefined, ['discountCode']],
      ['a bad locale', { ...input, locale: 'de' }, undefined, ['locale']],
    ];
    for (const [what, body, key, fields] of cases) {
      const res = await checkout(cart, body, key);
      assert.equal(res.status, 400, what);
      assert.equal(res.body.error.code, 'VALIDATION_FAILED', what);
      assert.deepEqual([...new Set(res.body.error.fields.map((f: { field: string }) => f.field))], fields, what);
    }
    const noBody = await api.call('POST', `/api/store/carts/${cart}/checkout`);
    assert.equal(noBody.status, 400);
    assert.deepEqual(noBody.body.error.fields.map((f: { field: string }) => f.field), ['body']);
    const nothing = await checkout(empty);
    assert.equal(nothing.status, 400);
    assert.deepEqual(nothing.body.error.fields.map((f: { field: string }) => f.field), ['cart']);
    const unknown = await checkout('AAAAAAAAAAAAAAAAAAAAAA');
    assert.equal(unknown.status, 404);
    assert.deepEqual(await shopState(db()), state);
  });

  it('keeps a bank transfer order waiting, with what to pay and the stock held', async () => {
    const [blue] = await product();
    const cart = await cartWith([{ variantId: blue, quantity: 1 }]);
    const res = await checkout(cart, checkoutInput({ payment: { provider: 'bank_transfer' }, locale: 'en' }));
    assert.equal(res.status, 201);
    assert.equal(res.body.order.status, 'pending_payment');
    assert.equal(res.body.payment.status, 'pending');
    assert.match(res.body.payment.instructions, new RegExp(`Bank transfer to .* reference VIR-${res.body.order.number}`));
    assert.deepEqual(await level(blue), { on_hand: 5, reserved: 1 });
    const read = await api.get(`/api/store/orders/${res.body.order.id}?token=${res.body.order.token}`);
    assert.deepEqual(read.body.payment, { provider: 'bank_transfer', status: 'pending' });
    await assertStockConsistent(db());
  });

  async function skuOf(variantId: number) {
    return (await db().selectFrom('variants').select('sku').where('id', '=', variantId).executeTakeFirstOrThrow()).sku;
  }
});

describe('store API: statements per checkout', () => {
  it('places an order and takes the payment within a budget of SQL statements', async () => {
    // The fault hook is called at each named step of placement; here it only reads the statement counter.
    const marks = new Map<string, number>();
    let shop: TestShop | undefined;
    shop = await startTestShop({ WORKER: '0' }, { faults: (step) => void (shop && marks.set(step, shop.services.conn.queryCount())) });
    try {
      const api = apiClient(shop.url, null);
      const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
      const cart = (await api.post('/api/store/carts')).body.id;
      await api.post(`/api/store/carts/${cart}/lines`, { variantId: p.variants[0]!.id, quantity: 1 });
      await shop.services.outbox.nudge();
      const start = shop.services.conn.queryCount();
      const res = await api.call('POST', `/api/store/carts/${cart}/checkout`, checkoutInput(), { 'idempotency-key': 'count-1' });
      assert.equal(res.status, 201);
      const end = shop.services.conn.queryCount();
      // Counted statements include BEGIN and COMMIT of each transaction.
      const placement = marks.get('after-commit')! - start;
      const payment = end - marks.get('after-commit')!;
      console.log(`checkout of one line, test card: placement ${placement} statements (until the order is committed), payment step ${payment}, total ${end - start}`);
      assert.ok(placement <= 12, `placement took ${placement} statements`);
      assert.ok(payment <= 10, `the payment step took ${payment} statements`);
    } finally {
      await shop.close();
    }
  });
});

function toVariant(v: { id: number; sku: string; options: string[]; price: { amount: number; currency: string } }) {
  return { id: v.id, sku: v.sku, options: v.options, price: v.price, weightGrams: 0, trackInventory: true, allowBackorder: false };
}
