import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { type AdminClient, formEntries, inputValue, loggedIn, setEntry } from './test-client.ts';

describe('admin collections', () => {
  let shop: TestShop;
  let c: AdminClient;
  before(async () => {
    shop = await startTestShop({ LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  async function newForm() {
    const res = await c.get('/admin/collections/new');
    assert.equal(res.status, 200);
    return formEntries(await res.text(), 'collection-form');
  }

  it('creates a collection through the form, with a handle made from the title', async () => {
    const e = await newForm();
    setEntry(e, 'translations.fr.title', 'Arts de la table');
    setEntry(e, 'translations.fr.description', 'Pour recevoir.');
    setEntry(e, 'translations.en.title', 'Tableware');
    setEntry(e, 'position', '2');
    const res = await c.postForm('/admin/collections', e);
    assert.equal(res.status, 303);
    const id = Number(/^\/admin\/collections\/(\d+)\?flash=saved$/.exec(res.headers.get('location')!)?.[1]);
    const col = (await shop.services.catalog.collections.get(id))!;
    assert.equal(col.handle, 'arts-de-la-table');
    assert.equal(col.position, 2);
    assert.equal(col.translations.en?.title, 'Tableware');
    const html = await (await c.get(res.headers.get('location')!)).text();
    assert.match(html, /class="flash"/);
    const list = await (await c.get('/admin/collections')).text();
    assert.match(list, new RegExp(`<a href="/admin/collections/${id}">Arts de la table</a>`));
  });

  it('edits a collection and keeps its SEO texts', async () => {
    const col = await shop.services.catalog.collections.create(
      { position: 0, translations: { fr: { title: 'Bureau', description: '', seoTitle: 'Papeterie de bureau' } } },
      TEST_ACTOR,
    );
    const e = formEntries(await (await c.get(`/admin/collections/${col.id}`)).text(), 'collection-form');
    setEntry(e, 'translations.fr.title', 'Bureau et papeterie');
    setEntry(e, 'handle', 'bureau-papeterie');
    const res = await c.postForm(`/admin/collections/${col.id}`, e);
    assert.equal(res.status, 303);
    const saved = (await shop.services.catalog.collections.get(col.id))!;
    assert.equal(saved.title, 'Bureau et papeterie');
    assert.equal(saved.handle, 'bureau-papeterie');
    assert.equal(saved.seoTitle, 'Papeterie de bureau');
  });

  it('refuses a used handle, a bad position or no title, and saves nothing', async () => {
    await shop.services.catalog.collections.create({ handle: 'taken', position: 0, translations: { en: { title: 'Taken', description: '' } } }, TEST_ACTOR);
    const before = (await shop.services.catalog.collections.list()).length;
    const cases: [string, string, string, RegExp][] = [
      ['handle', 'taken', 'f-handle-error', /already used by another collection/],
      ['position', '-1', 'f-position-error', /whole number/],
      ['translations.en.title', '', 'f-translations-fr-title-error', /give a title/],
    ];
    for (const [name, value, errorId, message] of cases) {
      const e = await newForm();
      setEntry(e, 'translations.en.title', 'Fresh');
      setEntry(e, name, value);
      const res = await c.postForm('/admin/collections', e);
      assert.equal(res.status, 400, name);
      const html = await res.text();
      assert.match(html, /role="alert"/);
      assert.match(new RegExp(`id="${errorId}">([^<]*)<`).exec(html)?.[1] ?? '', message);
      if (value) assert.equal(inputValue(html, name), value);
    }
    assert.equal((await shop.services.catalog.collections.list()).length, before);
  });

  it('refuses a collection post without the CSRF token', async () => {
    const before = (await shop.services.catalog.collections.list()).length;
    const e = (await newForm()).filter(([k]) => k !== '_csrf');
    setEntry(e, 'translations.en.title', 'No token');
    assert.equal((await c.postForm('/admin/collections', e)).status, 403);
    assert.equal((await shop.services.catalog.collections.list()).length, before);
  });

  it('lets products join a collection from the product page', async () => {
    const col = await shop.services.catalog.collections.create({ position: 5, translations: { en: { title: 'Gifts', description: '' } } }, TEST_ACTOR);
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const e = formEntries(await (await c.get(`/admin/products/${p.id}`)).text(), 'product-form');
    e.push(['collectionIds', String(col.id)]);
    assert.equal((await c.postForm(`/admin/products/${p.id}`, e)).status, 303);
    assert.deepEqual((await shop.services.catalog.products.get(p.id))!.collections.map((x) => x.id), [col.id]);
    const list = await (await c.get('/admin/collections')).text();
    assert.match(list, /<td class="num" data-label="Active products">1<\/td>/);
  });

  it('answers 404 for a collection that does not exist', async () => {
    assert.equal((await c.get('/admin/collections/424242')).status, 404);
  });
});
