import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { CollectionInputSchema } from '../catalog/index.ts';
import { apiClient } from './test-client.ts';

describe('store API: products', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  let mugs: { id: number; handle: string };
  let active: Awaited<ReturnType<TestShop['services']['catalog']['products']['create']>>;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
    api = apiClient(shop.url, null);
    const { catalog } = shop.services;
    const c = await catalog.collections.create(CollectionInputSchema.parse({ handle: 'tasses', translations: { fr: { title: 'Tasses' }, en: { title: 'Mugs' } } }), TEST_ACTOR);
    mugs = { id: c.id, handle: c.handle };
    active = await catalog.products.create(productInput({ handle: 'tasse-bleue', collectionIds: [c.id] }), TEST_ACTOR);
    await catalog.products.create(productInput({ handle: 'brouillon', status: 'draft', collectionIds: [c.id] }), TEST_ACTOR);
    await catalog.products.create(productInput({ handle: 'archivee', status: 'archived' }), TEST_ACTOR);
    await catalog.products.create(
      productInput({
        handle: 'carnet-ligne',
        translations: { fr: { title: 'Carnet ligné', description: 'Papier recyclé.' }, en: { title: 'Lined notebook', description: 'Recycled paper.' } },
        variants: [{ sku: 'NOTE-A5', options: ['A5'], price: { amount: 900, currency: 'EUR' }, onHand: 0 }],
        options: ['Format'],
      }),
      TEST_ACTOR,
    );
  });
  after(() => shop.close());

  it('lists only active products, with prices and a yes/no availability but no stock counts', async () => {
    const res = await api.get('/api/store/products');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const handles = res.body.items.map((p: { handle: string }) => p.handle).sort();
    assert.deepEqual(handles, ['carnet-ligne', 'tasse-bleue']);
    assert.equal(res.body.total, 2);
    const mug = res.body.items.find((p: { handle: string }) => p.handle === 'tasse-bleue');
    assert.deepEqual(mug.price, { amount: 1800, currency: 'EUR' });
    assert.equal(mug.available, true);
    const notebook = res.body.items.find((p: { handle: string }) => p.handle === 'carnet-ligne');
    assert.equal(notebook.available, false, 'sold out');
    assert.doesNotMatch(JSON.stringify(res.body), /onHand|reserved|stock/);
  });

  it('filters by collection handle, searches, pages and speaks the asked language', async () => {
    const inCollection = await api.get(`/api/store/products?collection=${mugs.handle}`);
    assert.deepEqual(inCollection.body.items.map((p: { handle: string }) => p.handle), ['tasse-bleue'], 'drafts stay hidden in collections');
    const found = await api.get('/api/store/products?q=carnet');
    assert.deepEqual(found.body.items.map((p: { handle: string }) => p.handle), ['carnet-ligne']);
    const en = await api.get('/api/store/products?q=notebook&locale=en');
    assert.equal(en.body.items[0].title, 'Lined notebook');
    const fr = await api.get('/api/store/products?q=carnet');
    assert.equal(fr.body.items[0].title, 'Carnet ligné', 'the default locale (fr) when none is asked');
    const paged = await api.get('/api/store/products?perPage=1&page=2');
    assert.equal(paged.body.items.length, 1);
    assert.deepEqual([paged.body.page, paged.body.perPage, paged.body.pages, paged.body.total], [2, 1, 2, 2]);
  });

  it('shows a product with its variants, prices, option values and availability', async () => {
    const res = await api.get('/api/store/products/tasse-bleue?locale=en');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.body.title, active.translations.en!.title);
    assert.deepEqual(res.body.options, [{ name: 'Couleur', values: ['Bleu', 'Rouge'] }]);
    assert.deepEqual(
      res.body.variants.map((v: { id: number; options: string[]; price: unknown; available: boolean }) => [v.id, v.options, v.price, v.available]),
      [
        [active.variants[0]!.id, ['Bleu'], { amount: 1800, currency: 'EUR' }, true],
        [active.variants[1]!.id, ['Rouge'], { amount: 2000, currency: 'EUR' }, false],
      ],
    );
    assert.deepEqual(res.body.collections, [{ handle: 'tasses', title: 'Mugs' }]);
    assert.doesNotMatch(JSON.stringify(res.body), /onHand|reserved|"stock"|cost/i);
  });

  it('answers 404 for drafts, archived products, unknown handles and unknown collections', async () => {
    for (const path of ['/api/store/products/brouillon', '/api/store/products/archivee', '/api/store/products/nope', '/api/store/products/..%2Fadmin', '/api/store/products?collection=nope']) {
      const res = await api.get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.error.code, 'NOT_FOUND', path);
    }
  });

  it('refuses bad query parameters naming each one', async () => {
    const cases: [string, string][] = [
      ['?locale=de', 'locale'],
      ['?page=0', 'page'],
      ['?page=abc', 'page'],
      ['?perPage=101', 'perPage'],
      ['?collection=Not%20A%20Handle', 'collection'],
      ['?sort=price', 'sort'],
      ['?q=', 'q'],
    ];
    for (const [query, field] of cases) {
      const res = await api.get(`/api/store/products${query}`);
      assert.equal(res.status, 400, query);
      assert.deepEqual(res.body.error.fields.map((f: { field: string }) => f.field), [field], query);
    }
    const bad = await api.get('/api/store/products/tasse-bleue?locale=xx');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields[0].field, 'locale');
  });
});
