import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';
import { AppError } from '../lib/errors.ts';
import { TEST_CARDS } from '../payments/index.ts';
import { InsufficientStock, PaymentDeclined } from './service.ts';

describe('checkout service', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
  });
  after(() => shop.close());

  async function cartWith(lines: { variantId: number; quantity: number }[]) {
    const id = await shop.services.cart.create('fr');
    for (const l of lines) await shop.services.cart.addLine(id, l.variantId, l.quantity);
    return id;
  }
  const level = async (variantId: number) =>
    shop.services.conn.db.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', variantId).executeTakeFirstOrThrow();

  it('takes a paid order, sells the stock and queues the confirmation', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const v = p.variants[0]!;
    const cart = await cartWith([{ variantId: v.id, quantity: 2 }]);
    const placed = await shop.services.checkout.placeOrder(cart, checkoutInput(), 'key-paid-1');
    assert.equal(placed.order.status, 'paid');
    assert.equal(placed.order.total.amount, 2 * 1800 + 590);
    assert.deepEqual(await level(v.id), { on_hand: 3, reserved: 0 });
    const order = await shop.services.orders.get(placed.order.id);
    assert.equal(order!.lines[0]!.sku, v.sku);
    assert.equal(order!.taxLines[0]!.rateBp, 2000);
    const mail = await shop.services.conn.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', `order-confirmation:${placed.order.id}`).execute();
    assert.equal(mail.length, 1);
    await assertStockConsistent(shop.services.conn.db);
  });

  it('returns the same order for the same key or the same cart, never a second one', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const cart = await cartWith([{ variantId: p.variants[0]!.id, quantity: 1 }]);
    const a = await shop.services.checkout.placeOrder(cart, checkoutInput(), 'key-idem-1');
    const b = await shop.services.checkout.placeOrder(cart, checkoutInput(), 'key-idem-1');
    const c = await shop.services.checkout.placeOrder(cart, checkoutInput(), 'another-key');
    assert.equal(b.order.id, a.order.id);
    assert.equal(c.order.id, a.order.id);
    assert.equal(b.replayed, true);
    const other = await cartWith([{ variantId: p.variants[0]!.id, quantity: 1 }]);
    // Keys are scoped to their cart: another cart sending the same key is its own order and never sees this one.
    const theirs = await shop.services.checkout.placeOrder(other, checkoutInput(), 'key-idem-1');
    assert.notEqual(theirs.order.id, a.order.id);
    assert.notEqual(theirs.order.token, a.order.token);
    assert.equal(theirs.replayed, false);
    await assertStockConsistent(shop.services.conn.db);
  });

  it('lists every short line and changes nothing', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const [blue, red] = p.variants;
    await shop.services.catalog.products.update(p.id, { variants: [{ ...toVariant(blue!), onHand: 3 }, { ...toVariant(red!), onHand: 1 }] }, TEST_ACTOR);
    const cart = await cartWith([{ variantId: blue!.id, quantity: 2 }, { variantId: red!.id, quantity: 1 }]);
    // Someone else buys while this cart waits.
    const rival = await cartWith([{ variantId: blue!.id, quantity: 2 }, { variantId: red!.id, quantity: 1 }]);
    await shop.services.checkout.placeOrder(rival, checkoutInput(), null);
    const ordersBefore = await count('orders');
    await assert.rejects(shop.services.checkout.placeOrder(cart, checkoutInput(), null), (e: unknown) => {
      assert.ok(e instanceof InsufficientStock);
      assert.deepEqual(e.lines.sort((a, b) => a.variantId - b.variantId), [
        { variantId: blue!.id, requested: 2, available: 1 },
        { variantId: red!.id, requested: 1, available: 0 },
      ]);
      return true;
    });
    assert.equal(await count('orders'), ordersBefore);
    assert.deepEqual(await level(blue!.id), { on_hand: 1, reserved: 0 });
    await assertStockConsistent(shop.services.conn.db);
  });

  it('releases the stock of a declined payment and lets the shopper try again', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const v = p.variants[0]!;
    const cart = await cartWith([{ variantId: v.id, quantity: 5 }]);
    await assert.rejects(shop.services.checkout.placeOrder(cart, checkoutInput({ payment: { provider: 'test', token: TEST_CARDS.declined } }), 'decline-1'), (e: unknown) => {
      assert.ok(e instanceof PaymentDeclined);
      assert.equal(e.status, 402);
      return true;
    });
    assert.deepEqual(await level(v.id), { on_hand: 5, reserved: 0 });
    const again = await shop.services.checkout.placeOrder(cart, checkoutInput(), 'decline-2');
    assert.equal(again.order.status, 'paid');
    assert.deepEqual(await level(v.id), { on_hand: 0, reserved: 0 });
    await assertStockConsistent(shop.services.conn.db);
  });

  it('keeps a bank transfer order waiting with its stock held until staff mark it paid', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const v = p.variants[0]!;
    const cart = await cartWith([{ variantId: v.id, quantity: 1 }]);
    const placed = await shop.services.checkout.placeOrder(cart, checkoutInput({ payment: { provider: 'bank_transfer' } }), null);
    assert.equal(placed.order.status, 'pending_payment');
    assert.match(placed.payment.instructions ?? '', /VIR-\d+/);
    assert.deepEqual(await level(v.id), { on_hand: 5, reserved: 1 });
    await shop.services.orders.markPaid(placed.order.id, { provider: 'bank_transfer', reference: 'bank', actor: { label: 'owner' }, sendConfirmation: false });
    assert.deepEqual(await level(v.id), { on_hand: 4, reserved: 0 });
    await assertStockConsistent(shop.services.conn.db);
  });

  it('refuses bad checkout input with every problem named and writes nothing', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const cart = await cartWith([{ variantId: p.variants[0]!.id, quantity: 1 }]);
    const before = await count('orders');
    await assert.rejects(
      shop.services.checkout.placeOrder(cart, checkoutInput({ shippingAddress: { name: 'A', line1: '1 rue X', postalCode: '7500', city: 'Paris', country: 'FR' }, payment: { provider: 'test', token: '1234' } }), null),
      (e: unknown) => e instanceof AppError && e.fields.map((f) => f.field).sort().join() === 'payment.token,shippingAddress.postalCode',
    );
    await assert.rejects(shop.services.checkout.placeOrder(cart, checkoutInput({ discountCode: 'NOPE' }), null), (e: unknown) => e instanceof AppError && e.fields[0]!.field === 'discountCode');
    await assert.rejects(shop.services.checkout.placeOrder(cart, checkoutInput({ shippingMethodId: 999 }), null), (e: unknown) => e instanceof AppError && e.fields[0]!.field === 'shippingMethodId');
    await assert.rejects(shop.services.checkout.placeOrder('no-such-cart', checkoutInput(), null), /not found/);
    assert.equal(await count('orders'), before);
    assert.deepEqual(await level(p.variants[0]!.id), { on_hand: 5, reserved: 0 });
  });

  it('applies a discount code and never exceeds its usage limit', async () => {
    await shop.services.discounts.create({ code: 'ONCE10', kind: 'percentage', value: 1000, minSubtotal: 0, startsAt: null, endsAt: null, usageLimit: 1, active: true });
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const c1 = await cartWith([{ variantId: p.variants[0]!.id, quantity: 1 }]);
    const c2 = await cartWith([{ variantId: p.variants[0]!.id, quantity: 1 }]);
    const placed = await shop.services.checkout.placeOrder(c1, checkoutInput({ discountCode: 'once10' }), null);
    assert.equal(placed.order.total.amount, 1800 - 180 + 590);
    await assert.rejects(shop.services.checkout.placeOrder(c2, checkoutInput({ discountCode: 'ONCE10', locale: 'en' }), null), /used up/);
  });

  async function count(table: 'orders') {
    const r = await shop.services.conn.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(r.n);
  }
});

