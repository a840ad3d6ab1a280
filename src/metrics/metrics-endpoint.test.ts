import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one sample line, such as `comptoir_orders_total` or `comptoir_x{sku="A"}`; undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('/metrics without a configured token', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
  });
  after(() => shop.close());

  it('answers 404, as if there were nothing there, whatever the request carries', async () => {
    assert.equal((await fetch(`${shop.url}/metrics`)).status, 404);
    const withHeader = await fetch(`${shop.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(withHeader.status, 404);
  });
});

describe('/metrics with a token', () => {
  let shop: TestShop;
  const scrape = async () => {
    const res = await fetch(`${shop.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    return res.text();
  };
  before(async () => {
    shop = await startTestShop({ WORKER: '0', METRICS_TOKEN: TOKEN });
  });
  after(() => shop.close());

  it('refuses a missing, malformed or wrong token with 401, a Bearer challenge and no-store', async () => {
    for (const authorization of [undefined, 'Bearer', `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}`, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(1)}`, `Bearer ${'a'.repeat(600)}`]) {
      const res = await fetch(`${shop.url}/metrics`, { headers: authorization ? { authorization } : {} });
      assert.equal(res.status, 401, String(authorization));
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer /);
      assert.equal(res.headers.get('cache-control'), 'no-store');
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'UNAUTHENTICATED');
      assert.match(body.error.message, /METRICS_TOKEN/);
    }
  });

  it('serves the Prometheus text format with the right token, never cached', async () => {
    const res = await fetch(`${shop.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = await res.text();
    assert.match(text, /^# HELP comptoir_orders_total /m);
    assert.match(text, /^# TYPE comptoir_orders_total counter$/m);
    // Process figures, event-loop delay among them, come from prom-client's defaults under the shop's prefix.
    assert.notEqual(sample(text, 'comptoir_nodejs_eventloop_lag_p99_seconds'), undefined);
    assert.notEqual(sample(text, 'comptoir_process_resident_memory_bytes'), undefined);
    for (const zero of ['comptoir_queue_length', 'comptoir_queue_wait_seconds', 'comptoir_page_cache_hit_ratio']) assert.equal(sample(text, zero), 0, zero);
  });

  it('times storefront requests by route pattern, method and status class, so label values stay few', async () => {
    const a = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const b = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    for (const path of [`/fr/products/${a.handle}`, `/fr/products/${b.handle}`, '/fr/products/no-such-thing', '/no/such/page']) await (await fetch(shop.url + path)).text();
    const text = await scrape();
    const series = 'comptoir_http_request_duration_seconds_count';
    assert.equal(sample(text, `${series}{route="/fr/products/:handle",method="GET",status_class="2xx"}`), 2);
    assert.equal(sample(text, `${series}{route="/fr/products/:handle",method="GET",status_class="4xx"}`), 1);
    assert.equal(sample(text, `${series}{route="unmatched",method="GET",status_class="4xx"}`), 1);
    assert.ok(!text.includes(a.handle), 'no URL or handle appears as a label value');
    assert.ok((sample(text, 'comptoir_http_requests_total{status_class="2xx"}') ?? 0) >= 2);
    assert.ok((sample(text, 'comptoir_storefront_latency_p99_seconds') ?? 0) > 0);
    assert.ok((sample(text, 'comptoir_storefront_requests_per_second') ?? 0) > 0);
    assert.ok((sample(text, 'comptoir_visitors_now') ?? 0) >= 1);
  });

  it('reports what other capabilities register: a queue gauge replaces the zero default, the page cache gives the hit ratio', async () => {
    shop.services.metrics.gauge('queue_length', 'Shoppers waiting in the checkout queue', () => 7);
    shop.services.metrics.gauge('queue_wait_seconds', 'Estimated wait', async () => 95);
    shop.services.metrics.setPageCacheStats(() => ({ hits: 90, coalesced: 5, misses: 5, entries: 12, bytes: 4096 }));
    const admitted = shop.services.metrics.counter('admissions_total', 'Shoppers let into checkout', ['how']);
    admitted.inc({ how: 'direct' });
    admitted.inc({ how: 'queued' }, 2);
    const text = await scrape();
    assert.equal(sample(text, 'comptoir_queue_length'), 7);
    assert.equal(sample(text, 'comptoir_queue_wait_seconds'), 95);
    assert.equal(sample(text, 'comptoir_page_cache_hit_ratio'), 0.95);
    assert.equal(sample(text, 'comptoir_page_cache_hits_total'), 90);
    assert.equal(sample(text, 'comptoir_page_cache_entries'), 12);
    assert.equal(sample(text, 'comptoir_admissions_total{how="queued"}'), 2);
    const live = await shop.services.metrics.live();
    assert.deepEqual(live.queue, { length: 7, waitSeconds: 95 });
    assert.equal(live.pageCache.hitRatio, 0.95);
  });
});

// A shop of its own: figures read from the database are shared for a few seconds between scrapes,
// so the first scrape here is the first read of the orders.
describe('/metrics after an order', () => {
  let shop: TestShop;
  const scrape = async () => {
    const res = await fetch(`${shop.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(res.status, 200);
    return res.text();
  };
  before(async () => {
    shop = await startTestShop({ WORKER: '0', METRICS_TOKEN: TOKEN });
  });
  after(() => shop.close());

  it('counts a placed order, in the running total and in the last minute, and shows the best seller with its stock', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const v = p.variants[0]!;
    const cart = await shop.services.cart.create('fr');
    await shop.services.cart.addLine(cart, v.id, 2);
    await shop.services.checkout.placeOrder(cart, checkoutInput(), 'metrics-order-1');
    const text = await scrape();
    assert.equal(sample(text, 'comptoir_orders_total'), 1);
    assert.equal(sample(text, 'comptoir_orders_last_minute'), 1);
    assert.equal(sample(text, `comptoir_best_seller_units_sold{sku="${v.sku}"}`), 2);
    assert.equal(sample(text, `comptoir_best_seller_available{sku="${v.sku}"}`), 3);
  });
});
