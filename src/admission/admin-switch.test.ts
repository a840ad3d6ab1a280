import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { inputValue, loggedIn, type AdminClient } from '../admin/test-client.ts';
import type { ShopClient } from '../storefront/test-client.ts';
import { startQueueShop, waitingRoomQuery, type QueueShop } from './test-queue.ts';

describe('checkout admission: the merchant’s switch in the admin', () => {
  let q: QueueShop;
  let owner: AdminClient;
  before(async () => {
    q = await startQueueShop();
    owner = await loggedIn(q.shop.url, q.shop.services, 'owner');
  });
  after(() => q.shop.close());
  beforeEach(async () => {
    q.clock.advance(3 * 3_600_000);
    await q.admission.setMode('auto');
  });

  const checkout = (s: ShopClient) => s.fetch('/fr/checkout');
  async function setMode(client: AdminClient, mode: string, csrf?: string) {
    const token = csrf ?? inputValue(await (await client.get('/admin/queue')).text(), '_csrf')!;
    return client.postForm('/admin/queue', { _csrf: token, mode });
  }

  it('shows the mode, the places in checkout and the line to the owner, with the switch', async () => {
    const [a, b, c] = [await q.shopper(), await q.shopper(), await q.shopper()];
    for (const s of [a, b]) assert.equal((await checkout(s)).status, 200);
    assert.equal((await checkout(c)).status, 303);
    const r = await owner.get('/admin/queue');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const html = await r.text();
    assert.match(html, /<a href="\/admin\/queue" aria-current="page">Checkout queue<\/a>/);
    assert.match(html, /<p class="big-number" id="queue-active">2 \/ 2<\/p>/);
    assert.match(html, /<p class="big-number" id="queue-waiting">1<\/p>/);
    assert.match(html, /Now: Automatic\. As set in the configuration\./);
    assert.match(html, /<input type="radio" id="queue-mode-auto" name="mode" value="auto" checked/);
    assert.match(html, /lasts until the shop restarts/);
  });

  it('switches the queue on: even with places free, a new shopper goes through the waiting room first', async () => {
    const res = await setMode(owner, 'on');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/admin/queue?flash=saved');
    assert.equal(await q.admission.mode(), 'on');
    const page = await (await owner.get('/admin/queue?flash=saved')).text();
    assert.match(page, /Saved: the queue mode applies from the next shopper on\./);
    assert.match(page, /Now: On\. Set here; the configuration says Automatic\./);

    const s = await q.shopper();
    const first = await checkout(s);
    assert.equal(first.status, 303);
    assert.equal(waitingRoomQuery(first.headers.get('location')).position, '1');
    // Its turn comes at once (places are free): the next visit gets in.
    assert.deepEqual(await (await s.fetch('/waiting-room/status')).json(), { state: 'ready', pollSeconds: 3 });
    assert.equal((await checkout(s)).status, 200);

    const log = await q.shop.services.conn.db.selectFrom('audit_log').selectAll().where('action', '=', 'queue.mode').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(log.detail!), { from: 'auto', to: 'on' });
  });

  it('switches the queue off: everyone goes in past capacity, and those waiting get in at their next check', async () => {
    const [a, b, c] = [await q.shopper(), await q.shopper(), await q.shopper()];
    for (const s of [a, b]) assert.equal((await checkout(s)).status, 200);
    assert.equal((await checkout(c)).status, 303);
    assert.equal((await setMode(owner, 'off')).status, 303);
    assert.equal((await checkout(c)).status, 200);
    assert.equal((await checkout(await q.shopper())).status, 200);
    // Back to automatic: the shoppers let in meanwhile still count, and are never sent out.
    assert.equal((await setMode(owner, 'auto')).status, 303);
    assert.equal((await checkout(await q.shopper())).status, 303);
    for (const s of [a, b, c]) assert.equal((await checkout(s)).status, 200);
  });

  it('refuses a switch without the form token, and changes nothing', async () => {
    for (const token of ['', 'not-the-token']) {
      const r = await setMode(owner, 'on', token);
      assert.equal(r.status, 403);
      assert.match(await r.text(), /This form had expired or did not come from this admin/);
    }
    assert.equal(await q.admission.mode(), 'auto');
  });

  it('refuses a mode that does not exist, naming the field, and changes nothing', async () => {
    for (const mode of ['', 'always', 'ON']) {
      const r = await setMode(owner, mode);
      assert.equal(r.status, 400, mode);
      const html = await r.text();
      assert.match(html, /<a href="#f-mode">Queue mode: choose Automatic, On or Off<\/a>/);
      assert.match(html, /<span class="field-error" id="f-mode-error">choose Automatic, On or Off<\/span>/);
    }
    assert.equal(await q.admission.mode(), 'auto');
  });

  it('is for the owner only', async () => {
    for (const role of ['support', 'packer'] as const) {
      const staff = await loggedIn(q.shop.url, q.shop.services, role);
      assert.equal((await staff.get('/admin/queue')).status, 403, role);
      const token = inputValue(await (await staff.get('/admin/orders')).text(), '_csrf') ?? '';
      assert.equal((await staff.postForm('/admin/queue', { _csrf: token, mode: 'off' })).status, 403, role);
      assert.doesNotMatch(await (await staff.get('/admin/orders')).text(), /href="\/admin\/queue"/, `${role} is not shown the link`);
    }
    assert.equal(await q.admission.mode(), 'auto');
    const anonymous = await fetch(q.shop.url + '/admin/queue', { redirect: 'manual' });
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/admin\/login/);
  });
});
