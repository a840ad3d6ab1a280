import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { apiClient } from './test-client.ts';

describe('admin API: products', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  before(async () => {
    shop = await startTestShop();
    const { key } = await shop.services.apiKeys.create('integration', ['catalog:read', 'catalog:write']);
    api = apiClient(shop.url, key);
  });
  after(() => shop.close());

  it('creates, reads, lists, updates and archives a product through HTTP', async () => {
    const created = await api.post('/api/admin/products', productInput({ status: 'draft', vendor: 'Atelier Nord' }));
    assert.equal(created.status, 201);
    const id = created.body.id;
    assert.equal(created.headers.get('location'), `/api/admin/products/${id}`);
    assert.equal(created.body.status, 'draft');
    assert.equal(created.body.vendor, 'Atelier Nord');
    assert.equal(created.body.translations.en.title.startsWith('Stoneware mug'), true);
    assert.deepEqual(created.body.options, [{ name: 'Couleur', values: ['Bleu', 'Rouge'] }]);

    const got = await api.get(`/api/admin/products/${id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body, created.body);

    const listed = await api.get('/api/admin/products?status=draft');
    assert.equal(listed.status, 200);
    assert.ok(listed.body.items.some((p: { id: number }) => p.id === id));

    const patched = await api.patch(`/api/admin/products/${id}`, { status: 'active', vendor: null });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.status, 'active');
    assert.equal(patched.body.vendor, null);
    assert.equal(patched.body.variants.length, 2, 'variants are kept when the patch leaves them out');
    assert.equal(patched.body.variants[0].stock.onHand, 5, 'stock is kept when the patch leaves variants out');

    const archived = await api.post(`/api/admin/products/${id}/archive`);
    assert.equal(archived.status, 200);
    assert.equal(archived.body.status, 'archived');
    assert.equal((await api.get(`/api/admin/products/${id}`)).body.status, 'archived');

    const revived = await api.patch(`/api/admin/products/${id}`, { status: 'active' });
    assert.equal(revived.body.status, 'active');
    const deleted = await api.del(`/api/admin/products/${id}`);
    assert.equal(deleted.status, 200, 'DELETE archives rather than erases');
    assert.equal(deleted.body.status, 'archived');
    assert.equal((await api.get(`/api/admin/products/${id}`)).status, 200);
  });

  it('shows every variant with its price and stock levels', async () => {
    const created = await api.post('/api/admin/products', productInput());
    const variant = created.body.variants[0];
    await shop.services.conn.db.updateTable('stock_levels').set({ reserved: 2 }).where('variant_id', '=', variant.id).execute();

    const got = await api.get(`/api/admin/products/${created.body.id}`);
    const [blue, red] = got.body.variants;
    assert.deepEqual(blue.price, { amount: 1800, currency: 'EUR' });
    assert.deepEqual(blue.stock, { onHand: 5, reserved: 2, available: 3 });
    assert.equal(blue.available, true);
    assert.deepEqual(red.stock, { onHand: 0, reserved: 0, available: 0 });
    assert.equal(red.available, false);
    assert.deepEqual(Object.keys(blue).sort(), ['allowBackorder', 'available', 'barcode', 'compareAtPrice', 'id', 'options', 'price', 'sku', 'stock', 'title', 'trackInventory', 'weightGrams'].sort());

    const listed = await api.get(`/api/admin/products?q=${encodeURIComponent(variant.sku)}`);
    assert.equal(listed.body.total, 1);
    assert.deepEqual(listed.body.items[0].variants[0].stock, { onHand: 5, reserved: 2, available: 3 });
  });

  it('replaces variants on update, keeps the stock of those given by id and sets onHand when given', async () => {
    const created = (await api.post('/api/admin/products', productInput())).body;
    const [blue] = created.variants;
    const res = await api.patch(`/api/admin/products/${created.id}`, {
      variants: [
        { id: blue.id, sku: blue.sku, options: ['Bleu'], price: { amount: 1900, currency: 'EUR' } },
        { sku: `${blue.sku}-V`, options: ['Vert'], price: { amount: 2100, currency: 'EUR' }, onHand: 7 },
      ],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(res.body.variants.map((v: { options: string[] }) => v.options[0]), ['Bleu', 'Vert']);
    assert.equal(res.body.variants[0].id, blue.id);
    assert.equal(res.body.variants[0].price.amount, 1900);
    assert.equal(res.body.variants[0].stock.onHand, 5);
    assert.equal(res.body.variants[1].stock.onHand, 7);
    assert.deepEqual(res.body.priceRange, { min: { amount: 1900, currency: 'EUR' }, max: { amount: 2100, currency: 'EUR' } });
  });

  it('filters the list by text, status and collection, and pages through it', async () => {
    const col = await shop.services.catalog.collections.create({ position: 0, translations: { fr: { title: 'Céramique API', description: '' } } }, { label: 'test' });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await api.post('/api/admin/products', productInput({ collectionIds: [col.id], translations: { fr: { title: `Bol zéphyr ${i}`, description: '' } } }))).body.id);
    }
    const byText = await api.get('/api/admin/products?q=zéphyr');
    assert.equal(byText.body.total, 3);

    const page1 = await api.get(`/api/admin/products?collectionId=${col.id}&perPage=2&page=1`);
    assert.equal(page1.status, 200);
    assert.deepEqual({ page: page1.body.page, perPage: page1.body.perPage, total: page1.body.total, pages: page1.body.pages }, { page: 1, perPage: 2, total: 3, pages: 2 });
    const page2 = await api.get(`/api/admin/products?collectionId=${col.id}&perPage=2&page=2`);
    assert.deepEqual([...page1.body.items, ...page2.body.items].map((p: { id: number }) => p.id), ids);
    assert.equal(page1.body.items[0].collections[0].id, col.id);

    await api.post(`/api/admin/products/${ids[0]}/archive`);
    const active = await api.get(`/api/admin/products?collectionId=${col.id}&status=active`);
    assert.equal(active.body.total, 2);
    const any = await api.get(`/api/admin/products?collectionId=${col.id}`);
    assert.equal(any.body.total, 3, 'status defaults to any');
  });

  it('answers 404 for an unknown product on every operation', async () => {
    assert.equal((await api.get('/api/admin/products/999999')).status, 404);
    const patched = await api.patch('/api/admin/products/999999', { status: 'active' });
    assert.equal(patched.status, 404);
    assert.equal(patched.body.error.code, 'NOT_FOUND');
    assert.equal((await api.post('/api/admin/products/999999/archive')).status, 404);
    assert.equal((await api.del('/api/admin/products/999999')).status, 404);
  });

  it('refuses unknown and malformed query parameters naming them', async () => {
    const unknown = await api.get('/api/admin/products?sortBy=title');
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.error.fields, [{ field: 'sortBy', message: 'unknown field' }]);
    const tooMany = await api.get('/api/admin/products?perPage=101');
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.fields[0].field, 'perPage');
    const badStatus = await api.get('/api/admin/products?status=deleted');
    assert.equal(badStatus.body.error.fields[0].field, 'status');
    const badId = await api.get('/api/admin/products/abc');
    assert.equal(badId.status, 400);
    assert.equal(badId.body.error.fields[0].field, 'id');
  });

  it('marks every API answer, errors included, as not cacheable', async () => {
    assert.equal((await api.get('/api/admin/products')).headers.get('cache-control'), 'no-store');
    assert.equal((await api.get('/api/admin/products/999999')).headers.get('cache-control'), 'no-store');
    assert.equal((await api.get('/api/admin/products?x=1')).headers.get('cache-control'), 'no-store');
  });

  it('records changes in the audit log under the API key name', async () => {
    const created = await api.post('/api/admin/products', productInput());
    const rows = await shop.services.conn.db.selectFrom('audit_log').selectAll().where('entity', '=', 'product').where('entity_id', '=', String(created.body.id)).execute();
    assert.deepEqual(rows.map((r) => [r.actor, r.action]), [['api-key:integration', 'product.create']]);
  });
});
