import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { apiClient } from './test-client.ts';

type Body = Record<string, any>;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

describe('admin API: bad product input', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  let existing: Body;
  before(async () => {
    shop = await startTestShop();
    api = apiClient(shop.url, (await shop.services.apiKeys.create('validation', ['admin'])).key);
    existing = (await api.post('/api/admin/products', productInput({ handle: 'tasse-existante' }))).body;
  });
  after(() => shop.close());

  async function counts() {
    const db = shop.services.conn.db;
    const n = async (table: 'products' | 'variants' | 'stock_movements' | 'product_translations' | 'audit_log') =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { products: await n('products'), variants: await n('variants'), movements: await n('stock_movements'), translations: await n('product_translations'), audit: await n('audit_log') };
  }

  const valid = () => clone(productInput()) as Body;
  // Each case: a body made from a valid one, and the field the answer must name.
  const cases: [string, () => Body | string, string][] = [
    ['an unknown field at the top level', () => ({ ...valid(), colour: 'blue' }), 'colour'],
    ['an unknown field inside a variant', () => { const b = valid(); b.variants[0].weight = 300; return b; }, 'variants.0.weight'],
    ['an unknown field inside a translation', () => { const b = valid(); b.translations.fr.name = 'x'; return b; }, 'translations.fr.name'],
    ['a status of the wrong type', () => ({ ...valid(), status: 5 }), 'status'],
    ['an unknown status', () => ({ ...valid(), status: 'deleted' }), 'status'],
    ['variants given as an object', () => ({ ...valid(), variants: {} }), 'variants'],
    ['no variant at all', () => ({ ...valid(), variants: [] }), 'variants'],
    ['a boolean given as a string', () => { const b = valid(); b.variants[0].trackInventory = 'yes'; return b; }, 'variants.0.trackInventory'],
    ['a negative price', () => { const b = valid(); b.variants[0].price.amount = -100; return b; }, 'variants.0.price.amount'],
    ['a fractional price (12.5)', () => { const b = valid(); b.variants[1].price.amount = 12.5; return b; }, 'variants.1.price.amount'],
    ['a price given as a string', () => { const b = valid(); b.variants[0].price.amount = '1800'; return b; }, 'variants.0.price.amount'],
    ['a price without currency', () => { const b = valid(); delete b.variants[0].price.currency; return b; }, 'variants.0.price.currency'],
    ['a currency other than the shop currency', () => { const b = valid(); b.variants[0].price.currency = 'USD'; return b; }, 'variants.0.price.currency'],
    ['a compare-at price below the price', () => { const b = valid(); b.variants[0].compareAtPrice = { amount: 100, currency: 'EUR' }; return b; }, 'variants.0.compareAtPrice'],
    ['a fractional stock quantity', () => { const b = valid(); b.variants[0].onHand = 1.5; return b; }, 'variants.0.onHand'],
    ['a negative stock quantity', () => { const b = valid(); b.variants[0].onHand = -1; return b; }, 'variants.0.onHand'],
    ['a stock quantity given as a string', () => { const b = valid(); b.variants[0].onHand = '5'; return b; }, 'variants.0.onHand'],
    ['the same SKU twice in the body', () => { const b = valid(); b.variants[1].sku = b.variants[0].sku; return b; }, 'variants.1.sku'],
    ['a SKU used by another product', () => { const b = valid(); b.variants[0].sku = existing.variants[0].sku; return b; }, 'variants.0.sku'],
    ['a handle used by another product', () => ({ ...valid(), handle: 'tasse-existante' }), 'handle'],
    ['a malformed handle', () => ({ ...valid(), handle: 'Tasse Bleue' }), 'handle'],
    ['missing translations', () => { const b = valid(); delete b.translations; return b; }, 'translations'],
    ['empty translations', () => ({ ...valid(), translations: {} }), 'translations'],
    ['a translation without title', () => ({ ...valid(), translations: { fr: { description: 'x' } } }), 'translations.fr.title'],
    ['an unknown language', () => ({ ...valid(), translations: { de: { title: 'Tasse' } } }), 'translations.de'],
    ['option values that do not match the options', () => { const b = valid(); b.variants[0].options = []; return b; }, 'variants.0.options'],
    ['a collection that does not exist', () => ({ ...valid(), collectionIds: [4242] }), 'collectionIds.0'],
    ['an existing variant id on a new product', () => { const b = valid(); b.variants[0].id = existing.variants[0].id; return b; }, 'variants.0.id'],
  ];

  for (const [what, make, field] of cases) {
    it(`refuses ${what} with 400 naming ${field}, and writes nothing`, async () => {
      const before = await counts();
      const res = await api.post('/api/admin/products', make());
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.code, 'VALIDATION_FAILED');
      const fields = res.body.error.fields.map((f: { field: string }) => f.field);
      assert.ok(fields.includes(field), `expected ${field} among ${fields.join(', ')}`);
      assert.ok(res.body.error.message.includes(field), res.body.error.message);
      assert.deepEqual(await counts(), before);
    });
  }

  it('names every field at fault at once', async () => {
    const b = valid();
    b.colour = 'blue';
    b.variants[0].price.amount = -1;
    b.variants[1].onHand = 2.5;
    const res = await api.post('/api/admin/products', b);
    assert.deepEqual(res.body.error.fields.map((f: { field: string }) => f.field).sort(), ['colour', 'variants.0.price.amount', 'variants.1.onHand']);
    assert.deepEqual(res.body.error.fields.find((f: { field: string }) => f.field === 'colour'), { field: 'colour', message: 'unknown field' });
  });

  it('says "required" for a missing field', async () => {
    const b = valid();
    delete b.variants[0].sku;
    const res = await api.post('/api/admin/products', b);
    assert.deepEqual(res.body.error.fields, [{ field: 'variants.0.sku', message: 'required' }]);
  });

  it('refuses a body that is not JSON, or no body at all, and writes nothing', async () => {
    const before = await counts();
    const broken = await api.call('POST', '/api/admin/products', '{"status": "active",');
    assert.equal(broken.status, 400);
    assert.equal(typeof broken.body.error.message, 'string');
    const empty = await api.call('POST', '/api/admin/products');
    assert.equal(empty.status, 400);
    assert.deepEqual(await counts(), before);
  });

  const patches: [string, () => Body, string][] = [
    ['an unknown field', () => ({ colour: 'blue' }), 'colour'],
    ['an unknown field inside a variant', () => ({ variants: [{ sku: 'NEW-1', price: { amount: 100, currency: 'EUR' }, options: ['Vert'], stock: 3 }] }), 'variants.0.stock'],
    ['a negative price', () => ({ variants: [{ id: existing.variants[0].id, sku: existing.variants[0].sku, options: ['Bleu'], price: { amount: -5, currency: 'EUR' } }] }), 'variants.0.price.amount'],
    ['a handle used by another product', () => ({ handle: 'tasse-existante' }), 'handle'],
    ['a SKU used by another product', () => ({ variants: [{ sku: existing.variants[1].sku, options: ['Vert'], price: { amount: 100, currency: 'EUR' } }] }), 'variants.0.sku'],
    ['a variant id of another product', () => ({ variants: [{ id: existing.variants[0].id, sku: 'OTHER-1', options: ['Vert'], price: { amount: 100, currency: 'EUR' } }] }), 'variants.0.id'],
    ['a null status', () => ({ status: null }), 'status'],
    ['empty translations', () => ({ translations: {} }), 'translations'],
  ];

  for (const [what, make, field] of patches) {
    it(`refuses a patch with ${what} with 400 naming ${field}, and changes nothing`, async () => {
      const target = (await api.post('/api/admin/products', productInput())).body;
      const before = await counts();
      const res = await api.patch(`/api/admin/products/${target.id}`, make());
      assert.equal(res.status, 400, JSON.stringify(res.body));
      const fields = res.body.error.fields.map((f: { field: string }) => f.field);
      assert.ok(fields.includes(field), `expected ${field} among ${fields.join(', ')}`);
      assert.deepEqual(await counts(), before);
      assert.deepEqual((await api.get(`/api/admin/products/${target.id}`)).body, target);
    });
  }
});
