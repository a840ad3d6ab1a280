import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';

const HTML = { accept: 'text/html,application/xhtml+xml' };
const FORM = { ...HTML, 'content-type': 'application/x-www-form-urlencoded' };

async function send(url: string, method: string, body?: unknown, headers: Record<string, string> = {}) {
  const json = body !== undefined && typeof body !== 'string';
  const r = await fetch(url, {
    method,
    headers: { ...(json ? { 'content-type': 'application/json' } : {}), ...headers },
    body: json ? JSON.stringify(body) : (body as string | undefined),
    redirect: 'manual',
  });
  const text = await r.text();
  return { status: r.status, headers: r.headers, text, body: (r.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null };
}

function assertRetryAfter(headers: Headers, max: number) {
  const s = Number(headers.get('retry-after'));
  assert.ok(Number.isInteger(s) && s >= 1 && s <= max, `Retry-After is 1..${max} seconds, got ${headers.get('retry-after')}`);
}

describe('protection: per-IP rate limits', () => {
  let shop: TestShop;
  let variant: number;
  before(async () => {
    shop = await startTestShop({ WORKER: '0', TRUST_PROXY: '1', RATE_LIMIT_CART: '3', RATE_LIMIT_CHECKOUT: '2', RATE_LIMIT_SEARCH: '2', LOGIN_RATE_LIMIT: '2' });
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    variant = p.variants[0]!.id;
  });
  after(() => shop.close());

  // Each test is its own visitor: with TRUST_PROXY the address is the one the proxy forwards.
  let n = 0;
  const visitor = () => ({ 'x-forwarded-for': `203.0.113.${++n}` });

  it('refuses the 4th cart change in a minute with 429 and Retry-After, and changes nothing', async () => {
    const ip = visitor();
    const created = await send(`${shop.url}/api/store/carts`, 'POST', {}, ip);
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('x-ratelimit-remaining'), '2');
    const id = created.body.id as string;
    assert.equal((await send(`${shop.url}/api/store/carts/${id}/lines`, 'POST', { variantId: variant, quantity: 1 }, ip)).status, 201);
    assert.equal((await send(`${shop.url}/api/store/carts/${id}/lines`, 'POST', { variantId: variant, quantity: 1 }, ip)).status, 201);

    const refused = await send(`${shop.url}/api/store/carts/${id}/lines`, 'POST', { variantId: variant, quantity: 1 }, ip);
    assert.equal(refused.status, 429);
    assertRetryAfter(refused.headers, 60);
    assert.equal(refused.body.error.code, 'RATE_LIMITED');
    assert.match(refused.body.error.message, /try again in \d+ seconds?/);
    const cart = await send(`${shop.url}/api/store/carts/${id}`, 'GET', undefined, ip);
    assert.equal(cart.status, 200, 'reading a cart is not limited');
    assert.equal(cart.body.itemCount, 2, 'the refused line was not added');
  });

  it('counts the cart pages and the cart API against one allowance, and answers a page in its language', async () => {
    const ip = visitor();
    for (let i = 0; i < 3; i++) assert.notEqual((await send(`${shop.url}/api/store/carts`, 'POST', {}, ip)).status, 429);
    const page = await send(`${shop.url}/fr/cart/add`, 'POST', `variantId=${variant}&quantity=1`, { ...FORM, ...ip });
    assert.equal(page.status, 429);
    assertRetryAfter(page.headers, 60);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.text, /<html lang="fr"/);
    assert.match(page.text, /Réessayez dans \d+\u00a0secondes?/);
    const en = await send(`${shop.url}/en/cart/lines/1/remove`, 'POST', '', { ...FORM, ...ip });
    assert.equal(en.status, 429);
    assert.match(en.text, /Please try again in \d+ seconds?/);
  });

  it('counts different addresses separately', async () => {
    const [a, b] = [visitor(), visitor()];
    for (let i = 0; i < 3; i++) await send(`${shop.url}/api/store/carts`, 'POST', {}, a);
    assert.equal((await send(`${shop.url}/api/store/carts`, 'POST', {}, a)).status, 429);
    assert.equal((await send(`${shop.url}/api/store/carts`, 'POST', {}, b)).status, 201, 'another shopper is not held back');
  });

  it('limits checkout pages and the checkout API together, and places no order when refused', async () => {
    const ip = visitor();
    const id = (await send(`${shop.url}/api/store/carts`, 'POST', {}, ip)).body.id as string;
    await send(`${shop.url}/api/store/carts/${id}/lines`, 'POST', { variantId: variant, quantity: 1 }, ip);
    // Without a cart cookie the checkout page sends the shopper to the cart, but the visit counts.
    assert.equal((await send(`${shop.url}/fr/checkout`, 'GET', undefined, { ...HTML, ...ip })).status, 303);
    assert.equal((await send(`${shop.url}/en/checkout`, 'POST', 'action=place', { ...FORM, ...ip })).status !== 429, true);
    const refused = await send(`${shop.url}/api/store/carts/${id}/checkout`, 'POST', checkoutInput(), ip);
    assert.equal(refused.status, 429);
    assertRetryAfter(refused.headers, 60);
    assert.equal(refused.body.error.code, 'RATE_LIMITED');
    const cart = await send(`${shop.url}/api/store/carts/${id}`, 'GET', undefined, ip);
    assert.equal(cart.body.status, 'open', 'no order was placed');
    const page = await send(`${shop.url}/fr/checkout`, 'GET', undefined, { ...HTML, ...ip });
    assert.equal(page.status, 429);
    assert.match(page.text, /<html lang="fr"/);
  });

  it('limits searches with terms, on the search page and in the store API, but not browsing', async () => {
    const ip = visitor();
    assert.equal((await send(`${shop.url}/en/search?q=mug`, 'GET', undefined, { ...HTML, ...ip })).status, 200);
    assert.equal((await send(`${shop.url}/api/store/products?q=mug`, 'GET', undefined, ip)).status, 200);
    const page = await send(`${shop.url}/en/search?q=vase`, 'GET', undefined, { ...HTML, ...ip });
    assert.equal(page.status, 429);
    assertRetryAfter(page.headers, 60);
    assert.match(page.text, /<html lang="en"/);
    const api = await send(`${shop.url}/api/store/products?q=vase`, 'GET', undefined, ip);
    assert.equal(api.status, 429);
    assert.equal(api.body.error.code, 'RATE_LIMITED');
    assert.equal((await send(`${shop.url}/en/search`, 'GET', undefined, { ...HTML, ...ip })).status, 200, 'the empty search page is not a search');
    assert.equal((await send(`${shop.url}/api/store/products`, 'GET', undefined, ip)).status, 200, 'listing products is not a search');
  });

  it('limits customer log-ins across both languages', async () => {
    const ip = visitor();
    for (const locale of ['fr', 'en']) {
      const r = await send(`${shop.url}/${locale}/account/login`, 'POST', 'email=a%40example.com&password=wrong', { ...FORM, ...ip });
      assert.notEqual(r.status, 429);
    }
    const refused = await send(`${shop.url}/fr/account/login`, 'POST', 'email=a%40example.com&password=wrong', { ...FORM, ...ip });
    assert.equal(refused.status, 429);
    assertRetryAfter(refused.headers, 60);
  });

  it('does not let a forwarded request pass for this machine', async () => {
    const ip = { 'x-forwarded-for': '127.0.0.1' };
    assert.equal((await send(`${shop.url}/api/store/products?q=a`, 'GET', undefined, ip)).status, 200);
    assert.equal((await send(`${shop.url}/api/store/products?q=a`, 'GET', undefined, ip)).status, 200);
    assert.equal((await send(`${shop.url}/api/store/products?q=a`, 'GET', undefined, ip)).status, 429);
  });

  it('counts no shopping requests sent from this machine itself (rush, benchmarks), but counts its log-ins', async () => {
    const local = await startTestShop({ WORKER: '0', RATE_LIMIT_SEARCH: '1', RATE_LIMIT_CART: '1', LOGIN_RATE_LIMIT: '1' });
    try {
      for (let i = 0; i < 3; i++) {
        assert.equal((await send(`${local.url}/api/store/products?q=a`, 'GET')).status, 200);
        assert.equal((await send(`${local.url}/api/store/carts`, 'POST', {})).status, 201);
      }
      // Without TRUST_PROXY the forwarded address is ignored: this is still the machine itself.
      assert.equal((await send(`${local.url}/api/store/products?q=a`, 'GET', undefined, { 'x-forwarded-for': '198.51.100.1' })).status, 200);
      await send(`${local.url}/en/account/login`, 'POST', 'email=a%40example.com&password=wrong', FORM);
      assert.equal((await send(`${local.url}/en/account/login`, 'POST', 'email=a%40example.com&password=wrong', FORM)).status, 429);
    } finally {
      await local.close();
    }
  });
});

