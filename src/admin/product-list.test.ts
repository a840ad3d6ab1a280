import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { type AdminClient, loggedIn } from './test-client.ts';

const titlesIn = (html: string) => [...html.matchAll(/<a href="\/admin\/products\/\d+">([^<]*)<\/a>/g)].map((m) => m[1]);

describe('admin product list and dashboard', () => {
  let shop: TestShop;
  let c: AdminClient;
  let kitchen: number;
  before(async () => {
    shop = await startTestShop({ LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
    const catalog = shop.services.catalog;
    kitchen = (await catalog.collections.create({ position: 0, translations: { fr: { title: 'Cuisine', description: '' } } }, TEST_ACTOR)).id;
    await catalog.products.create(
      productInput({
        handle: 'theiere-fonte',
        translations: { fr: { title: 'Théière en fonte', description: '' } },
        options: [],
        variants: [{ sku: 'TEA-POT-1', price: { amount: 4500, currency: 'EUR' }, onHand: 7 }],
        collectionIds: [kitchen],
      }),
      TEST_ACTOR,
    );
    await catalog.products.create(productInput({ status: 'draft', handle: 'brouillon', translations: { fr: { title: 'Carnet brouillon', description: '' } } }), TEST_ACTOR);
    for (let i = 0; i < 26; i++) await catalog.products.create(productInput(), TEST_ACTOR);
  });
  after(() => shop.close());

  it('lists products with status, variant count, stock and price, 25 a page', async () => {
    const res = await c.get('/admin/products');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.match(html, /28 products/);
    assert.equal(titlesIn(html).length, 25);
    assert.match(html, /href="\/admin\/products\/new"/);
    assert.match(html, /rel="next" href="\/admin\/products\?page=2"/);
    const page2 = await (await c.get('/admin/products?page=2')).text();
    assert.equal(titlesIn(page2).length, 3);
    assert.equal(new Set([...titlesIn(html), ...titlesIn(page2)]).size, 28, 'every product on one of the two pages');
    assert.match(page2, /Page 2 of 2/);
    assert.match(page2, /rel="prev" href="\/admin\/products"/);
    const all = html + page2;
    const row = /<tr>(?:(?!<\/tr>).)*Théière en fonte(?:(?!<\/tr>).)*<\/tr>/s.exec(all)![0];
    assert.match(row, /Active/);
    assert.match(row, /data-label="Variants">1</);
    assert.match(row, /data-label="On hand">7</);
    assert.match(row, /€45\.00/);
  });

  it('searches by title, handle and SKU, whatever the status', async () => {
    assert.deepEqual(titlesIn(await (await c.get('/admin/products?q=th%C3%A9i%C3%A8re')).text()), ['Théière en fonte']);
    assert.deepEqual(titlesIn(await (await c.get('/admin/products?q=theiere-fonte')).text()), ['Théière en fonte']);
    assert.deepEqual(titlesIn(await (await c.get('/admin/products?q=tea-pot')).text()), ['Théière en fonte']);
    assert.deepEqual(titlesIn(await (await c.get('/admin/products?q=brouillon')).text()), ['Carnet brouillon']);
    assert.match(await (await c.get('/admin/products?q=%25')).text(), /No products match/);
  });

  it('filters by status and by collection, and keeps the filters in the form', async () => {
    const drafts = await (await c.get('/admin/products?status=draft&collection=')).text();
    assert.deepEqual(titlesIn(drafts), ['Carnet brouillon']);
    assert.match(drafts, /<option value="draft" selected>/);
    const inKitchen = await (await c.get(`/admin/products?collection=${kitchen}`)).text();
    assert.deepEqual(titlesIn(inKitchen), ['Théière en fonte']);
    assert.match(inKitchen, new RegExp(`<option value="${kitchen}" selected>Cuisine</option>`));
  });

  it('answers 400 with a page naming the field for a bad filter', async () => {
    const res = await c.get('/admin/products?status=deleted');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await res.text(), /status/);
    assert.equal((await c.get('/admin/products?page=0')).status, 400);
    assert.equal((await c.get('/admin/products?sneaky=1')).status, 400);
  });

  it('shows counts and links on the dashboard, with later sections greyed rather than linked', async () => {
    const html = await (await c.get('/admin')).text();
    assert.match(html, /<p class="big-number">28<\/p>/);
    assert.match(html, /27 active · 1 draft · 0 archived/);
    assert.match(html, /href="\/admin\/products"/);
    assert.match(html, /href="\/admin\/collections"/);
    for (const live of ['orders', 'shipping', 'discounts', 'mailbox']) assert.match(html, new RegExp(`<a href="/admin/${live}">`));
    for (const soon of ['Fulfillment', 'Customers', 'Support', 'Reviews', 'Newsletter', 'Settings']) {
      assert.match(html, new RegExp(`<span class="soon" aria-disabled="true">${soon} <small>coming soon</small></span>`));
    }
  });

  it('serves the admin stylesheet and script under hashed URLs, and a 404 page for unknown admin paths', async () => {
    const page = await (await c.get('/admin')).text();
    const cssUrl = /<link rel="stylesheet" href="(\/assets\/admin\.css\?v=[0-9a-f]{8})"/.exec(page)?.[1];
    const jsUrl = /<script src="(\/assets\/admin\.js\?v=[0-9a-f]{8})" defer>/.exec(page)?.[1];
    assert.ok(cssUrl && jsUrl, 'assets are linked with a content hash, since /assets/ is cached as immutable');
    const css = await fetch(`${shop.url}${cssUrl}`);
    assert.equal(css.status, 200);
    assert.match(css.headers.get('content-type') ?? '', /text\/css/);
    const js = await fetch(`${shop.url}${jsUrl}`);
    assert.equal(js.status, 200);
    const missing = await c.get('/admin/no-such-page');
    assert.equal(missing.status, 404);
    assert.match(missing.headers.get('content-type') ?? '', /text\/html/);
    assert.equal(missing.headers.get('cache-control'), 'no-store');
  });
});
