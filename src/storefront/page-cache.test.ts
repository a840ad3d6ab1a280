import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { toInput, type CollectionView, type ProductView } from '../catalog/index.ts';
import { makeCollection, makeProduct } from './test-fixtures.ts';
import { SHOPPER_ENV, ShopClient, shopperWithCart, textOf } from './test-client.ts';

/** The response as sent on the wire (fetch would decompress it and hide the encoding). */
function raw(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { accept: 'text/html', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('page cache (storefront)', () => {
  let shop: TestShop;
  let bowls: CollectionView;
  let bowl: ProductView;
  let plate: ProductView;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(shop.url + path, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
  const stats = () => shop.services.pageCache.stats();

  before(async () => {
    shop = await startTestShop(SHOPPER_ENV);
    bowls = await makeCollection(shop, 'Bols', 'Bowls', 'bols');
    bowl = await makeProduct(shop, {
      handle: 'bol-cache',
      collectionIds: [bowls.id],
      translations: { fr: { title: 'Bol en cache', description: 'Un bol.' }, en: { title: 'Cached bowl', description: 'A bowl.' } },
      variants: [{ sku: 'BOL-CACHE', options: ['Bleu'], price: { amount: 2500, currency: 'EUR' }, onHand: 8 }],
    });
    plate = await makeProduct(shop, {
      handle: 'assiette-cache',
      translations: { fr: { title: 'Assiette en cache', description: '' }, en: { title: 'Cached plate', description: '' } },
      variants: [{ sku: 'ASS-CACHE', options: ['Blanc'], price: { amount: 1500, currency: 'EUR' }, onHand: 100 }],
    });
  });
  after(() => shop.close());

  it('serves the second request from memory with the same ETag, and the headers a CDN needs', async () => {
    const first = await get('/en/products/assiette-cache');
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('x-cache'), 'MISS');
    const html = await first.text();
    const second = await get('/en/products/assiette-cache');
    assert.equal(second.headers.get('x-cache'), 'HIT');
    assert.equal(await second.text(), html);
    assert.ok(first.headers.get('etag'));
    assert.equal(second.headers.get('etag'), first.headers.get('etag'));
    assert.equal(second.headers.get('cache-control'), 'public, max-age=0, s-maxage=60, stale-while-revalidate=300');
    assert.equal(second.headers.get('vary'), 'Accept-Encoding');
    assert.equal(second.headers.get('set-cookie'), null);
    const keys = second.headers.get('surrogate-key')!.split(' ');
    assert.ok(keys.includes(`product-${plate.id}`) && keys.includes('nav'), keys.join(' '));
    assert.deepEqual(second.headers.get('cache-tag')!.split(','), keys);
    // Listings name every product they show, and their collection.
    const listing = await get('/en/collections/bols');
    assert.deepEqual(listing.headers.get('surrogate-key')!.split(' ').sort(), [`collection-${bowls.id}`, 'nav', `product-${bowl.id}`].sort());
    assert.ok((await get('/en/')).headers.get('surrogate-key')!.split(' ').includes('products'));
  });

  it('answers hits ahead of the request pipeline with the headers the whole pipeline gave, still measured', async () => {
    const path = '/en/pages/terms';
    assert.equal((await get(path)).headers.get('x-cache'), 'MISS');
    const fast = await get(path);
    // A conditional request that does not match goes through every hook: the reference.
    const full = await get(path, { 'if-none-match': '"not-this-one"' });
    assert.equal(full.status, 200);
    const comparable = (h: Headers) => [...h].filter(([k]) => !['date', 'x-request-id', 'connection', 'keep-alive'].includes(k));
    assert.deepEqual(comparable(fast.headers), comparable(full.headers));
    assert.equal(await fast.text(), await full.text());
    assert.match(fast.headers.get('x-request-id') ?? '', /^[\w-]{8,}$/);
    assert.match(fast.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(fast.headers.get('x-frame-options'), 'DENY');
    const requests = async () => (await shop.services.metrics.live()).latency.requests;
    const before = await requests();
    const hits = stats().hits;
    await (await get(path)).text();
    for (let i = 0; i < 50 && (await requests()) === before; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(await requests(), before + 1, 'timed like any request');
    assert.equal(stats().hits, hits + 1, 'counted as a hit');
  });

  it('answers 304 without a body when the browser already has the page', async () => {
    const page = await get('/fr/products/assiette-cache');
    const etag = page.headers.get('etag')!;
    for (const given of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await get('/fr/products/assiette-cache', { 'if-none-match': given });
      assert.equal(again.status, 304, given);
      assert.equal(await again.text(), '');
      assert.equal(again.headers.get('etag'), etag);
      assert.match(again.headers.get('cache-control')!, /^public, /);
    }
    assert.equal((await get('/fr/products/assiette-cache', { 'if-none-match': '"stale"' })).status, 200);
  });

  it('sends brotli, gzip or plain bytes prepared once, all the same page', async () => {
    const plain = await raw(`${shop.url}/en/collections/bols`, { 'accept-encoding': 'identity' });
    const br = await raw(`${shop.url}/en/collections/bols`, { 'accept-encoding': 'gzip, deflate, br' });
    const gz = await raw(`${shop.url}/en/collections/bols`, { 'accept-encoding': 'gzip, br;q=0' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const html = plain.body.toString();
    assert.match(html, /<h1>Bowls<\/h1>/);
    assert.equal(brotliDecompressSync(br.body).toString(), html);
    assert.equal(gunzipSync(gz.body).toString(), html);
    assert.ok(br.body.length < html.length / 3, 'compressed once, not twice');
    // Each encoding has its own ETag, and any of them proves the browser has the current page.
    assert.notEqual(br.headers.etag, plain.headers.etag);
    const back = await raw(`${shop.url}/en/collections/bols`, { 'accept-encoding': 'identity', 'if-none-match': String(br.headers.etag) });
    assert.equal(back.status, 304);
  });

  it('keys pages by the parameters they understand: tracking parameters and their order share one page', async () => {
    await get('/en/collections/bols?sort=title&page=1');
    const again = await get('/en/collections/bols?utm_source=newsletter&sort=title&fbclid=xyz');
    assert.equal(again.headers.get('x-cache'), 'HIT');
    const html = await again.text();
    assert.doesNotMatch(html, /utm_source|fbclid/, 'the page is rendered from its canonical URL');
    assert.equal((await get('/en/collections/bols?sort=price-desc')).headers.get('x-cache'), 'MISS');
  });

  it('renders an uncached page once for 100 simultaneous requests', async () => {
    const before = stats().renders;
    const responses = await Promise.all(Array.from({ length: 100 }, () => get('/fr/search?q=bol')));
    assert.equal(stats().renders - before, 1);
    const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
    assert.equal(bodies.size, 1);
    assert.deepEqual(new Set(responses.map((r) => r.status)), new Set([200]));
    assert.match([...bodies][0]!, /Bol en cache/);
  });

  it('shows a new price at once after a product edit', async () => {
    await get('/en/products/bol-cache');
    assert.equal((await get('/en/products/bol-cache')).headers.get('x-cache'), 'HIT');
    await get('/en/collections/bols');
    const variants = toInput(bowl).variants.map((v) => ({ ...v, price: { amount: 2900, currency: 'EUR' } }));
    await shop.services.catalog.products.update(bowl.id, { variants }, TEST_ACTOR);
    const page = await get('/en/products/bol-cache');
    assert.equal(page.headers.get('x-cache'), 'MISS');
    const html = await page.text();
    assert.match(html, /€29\.00/);
    assert.doesNotMatch(html, /€25\.00/);
    const listing = await get('/en/collections/bols');
    assert.equal(listing.headers.get('x-cache'), 'MISS');
    assert.match(await listing.text(), /€29\.00/);
    // A page that does not show the product stays cached.
    assert.equal((await get('/en/products/assiette-cache')).headers.get('x-cache'), 'HIT');
  });

  it('shows the new stock state at once after a checkout, and keeps pages whose stock state did not change', async () => {
    const stock = (html: string) => /<p class="stock stock-[\w-]+">([^<]*)<\/p>/.exec(html)?.[1];
    assert.equal(stock(await (await get('/en/products/bol-cache')).text()), 'In stock');
    assert.equal(stock(await (await get('/en/products/assiette-cache')).text()), 'In stock');
    const order = async (variantId: number, quantity: number) => {
      const cartId = await shop.services.cart.create('en');
      await shop.services.cart.addLine(cartId, variantId, quantity);
      return shop.services.checkout.placeOrder(cartId, checkoutInput({ locale: 'en' }), null);
    };
    // 8 -> 4 left: "only 4 left"; 100 -> 99: still "in stock", so that page stays in the cache.
    await order(bowl.variants[0]!.id, 4);
    await order(plate.variants[0]!.id, 1);
    const bowlPage = await get('/en/products/bol-cache');
    assert.equal(bowlPage.headers.get('x-cache'), 'MISS');
    assert.equal(stock(await bowlPage.text()), 'Only 4 left');
    assert.equal((await get('/en/products/assiette-cache')).headers.get('x-cache'), 'HIT');
    // Selling the rest shows "sold out" on the product page and the collection's card.
    await get('/en/collections/bols');
    const last = await order(bowl.variants[0]!.id, 4);
    const sold = await (await get('/en/products/bol-cache')).text();
    assert.equal(stock(sold), 'Sold out');
    assert.match(await (await get('/en/collections/bols')).text(), /<span class="badge">Sold out<\/span>/);
    // A cancelled order puts the units back, and the page says so.
    await shop.services.orders.cancel(last.order.id, { label: 'test' }, 'changed their mind');
    assert.equal(stock(await (await get('/en/products/bol-cache')).text()), 'Only 4 left');
  });

  it('shows stock set by staff through the admin API at once', async () => {
    const { key } = await shop.services.apiKeys.create('stock', ['catalog:read', 'catalog:write']);
    const set = (onHand: number) =>
      fetch(`${shop.url}/api/admin/variants/${plate.variants[0]!.id}/stock`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify({ onHand, reason: 'stocktake' }),
      });
    await get('/fr/products/assiette-cache');
    assert.equal((await set(0)).status, 200);
    assert.match(await (await get('/fr/products/assiette-cache')).text(), /class="stock stock-sold-out">Épuisé/);
    assert.equal((await set(100)).status, 200);
    assert.match(await (await get('/fr/products/assiette-cache')).text(), /class="stock stock-in-stock">/);
  });

  it('drops a collection’s page and the navigation everywhere when the collection is renamed', async () => {
    const before = await (await get('/en/products/assiette-cache')).text();
    assert.match(before, /<a href="\/en\/collections\/bols">Bowls<\/a>/);
    await get('/en/collections/bols');
    await shop.services.catalog.collections.update(
      bowls.id,
      { handle: 'bols', position: 0, translations: { fr: { title: 'Bols et tasses', description: 'Bols.' }, en: { title: 'Bowls and cups', description: 'Bowls.' } } },
      TEST_ACTOR,
    );
    const collection = await get('/en/collections/bols');
    assert.equal(collection.headers.get('x-cache'), 'MISS');
    assert.match(await collection.text(), /<h1>Bowls and cups<\/h1>/);
    // The plate is in no collection, but its page shows the navigation.
    assert.match(await (await get('/en/products/assiette-cache')).text(), /<a href="\/en\/collections\/bols">Bowls and cups<\/a>/);
  });

  it('keeps pages whose navigation did not change when a product is edited', async () => {
    await get('/en/pages/legal');
    await shop.services.catalog.products.update(plate.id, { vendor: 'Atelier Blanc' }, TEST_ACTOR);
    assert.equal((await get('/en/pages/legal')).headers.get('x-cache'), 'HIT');
    assert.match(await (await get('/en/products/assiette-cache')).text(), /Atelier Blanc/);
  });

  it('gives a shopper with a cart the cached page, and the count from the cart_count cookie', async () => {
    const anonymous = await get('/en/products/assiette-cache');
    const client = await shopperWithCart(shop, 'assiette-cache', plate.variants[0]!.id, 2);
    assert.equal(client.cookies.get('cart_count'), '2');
    const page = await client.page('/en/products/assiette-cache');
    assert.equal(page.headers.get('x-cache'), 'HIT');
    assert.equal(page.headers.get('etag'), anonymous.headers.get('etag'));
    assert.equal(page.headers.get('set-cookie'), null);
    assert.match(page.html, /<span class="cart-count" data-from-cookie="cart_count"><\/span>/);
    // The cart page itself is the shopper's own: the count from the database, never stored.
    const cart = await client.page('/en/cart');
    assert.equal(textOf(cart.html.replace('class="cart-count"', 'id="count" class="cart-count"'), 'count'), '2');
    assert.equal(cart.headers.get('cache-control'), 'private, no-store');
    assert.equal(cart.headers.get('x-cache'), null);
  });

  it('still refuses an add to cart posted from another site', async () => {
    const client = new ShopClient(shop.url);
    const form = { variantId: String(plate.variants[0]!.id), handle: 'assiette-cache', quantity: '1' };
    const res = await client.post('/en/cart/add', form, { origin: 'https://evil.example' });
    assert.equal(res.status, 403);
    assert.equal(client.cookies.get('cart'), undefined);
    assert.equal((await client.post('/en/cart/add', form)).status, 303, 'from the shop’s own page');
    // Reached at another address than PUBLIC_URL (a LAN address, a second domain): the Host it was sent to counts.
    const publicUrl = shop.services.config.publicUrl;
    shop.services.config.publicUrl = 'https://shop.example';
    try {
      assert.equal((await client.post('/en/cart/add', form, { origin: shop.url })).status, 303);
      assert.equal((await client.post('/en/cart/add', form, { origin: 'https://evil.example' })).status, 403);
    } finally {
      shop.services.config.publicUrl = publicUrl;
    }
  });

  it('never caches pages of a shopper’s own: account, cart, checkout, order', async () => {
    const client = await shopperWithCart(shop, 'assiette-cache', plate.variants[0]!.id, 1);
    const checkout = await client.fetch('/en/checkout');
    assert.equal(checkout.status, 200);
    assert.equal(checkout.headers.get('cache-control'), 'private, no-store');
    assert.equal(checkout.headers.get('x-cache'), null);
    const customerId = await shop.services.customers.insert(shop.services.conn.db, {
      email: 'cache@example.com',
      name: 'Camille Cache',
      passwordHash: await shop.services.customers.hash('un mot de passe solide'),
      locale: 'en',
    });
    client.cookies.set('customer', await shop.services.customers.openSession(customerId));
    const account = await client.fetch('/en/account');
    assert.equal(account.status, 200);
    assert.equal(account.headers.get('cache-control'), 'private, no-store');
    assert.equal(account.headers.get('x-cache'), null);
    // Catalog pages show nothing of the customer, so a logged-in customer gets the shared page too.
    const product = await client.fetch('/en/products/assiette-cache');
    assert.equal(product.headers.get('x-cache'), 'HIT');
    assert.doesNotMatch(await product.text(), /Camille Cache|cache@example\.com/);
  });
});

describe('page cache keys from made-up queries', () => {
  it('serves a product page for a made-up variant id without keeping it, and keeps the pages of real variants', async () => {
    const shop = await startTestShop({ WORKER: '0' });
    try {
      const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
      const before = shop.services.pageCache.stats().entries;
      for (let i = 0; i < 5; i++) assert.equal((await fetch(`${shop.url}/fr/products/${p.handle}?variant=${900000 + i}`)).status, 200);
      assert.equal(shop.services.pageCache.stats().entries, before, 'made-up variants are not kept');
      await fetch(`${shop.url}/fr/products/${p.handle}?variant=${p.variants[1]!.id}`);
      const again = await fetch(`${shop.url}/fr/products/${p.handle}?variant=${p.variants[1]!.id}`);
      assert.equal(again.headers.get('x-cache'), 'HIT');
    } finally {
      await shop.close();
    }
  });
});
