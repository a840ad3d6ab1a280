import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';

// A crash is simulated by throwing at each step of order placement and payment.
const STEPS_BEFORE_COMMIT = ['after-discount', 'after-reserve', 'after-number', 'after-order', 'after-lines', 'before-commit'];
const STEPS_AFTER_COMMIT = ['after-commit', 'after-payment', 'paid:after-transition', 'paid:after-sale'];

describe('order placement under injected failures', () => {
  let shop: TestShop;
  let failAt: string | null = null;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' }, {
      faults: (step) => {
        if (step === failAt) {
          failAt = null;
          throw new Error(`injected failure at ${step}`);
        }
      },
    });
    await shop.services.discounts.create({ code: 'CRASH', kind: 'fixed', value: 100, minSubtotal: 0, startsAt: null, endsAt: null, usageLimit: 100, active: true });
  });
  after(() => shop.close());

  const db = () => shop.services.conn.db;
  const used = async () => (await db().selectFrom('discount_codes').select('used_count').where('code', '=', 'CRASH').executeTakeFirstOrThrow()).used_count;
  const orders = async () => Number((await db().selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  let attempts = 0;
  async function attempt(step: string) {
    const key = `crash-${step}-${++attempts}`;
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const cart = await shop.services.cart.create('fr');
    await shop.services.cart.addLine(cart, p.variants[0]!.id, 2);
    failAt = step;
    await assert.rejects(shop.services.checkout.placeOrder(cart, checkoutInput({ discountCode: 'CRASH' }), key), new RegExp(`injected failure at ${step}`));
    assert.equal(failAt, null, `the step ${step} was reached`);
    return { p, cart, key };
  }

  for (const step of STEPS_BEFORE_COMMIT) {
    it(`leaves nothing behind when placement fails ${step.replace('-', ' ')}`, async () => {
      const [u, n] = [await used(), await orders()];
      const { p } = await attempt(step);
      assert.equal(await orders(), n, 'no order');
      assert.equal(await used(), u, 'the discount use is given back');
      const level = await db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', p.variants[0]!.id).executeTakeFirstOrThrow();
      assert.deepEqual(level, { on_hand: 5, reserved: 0 });
      await assertStockConsistent(db());
    });
  }

  for (const step of STEPS_AFTER_COMMIT) {
    it(`keeps the order and its stock movements together when it fails ${step.replace(/[-:]/g, ' ')}, and frees the hold when it runs out`, async () => {
      const { p, cart, key } = await attempt(step);
      await assertStockConsistent(db());
      const order = await db().selectFrom('orders').select(['id', 'status']).where('cart_id', '=', cart).executeTakeFirstOrThrow();
      assert.equal(order.status, 'pending_payment');
      // Retrying with the same key resumes the payment instead of making a second order.
      const retried = await shop.services.checkout.placeOrder(cart, checkoutInput({ discountCode: 'CRASH' }), key);
      assert.equal(retried.order.id, order.id);
      assert.equal(retried.order.status, 'paid');
      await assertStockConsistent(db());
      const level = await db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', p.variants[0]!.id).executeTakeFirstOrThrow();
      assert.deepEqual(level, { on_hand: 3, reserved: 0 });
    });
  }

  it('releases an abandoned hold when its time runs out', async () => {
    const { p, cart } = await attempt('after-commit');
    const u = await used();
    const expired = await shop.services.orders.expireHolds(new Date(Date.now() + 11 * 60_000));
    assert.ok(expired >= 1);
    const order = await db().selectFrom('orders').select('status').where('cart_id', '=', cart).executeTakeFirstOrThrow();
    assert.equal(order.status, 'cancelled');
    assert.equal(await used(), u - 1, 'the discount use comes back');
    const level = await db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', p.variants[0]!.id).executeTakeFirstOrThrow();
    assert.deepEqual(level, { on_hand: 5, reserved: 0 });
    await assertStockConsistent(db());
  });
});
