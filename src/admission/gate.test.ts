import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setOnHand } from '../inventory/index.ts';
import { makeProduct } from '../storefront/test-fixtures.ts';
import { ADDRESS, formEntries, setEntry, type ShopClient } from '../storefront/test-client.ts';
import { fixedLoad } from './index.ts';
import { startQueueShop, waitingRoomQuery, type QueueShop } from './test-queue.ts';

const SESSION_MS = 15 * 60_000;

describe('checkout admission: the gate in front of checkout', () => {
  let q: QueueShop;
  before(async () => {
    q = await startQueueShop();
  });
  after(() => q.shop.close());
  // Each test starts with an empty shop floor: every earlier admission and ticket has lapsed.
  beforeEach(() => {
    q.clock.advance(3 * 3_600_000);
    q.admission.load = fixedLoad(0);
  });

  const checkout = (s: ShopClient, locale = 'fr') => s.fetch(`/${locale}/checkout`);
  const status = async (s: ShopClient) => (await s.fetch('/waiting-room/status', { headers: { accept: 'application/json' } })).json();
  async function admitted(s: ShopClient) {
    const r = await checkout(s);
    assert.equal(r.status, 200, `expected the checkout page, got ${r.status} ${r.headers.get('location') ?? ''}`);
    await r.arrayBuffer();
  }
  async function queued(s: ShopClient) {
    const r = await checkout(s);
    assert.equal(r.status, 303);
    return waitingRoomQuery(r.headers.get('location'));
  }

  it('lets everyone in under capacity, with a signed admission cookie that is kept renewed', async () => {
    const [a, b] = [await q.shopper(), await q.shopper()];
    const r = await checkout(a);
    assert.equal(r.status, 200);
    const cookie = r.headers.getSetCookie().find((c) => c.startsWith('admit='));
    assert.ok(cookie, 'an admission cookie is set');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Max-Age=900/);
    await admitted(b);
    assert.equal((await q.admission.snapshot()).active, 2);
  });

  it('queues new shoppers past capacity and admits them in ticket order as places free, never throwing out those inside', async () => {
    const [a, b, c, d] = [await q.shopper(), await q.shopper(), await q.shopper(), await q.shopper()];
    await admitted(a);
    await admitted(b);
    const cq = await queued(c);
    // Two let in this minute: one place every 30 s.
    assert.deepEqual(cq, { return: '/fr/checkout', position: '1', wait: '30' });
    assert.ok(c.cookies.get('ticket'), 'a ticket cookie is given');
    assert.equal((await queued(d)).position, '2');
    assert.deepEqual(await status(d), { state: 'waiting', position: 2, estimatedWaitSeconds: 60, pollSeconds: 10 });

    // Those inside keep going, page after page, even with the line full.
    await admitted(a);
    await admitted(b);

    // a places the order: the place is given back at once and a's admission ends.
    const page = await a.page('/fr/checkout');
    const entries = formEntries(page.html, 'checkout-form');
    for (const [k, v] of Object.entries(ADDRESS)) setEntry(entries, k, v);
    const placed = await a.post('/fr/checkout', [...entries, ['action', 'place']]);
    assert.equal(placed.status, 303);
    assert.match(placed.headers.get('location') ?? '', /^\/fr\/orders\/\d+/);
    assert.equal(a.cookies.has('admit'), false, 'the admission cookie is cleared with the order');
    assert.equal((await q.admission.snapshot()).active, 1);

    // d asks first but c is ahead: d still waits, c is told it is ready and gets in.
    assert.equal((await queued(d)).position, '2');
    assert.deepEqual(await status(c), { state: 'ready', pollSeconds: 3 });
    assert.equal((await status(d)).state, 'waiting');
    q.clock.advance(10 * 60_000);
    await admitted(c);
    assert.equal(c.cookies.has('ticket'), false, 'the used ticket is taken back');
    assert.deepEqual(await status(c), { state: 'ready', pollSeconds: 3 });

    // b's admission runs out (15 minutes after b's last checkout request): d's turn; c is still inside.
    q.clock.advance(SESSION_MS - 10 * 60_000 + 1000);
    assert.equal((await status(d)).state, 'ready');
    await admitted(d);
    await admitted(c);
    const e = await q.shopper();
    assert.equal((await queued(e)).position, '1');
  });

  it('does not let a copied admission cookie in for another cart', async () => {
    const [a, b, c] = [await q.shopper(), await q.shopper(), await q.shopper()];
    await admitted(a);
    await admitted(b);
    // c holds a copy of a's admission but has its own cart: it queues like anyone.
    c.cookies.set('admit', a.cookies.get('admit')!);
    const r = await checkout(c);
    assert.equal(r.status, 303);
    assert.match(r.headers.get('location') ?? '', /^\/waiting-room/);
    assert.equal((await q.admission.snapshot()).active, 2);
  });

  it('admits the same number of shoppers in both languages and keeps the locale of the waiting room', async () => {
    const [a, b, c] = [await q.shopper(), await q.shopper(), await q.shopper()];
    await admitted(a);
    const r = await checkout(b, 'en');
    assert.equal(r.status, 200);
    const w = await checkout(c, 'en');
    assert.equal(w.status, 303);
    assert.equal(waitingRoomQuery(w.headers.get('location')).return, '/en/checkout');
  });

  it('sends a shopper with a forged ticket to the back of the line with a new one', async () => {
    const [a, b, c, d] = [await q.shopper(), await q.shopper(), await q.shopper(), await q.shopper()];
    await admitted(a);
    await admitted(b);
    await queued(c);
    const dq = await queued(d);
    assert.equal(dq.position, '2');
    const real = decodeURIComponent(d.cookies.get('ticket')!);
    const [epoch, number, issued] = real.split('.');
    for (const forged of [`${epoch}.1.${issued}.${real.split('.').pop()}`, `${epoch}.1.${issued}`, `${epoch}.${number}.${issued}.AAAA`]) {
      const f = await q.shopper();
      f.cookies.set('ticket', encodeURIComponent(forged));
      const fq = await queued(f);
      assert.notEqual(fq.position, '1', `forged ticket ${forged} must not jump the line`);
      const given = decodeURIComponent(f.cookies.get('ticket')!);
      assert.notEqual(given, forged);
      assert.ok(Number(given.split('.')[1]) > Number(number), 'a new ticket, behind the real ones');
      assert.equal((await status(f)).state, 'waiting');
    }
    // A status request with a forged ticket learns nothing.
    const stranger = await q.shopper();
    stranger.cookies.set('ticket', encodeURIComponent(`${epoch}.1.${issued}.forged`));
    assert.deepEqual(await status(stranger), { state: 'none', pollSeconds: 15 });
  });

  it('refuses a ticket that was already turned into an admission and gives a new one at the back', async () => {
    const [a, b, c] = [await q.shopper(), await q.shopper(), await q.shopper()];
    await admitted(a);
    await admitted(b);
    await queued(c);
    const used = c.cookies.get('ticket')!;
    q.clock.advance(SESSION_MS + 1000); // a's and b's admissions run out
    await admitted(c);
    const copy = await q.shopper();
    copy.cookies.set('ticket', used);
    // Refused even with places free: the copy gets a new ticket (and its turn on the next request).
    assert.equal((await queued(copy)).position, '1');
    assert.ok(copy.cookies.get('ticket'));
    assert.notEqual(copy.cookies.get('ticket'), used, 'the used ticket is replaced');
    assert.deepEqual(await status(copy), { state: 'ready', pollSeconds: 3 });
    await admitted(copy);
  });

  it('admits nobody new while the event loop lags past its limit, but keeps those inside', async () => {
    const [a, b] = [await q.shopper(), await q.shopper()];
    await admitted(a);
    q.admission.load = fixedLoad(q.shop.config.admission.maxEventLoopDelayMs + 1);
    assert.equal((await queued(b)).position, '1');
    await admitted(a);
    assert.equal((await status(b)).state, 'waiting');
    q.admission.load = fixedLoad(0);
    assert.equal((await status(b)).state, 'ready');
    await admitted(b);
  });

  it('lets a shopper without a cart through to the checkout, which sends them to their cart', async () => {
    const [a, b] = [await q.shopper(), await q.shopper()];
    await admitted(a);
    await admitted(b);
    const r = await q.shop.app.server.inject({ method: 'GET', url: '/fr/checkout', headers: { accept: 'text/html' } });
    assert.equal(r.statusCode, 303);
    assert.equal(r.headers.location, '/fr/cart');
  });

  it('tells a waiting shopper at once when everything in their cart sold out, and takes them out of the line', async () => {
    const other = await makeProduct(q.shop);
    const [a, b, c, d] = [await q.shopper(), await q.shopper(), await q.shopper(), await q.shopper(other.variants[0]!.id)];
    await admitted(a);
    await admitted(b);
    await queued(c);
    assert.equal((await queued(d)).position, '2');
    const variantId = q.product.variants[0]!.id;
    await setOnHand(q.shop.services.conn.db, variantId, 0, { reason: 'test' });
    try {
      assert.deepEqual(await status(c), { state: 'sold-out', pollSeconds: 15 });
      const r = await checkout(c);
      assert.equal(r.status, 303);
      assert.deepEqual(waitingRoomQuery(r.headers.get('location')), { return: '/fr/checkout', 'sold-out': '1' });
      const page = await c.page(r.headers.get('location')!);
      assert.match(page.html, /Les articles de votre panier sont épuisés/);
      assert.match(page.html, /<a class="wr-button" href="\/fr\/">Retour à la boutique<\/a>/);
      assert.doesNotMatch(page.html, /http-equiv="refresh"/, 'no refresh: there is nothing to wait for');
      // d, whose cart can still be bought, no longer waits behind c.
      assert.equal((await status(d)).position, 1);
    } finally {
      await setOnHand(q.shop.services.conn.db, variantId, 100, { reason: 'test' });
    }
    // With stock back, c rejoins at its number, ahead of d.
    assert.equal((await status(c)).position, 1);
    assert.equal((await status(d)).position, 2);
  });
});