describe('protection: request size and timeouts', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
  });
  after(() => shop.close());

  it('refuses a JSON body over 1 MB with 413 and a JSON error, and reads one just under it', async () => {
    const big = await send(`${shop.url}/api/store/carts`, 'POST', JSON.stringify({ locale: 'x'.repeat(1024 * 1024 + 1) }), { 'content-type': 'application/json' });
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'PAYLOAD_TOO_LARGE');
    assert.match(big.body.error.message, /too large/i);
    const under = await send(`${shop.url}/api/store/carts`, 'POST', { locale: 'x'.repeat(1000 * 1000) });
    assert.equal(under.status, 400, 'read, then refused by validation');
    assert.equal(under.body.error.fields[0].field, 'locale');
  });

  it('refuses a form over 1 MB with 413', async () => {
    const big = await send(`${shop.url}/fr/cart/add`, 'POST', `quantity=1&note=${'x'.repeat(1024 * 1024)}`, FORM);
    assert.equal(big.status, 413);
  });

  it('keeps idle connections longer than a load balancer would, and gives headers and requests a deadline', () => {
    const http = shop.app.server.server;
    assert.equal(http.keepAliveTimeout, 72_000);
    assert.equal(http.headersTimeout, 15_000);
    assert.equal(http.requestTimeout, 30_000);
  });
});

