import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { shopState } from './store-test-state.ts';
import { apiClient } from './test-client.ts';

describe('store API: carts', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  let blue: number;
  let red: number;
  before(async () => {
    shop = await startTestShop({ WORKER: '0', CART_MAX_QUANTITY: '10' });
    api = apiClient(shop.url, null);
    const p = await shop.services.catalog.products.create(productInput({ variants: [
      { sku: 'CART-BLU', options: ['Bleu'], price: { amount: 1800, currency: 'EUR' }, onHand: 8 },
      { sku: 'CART-RED', options: ['Rouge'], price: { amount: 2000, currency: 'EUR' }, onHand: 8 },
    ] }), TEST_ACTOR);
    [blue, red] = p.variants.map((v) => v.id) as [number, number];
  });
  after(() => shop.close());

  const fieldsOf = (body: { error: { fields: { field: string }[] } }) => [...new Set(body.error.fields.map((f) => f.field))];
  const newCart = async () => (await api.post('/api/store/carts')).body.id as string;

  it('creates a cart, adds, changes and removes lines through HTTP', async () => {
    const created = await api.post('/api/store/carts', { locale: 'en' });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    const id = created.body.id;
    assert.match(id, /^[A-Za-z0-9_-]{22}$/, '128 random bits');
    assert.equal(created.headers.get('location'), `/api/store/carts/${id}`);
    assert.deepEqual(created.body, { id, status: 'open', currency: 'EUR', lines: [], itemCount: 0, subtotal: { amount: 0, currency: 'EUR' } });

    const added = await api.post(`/api/store/carts/${id}/lines?locale=en`, { variantId: blue, quantity: 2 });
    assert.equal(added.status, 201);
    assert.equal(added.body.itemCount, 2);
    assert.deepEqual(added.body.subtotal, { amount: 3600, currency: 'EUR' });
    const line = added.body.lines[0];
    assert.equal(line.variantId, blue);
    assert.equal(line.sku, 'CART-BLU');
    assert.match(line.title, /^Stoneware mug/);
    assert.equal(line.variantTitle, 'Bleu');
    assert.deepEqual(line.total, { amount: 3600, currency: 'EUR' });
    assert.equal(line.inStock, true);

    const again = await api.post(`/api/store/carts/${id}/lines`, { variantId: blue, quantity: 1 });
    assert.equal(again.body.lines.length, 1, 'the same variant adds to its line');
    assert.equal(again.body.lines[0].quantity, 3);
    const two = await api.post(`/api/store/carts/${id}/lines`, { variantId: red, quantity: 1 });
    assert.equal(two.body.lines.length, 2);

    const changed = await api.patch(`/api/store/carts/${id}/lines/${line.id}`, { quantity: 5 });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.lines.find((l: { id: number }) => l.id === line.id).quantity, 5);
    assert.equal(changed.body.itemCount, 6);

    const removed = await api.del(`/api/store/carts/${id}/lines/${line.id}`);
    assert.equal(removed.status, 200);
    assert.deepEqual(removed.body.lines.map((l: { variantId: number }) => l.variantId), [red]);

    const got = await api.get(`/api/store/carts/${id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body.lines, removed.body.lines.map((l: { title: string }) => ({ ...l, title: l.title.replace(/^Stoneware mug/, 'Tasse en grès') })));
  });

  it('refuses bad quantities and variants naming the field, and changes nothing', async () => {
    const id = await newCart();
    const first = await api.post(`/api/store/carts/${id}/lines`, { variantId: blue, quantity: 1 });
    const lineId = first.body.lines[0].id;
    const archived = await shop.services.catalog.products.create(productInput({ status: 'archived' }), TEST_ACTOR);
    const before = await shopState(shop.services.conn.db);
    const quantities: unknown[] = [0, -1, 1.5, '2', 11, 1e20, null, true];
    for (const quantity of quantities) {
      const add = await api.post(`/api/store/carts/${id}/lines`, { variantId: blue, quantity });
      assert.equal(add.status, 400, `add ${JSON.stringify(quantity)}`);
      assert.deepEqual(fieldsOf(add.body), ['quantity'], `add ${JSON.stringify(quantity)}`);
      const set = await api.patch(`/api/store/carts/${id}/lines/${lineId}`, { quantity });
      assert.equal(set.status, 400, `set ${JSON.stringify(quantity)}`);
      assert.deepEqual(fieldsOf(set.body), ['quantity'], `set ${JSON.stringify(quantity)}`);
    }
    const missing = await api.post(`/api/store/carts/${id}/lines`, { variantId: blue });
    assert.deepEqual(missing.body.error.fields, [{ field: 'quantity', message: 'quantity is required' }]);
    for (const variantId of [999_999, archived.variants[0]!.id, 'x', 0]) {
      const res = await api.post(`/api/store/carts/${id}/lines`, { variantId, quantity: 1 });
      assert.equal(res.status, 400, `variant ${variantId}`);
      assert.deepEqual(fieldsOf(res.body), ['variantId'], `variant ${variantId}`);
    }
    const extra = await api.post(`/api/store/carts/${id}/lines`, { variantId: blue, quantity: 1, price: 1 });
    assert.deepEqual(extra.body.error.fields, [{ field: 'price', message: 'unknown field' }]);
    const tooMany = await api.post(`/api/store/carts/${id}/lines`, { variantId: blue, quantity: 9 });
    assert.equal(tooMany.status, 409, 'more than there is in stock');
    assert.equal(tooMany.body.error.fields[0].field, 'quantity');
    const badLine = await api.patch(`/api/store/carts/${id}/lines/abc`, { quantity: 1 });
    assert.equal(badLine.status, 400);
    assert.equal(badLine.body.error.fields[0].field, 'lineId');
    const badLocale = await api.post('/api/store/carts', { locale: 'de' });
    assert.equal(badLocale.status, 400);
    assert.equal(badLocale.body.error.fields[0].field, 'locale');
    assert.deepEqual(await shopState(shop.services.conn.db), before);
  });

  it('answers 404 for unknown carts and lines, never revealing another cart', async () => {
    const id = await newCart();
    const other = await newCart();
    const line = (await api.post(`/api/store/carts/${other}/lines`, { variantId: blue, quantity: 1 })).body.lines[0].id;
    const before = await shopState(shop.services.conn.db);
    const unknown = 'AAAAAAAAAAAAAAAAAAAAAA';
    const calls: [string, string, unknown?][] = [
      ['GET', `/api/store/carts/${unknown}`],
      ['GET', '/api/store/carts/not%20a%20cart'],
      ['POST', `/api/store/carts/${unknown}/lines`, { variantId: blue, quantity: 1 }],
      ['PATCH', `/api/store/carts/${unknown}/lines/${line}`, { quantity: 2 }],
      ['DELETE', `/api/store/carts/${unknown}/lines/${line}`],
      // A line of another cart is not a line of this one.
      ['PATCH', `/api/store/carts/${id}/lines/${line}`, { quantity: 2 }],
      ['DELETE', `/api/store/carts/${id}/lines/${line}`],
    ];
    for (const [method, path, body] of calls) {
      const res = await api.call(method, path, body);
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.equal(res.body.error.code, 'NOT_FOUND');
    }
    assert.deepEqual(await shopState(shop.services.conn.db), before);
  });

  it('answers 409 on an ordered cart and keeps it as it was', async () => {
    const id = await newCart();
    const line = (await api.post(`/api/store/carts/${id}/lines`, { variantId: red, quantity: 1 })).body.lines[0].id;
    const placed = await api.post(`/api/store/carts/${id}/checkout`, checkoutInput());
    assert.equal(placed.status, 201);
    const before = await shopState(shop.services.conn.db);
    for (const [method, path, body] of [
      ['POST', `/api/store/carts/${id}/lines`, { variantId: blue, quantity: 1 }],
      ['PATCH', `/api/store/carts/${id}/lines/${line}`, { quantity: 2 }],
      ['DELETE', `/api/store/carts/${id}/lines/${line}`],
    ] as [string, string, unknown?][]) {
      const res = await api.call(method, path, body);
      assert.equal(res.status, 409, `${method} ${path}`);
      assert.equal(res.body.error.code, 'CONFLICT');
    }
    assert.equal((await api.get(`/api/store/carts/${id}`)).body.status, 'completed');
    assert.deepEqual(await shopState(shop.services.conn.db), before);
  });
});
