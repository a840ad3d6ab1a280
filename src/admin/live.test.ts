import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import type { LiveFigures } from '../metrics/index.ts';
import type { LiveDisplay } from './live-page.tsx';
import { AdminClient, loggedIn } from './test-client.ts';

type LiveJson = { figures: LiveFigures; display: LiveDisplay };

async function liveJson(c: AdminClient): Promise<LiveJson> {
  const res = await c.fetch('/admin/live.json', { headers: { accept: 'application/json' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return (await res.json()) as LiveJson;
}

describe('admin live view', () => {
  let shop: TestShop;
  let owner: AdminClient;

  before(async () => {
    shop = await startTestShop({ WORKER: '0', LOGIN_RATE_LIMIT: '1000' });
    owner = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());


  it('sends visitors without a session to the login page, and refuses staff who are not the owner', async () => {
    const anonymous = new AdminClient(shop.url);
    for (const path of ['/admin/live', '/admin/live.json']) {
      const res = await anonymous.get(path);
      assert.equal(res.status, 303, path);
      assert.match(res.headers.get('location') ?? '', /^\/admin\/login\?next=/);
    }
    for (const role of ['packer', 'support'] as const) {
      const staff = await loggedIn(shop.url, shop.services, role);
      for (const path of ['/admin/live', '/admin/live.json']) assert.equal((await staff.get(path)).status, 403, `${role} ${path}`);
      assert.doesNotMatch(await (await staff.get('/admin/orders')).text(), /href="\/admin\/live"/, 'no link to a page they cannot open');
    }
  });

  it('gives the figures as JSON: orders in the last minute, best sellers with their stock, visitors and p99 after shoppers come', async () => {
    const p = await shop.services.catalog.products.create(productInput({ translations: { fr: { title: 'Tasse <b>rush</b>' }, en: { title: 'Rush <b>mug</b>' } } }), TEST_ACTOR);
    const v = p.variants[0]!;
    const cart = await shop.services.cart.create('fr');
    await shop.services.cart.addLine(cart, v.id, 3);
    await shop.services.checkout.placeOrder(cart, checkoutInput(), 'live-order-1');
    for (const ua of ['Phone A', 'Phone B']) {
      await (await fetch(`${shop.url}/fr/products/${p.handle}`, { headers: { 'user-agent': ua } })).text();
      await (await fetch(`${shop.url}/fr/`, { headers: { 'user-agent': ua } })).text();
    }
    // The first read of the figures in this shop: database reads are shared for a few seconds after it.
    const body = await liveJson(owner);
    const f = body.figures;
    assert.equal(f.ordersLastMinute, 1);
    assert.equal(f.visitorsNow, 2);
    assert.equal(f.latency.requests, 4);
    assert.ok(f.latency.p99Ms! > 0);
    assert.deepEqual(f.queue, { length: 0, waitSeconds: 0 });
    assert.deepEqual(f.pageCache, { connected: true, hitRatio: 0.5, entries: 2 });
    assert.equal(f.bestSellers.length, 1);
    assert.deepEqual(
      { sku: f.bestSellers[0]!.sku, sold: f.bestSellers[0]!.unitsSold, onHand: f.bestSellers[0]!.onHand, available: f.bestSellers[0]!.available, tracked: f.bestSellers[0]!.tracked },
      { sku: v.sku, sold: 3, onHand: 2, available: 2, tracked: true },
    );
    assert.equal(body.display.orders, '1');
    assert.equal(body.display.visitors, '2');
    assert.equal(body.display.queueDetail, 'nobody waiting');
    assert.match(body.display.p99, /^[\d.]+ ms$/);
    assert.deepEqual(body.display.bestSellers[0], { title: 'Tasse <b>rush</b>', variant: 'Bleu', sku: v.sku, href: `/admin/products/${p.id}`, sold: '3', onHand: '2', available: '2' });
  });

  it('shows the figures on a page that works without JavaScript and updates itself with it', async () => {
    shop.services.metrics.gauge('queue_length', 'Shoppers waiting', () => 42);
    shop.services.metrics.gauge('queue_wait_seconds', 'Estimated wait', () => 150);
    shop.services.metrics.setPageCacheStats(() => ({ hits: 3, misses: 1, coalesced: 0, entries: 9, bytes: 100 }));
    const res = await owner.get('/admin/live');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await res.text();
    assert.match(html, /<noscript><meta http-equiv="refresh" content="5"\/?><\/noscript>/);
    const script = /<script src="(\/assets\/admin-live\.js\?v=[0-9a-f]{8})" defer/.exec(html)?.[1];
    assert.ok(script, 'the live script is linked with a content hash');
    assert.match(html, /<link rel="stylesheet" href="\/assets\/admin-live\.css\?v=[0-9a-f]{8}"\/?>/);
    assert.doesNotMatch(html, /<script>|<script [^>]*>[^<]/, 'no inline script');
    assert.match(html, /<a href="\/admin\/live" aria-current="page">Live<\/a>/);
    assert.match(html, /data-live="queueLength">42</);
    assert.match(html, /data-live="queueDetail">estimated wait 3 min</);
    assert.match(html, /data-live="cacheRatio">75%</);
    assert.match(html, /data-live="cacheDetail">9 pages held</);
    assert.match(html, /data-live="visitors">2</);
    // Titles are escaped like everything else.
    assert.match(html, /Tasse &lt;b>rush&lt;\/b>|Tasse &lt;b&gt;rush&lt;\/b&gt;/);
    assert.doesNotMatch(html, /Tasse <b>rush/);
    const js = await fetch(shop.url + script);
    assert.equal(js.status, 200);
    assert.match(await js.text(), /\/admin\/live\.json|data-source/);
  });

  it('links the live view from the owner\'s menu', async () => {
    assert.match(await (await owner.get('/admin')).text(), /<a href="\/admin\/live">Live<\/a>/);
  });
});

describe('admin live view of a quiet shop', () => {
  let shop: TestShop;
  let owner: AdminClient;
  before(async () => {
    shop = await startTestShop({ WORKER: '0', LOGIN_RATE_LIMIT: '1000' });
    owner = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  it('counts only shoppers: the admin polling its own figures is neither a visitor nor a storefront request', async () => {
    await liveJson(owner);
    const f = (await liveJson(owner)).figures;
    assert.equal(f.visitorsNow, 0);
    assert.equal(f.latency.requests, 0);
    assert.equal(f.latency.p99Ms, null);
    assert.equal((await liveJson(owner)).display.p99, '–');
  });
});