describe('protection: load shedding', () => {
  it('answers 503 with Retry-After when memory runs past its limit, except for metrics, the waiting room and static files', async () => {
    // A heap limit of one byte puts the shop under pressure from the first sample on: deterministic.
    const shop = await startTestShop({ WORKER: '0' }, { pressure: { maxHeapUsedBytes: 1, sampleIntervalMs: 50 } });
    try {
      while (!shop.app.server.isUnderPressure()) await sleep(5);
      const page = await send(`${shop.url}/en/`, 'GET', undefined, HTML);
      assert.equal(page.status, 503);
      assert.equal(page.headers.get('retry-after'), '5');
      assert.equal(page.headers.get('cache-control'), 'no-store');
      assert.match(page.text, /<html lang="en"/);
      assert.match(page.text, /very busy/);
      assert.match(page.text, /http-equiv="refresh" content="5"/, 'a page reloads itself when it may');
      assert.ok(page.text.length < 1024, 'a tiny page, not the shop layout');

      const post = await send(`${shop.url}/fr/cart/add`, 'POST', 'quantity=1', FORM);
      assert.equal(post.status, 503);
      assert.match(post.text, /<html lang="fr"/);
      assert.doesNotMatch(post.text, /refresh/, 'a form post is not resent behind the shopper’s back');

      const api = await send(`${shop.url}/api/store/products`, 'GET');
      assert.equal(api.status, 503);
      assert.equal(api.headers.get('retry-after'), '5');
      assert.equal(api.body.error.code, 'UNAVAILABLE');

      assert.equal((await send(`${shop.url}/healthz`, 'GET')).status, 503, 'a load balancer takes the node out');
      assert.equal((await send(`${shop.url}/assets/site.css`, 'GET')).status, 200);
      for (const path of ['/metrics', '/admin/live.json', '/waiting-room/status']) {
        assert.notEqual((await send(`${shop.url}${path}`, 'GET')).status, 503, `${path} still answers`);
      }
    } finally {
      await shop.close();
    }
  });

  it('sheds requests while the event loop stays blocked, and serves again once it recovers', async () => {
    const shop = await startTestShop({ WORKER: '0' }, { pressure: { maxEventLoopDelayMs: 30, sampleIntervalMs: 100 } });
    try {
      assert.equal((await send(`${shop.url}/healthz`, 'GET')).status, 200);
      await sleep(250); // past the start-up samples, which are not counted
      // Long synchronous tasks one after the other, as runaway computations would be, until a request is shed.
      let shed: Awaited<ReturnType<typeof send>> | null = null;
      for (let i = 0; i < 40 && !shed; i++) {
        const until = Date.now() + 100;
        while (Date.now() < until);
        await new Promise((r) => setImmediate(r));
        if (shop.app.server.isUnderPressure()) {
          const r = await send(`${shop.url}/healthz`, 'GET');
          if (r.status === 503) shed = r;
        }
      }
      assert.ok(shed, 'a request was shed');
      assert.equal(shed.headers.get('retry-after'), '5');
      assert.equal(shed.body.error.code, 'UNAVAILABLE');
      while (shop.app.server.isUnderPressure()) await sleep(20);
      assert.equal((await send(`${shop.url}/healthz`, 'GET')).status, 200);
    } finally {
      await shop.close();
    }
  });
});
