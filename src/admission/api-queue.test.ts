import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { apiClient } from '../api/test-client.ts';
import { setOnHand } from '../inventory/index.ts';
import { TEST_CARDS } from '../payments/index.ts';
import type { ShopClient } from '../storefront/test-client.ts';
import { startQueueShop, type QueueShop } from './test-queue.ts';

describe('checkout admission: the store API', () => {
  let q: QueueShop;
  let api: ReturnType<typeof apiClient>;
  before(async () => {
    q = await startQueueShop();
    api = apiClient(q.shop.url, null);
  });
  after(() => q.shop.close());
  beforeEach(() => q.clock.advance(3 * 3_600_000));

  const inside = async (s: ShopClient) => {
    const r = await s.fetch('/fr/checkout');
    assert.equal(r.status, 200);
    await r.arrayBuffer();
  };
  const checkout = (cartId: string, headers: Record<string, string> = {}, body = checkoutInput()) => api.call('POST', `/api/store/carts/${cartId}/checkout`, body, headers);
  const orders = async () => Number((await q.shop.services.conn.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  /** Browser shoppers take `n` of the two places. */
  async function fill(n = 2) {
    for (let i = 0; i < n; i++) await inside(await q.shopper());
  }

  it('answers 503 QUEUED with Retry-After and a ticket to send back, then places the order when its turn comes', async () => {
    await fill();
    const { cartId } = await q.shopper();
    const ordersBefore = await orders();
    const first = await checkout(cartId);
    assert.equal(first.status, 503);
    assert.equal(first.headers.get('retry-after'), '5');
    assert.equal(first.headers.get('cache-control'), 'no-store');
    const ticket = first.headers.get('x-queue-ticket')!;
    assert.ok(ticket);
    assert.deepEqual(first.body, {
      error: {
        code: 'QUEUED',
        message: 'Checkout is busy right now: you are in line. Send the request again with the X-Queue-Ticket header after the Retry-After delay.',
        position: 1,
        estimatedWaitSeconds: 30,
        ticket,
        soldOut: false,
      },
    });
    assert.equal(await orders(), ordersBefore, 'nothing was written');

    // Still full: the same ticket, the same place.
    const again = await checkout(cartId, { 'x-queue-ticket': ticket });
    assert.equal(again.status, 503);
    assert.equal(again.headers.get('x-queue-ticket'), ticket);
    assert.equal(again.body.error.position, 1);

    // A place frees (the shoppers inside let their admissions lapse): the ticket gets in and the order is placed.
    q.clock.advance(16 * 60_000);
    const placed = await checkout(cartId, { 'x-queue-ticket': ticket });
    assert.equal(placed.status, 201);
    assert.equal(placed.body.order.status, 'paid');
    assert.equal((await q.admission.snapshot()).active, 0, 'placing the order gives the place back');

    // The ticket was used: shown again (for another cart) it is refused and replaced.
    const other = await q.shopper();
    await fill();
    const reused = await checkout(other.cartId, { 'x-queue-ticket': ticket });
    assert.equal(reused.status, 503);
    assert.notEqual(reused.headers.get('x-queue-ticket'), ticket);
  });

  it('keeps a cart admitted after a declined card, so the shopper can pay again without queueing', async () => {
    const s = await q.shopper();
    const declined = await checkout(s.cartId, {}, checkoutInput({ payment: { provider: 'test', token: TEST_CARDS.declined } }));
    assert.equal(declined.status, 402);
    // The declined cart still holds one of the two places: one more shopper fills the shop...
    await fill(1);
    const late = await q.shopper();
    assert.equal((await late.fetch('/fr/checkout')).status, 303);
    // ...and the cart pays on its second try all the same.
    const paid = await checkout(s.cartId, { 'idempotency-key': 'queue-retry-2' });
    assert.equal(paid.status, 201);
  });

  it('ignores a forged ticket header: a new ticket at the back', async () => {
    await fill();
    const a = await q.shopper();
    const first = await checkout(a.cartId);
    const ticket = first.headers.get('x-queue-ticket')!;
    const [epoch, , issued, sig] = ticket.split('.');
    const b = await q.shopper();
    const forged = await checkout(b.cartId, { 'x-queue-ticket': `${epoch}.1.${issued}.${sig}` });
    assert.equal(forged.status, 503);
    assert.equal(forged.body.error.position, 2);
    assert.notEqual(forged.headers.get('x-queue-ticket'), ticket);
  });

  it('tells a queued API client when its cart sold out', async () => {
    await fill();
    const { cartId } = await q.shopper();
    const variantId = q.product.variants[0]!.id;
    await setOnHand(q.shop.services.conn.db, variantId, 0, { reason: 'test' });
    try {
      const r = await checkout(cartId);
      assert.equal(r.status, 503);
      assert.equal(r.body.error.soldOut, true);
    } finally {
      await setOnHand(q.shop.services.conn.db, variantId, 100, { reason: 'test' });
    }
  });

  it('lets a malformed cart id through to the route, which answers 404', async () => {
    await fill();
    const r = await checkout('nope');
    assert.equal(r.status, 404);
  });
});