function toVariant(v: { id: number; sku: string; options: string[]; price: { amount: number; currency: string } }) {
  return { id: v.id, sku: v.sku, options: v.options, price: v.price, weightGrams: 0, trackInventory: true, allowBackorder: false };
}

describe('checkout with an account', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
  });
  after(() => shop.close());

  it('creates the customer account with the order, and refuses a second account for the same e-mail', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const cart = await shop.services.cart.create('en');
    await shop.services.cart.addLine(cart, p.variants[0]!.id, 1);
    const placed = await shop.services.checkout.placeOrder(cart, checkoutInput({ email: 'Lea@Example.com', account: { password: 'a long enough secret' } }), null);
    const customer = await shop.services.customers.authenticate('lea@example.com', 'a long enough secret');
    assert.ok(customer);
    assert.deepEqual((await shop.services.customers.orders(customer.id)).map((o) => o.id), [placed.order.id]);

    const again = await shop.services.cart.create('en');
    await shop.services.cart.addLine(again, p.variants[0]!.id, 1);
    await assert.rejects(shop.services.checkout.placeOrder(again, checkoutInput({ email: 'lea@example.com', account: { password: 'short', }, locale: 'en' }), null), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.deepEqual(e.fields.map((f) => f.field).sort(), ['account', 'account.password']);
      return true;
    });
  });
});

describe('cart lines under concurrent adds', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
  });
  after(() => shop.close());

  it('counts every unit when the same item is added twice at once', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const cart = await shop.services.cart.create('fr');
    await Promise.all([shop.services.cart.addLine(cart, p.variants[0]!.id, 1), shop.services.cart.addLine(cart, p.variants[0]!.id, 1)]);
    await Promise.all([shop.services.cart.addLine(cart, p.variants[0]!.id, 1), shop.services.cart.addLine(cart, p.variants[0]!.id, 1)]);
    const view = await shop.services.cart.get(cart, 'fr');
    assert.equal(view!.lines.length, 1);
    assert.equal(view!.lines[0]!.quantity, 4);
  });
});
