import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';
import { shopState } from './store-test-state.ts';
import { apiClient } from './test-client.ts';

describe('admin API: stock', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  let reader: ReturnType<typeof apiClient>;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
    const writer = await shop.services.apiKeys.create('warehouse', ['catalog:read', 'catalog:write']);
    const read = await shop.services.apiKeys.create('reports', ['catalog:read']);
    api = apiClient(shop.url, writer.key);
    reader = apiClient(shop.url, read.key);
  });
  after(() => shop.close());

  const variant = async () => (await shop.services.catalog.products.create(productInput(), TEST_ACTOR)).variants[0]!.id;

  it('sets a count, adjusts by a delta and lists every movement in the ledger, newest first', async () => {
    const id = await variant();
    const set = await api.post(`/api/admin/variants/${id}/stock`, { onHand: 12, reason: 'stocktake in the back room' });
    assert.equal(set.status, 200);
    assert.equal(set.headers.get('cache-control'), 'no-store');
    assert.deepEqual(set.body, { onHand: 12, reserved: 0, available: 12 });
    const delivered = await api.post(`/api/admin/variants/${id}/stock`, { delta: 8, reason: 'delivery from Atelier Nord' });
    assert.deepEqual(delivered.body, { onHand: 20, reserved: 0, available: 20 });
    const broken = await api.post(`/api/admin/variants/${id}/stock`, { delta: -3, reason: 'broken in transit' });
    assert.deepEqual(broken.body, { onHand: 17, reserved: 0, available: 17 });
    assert.deepEqual((await reader.get(`/api/admin/variants/${id}/stock`)).body, { onHand: 17, reserved: 0, available: 17 });

    const ledger = await reader.get(`/api/admin/variants/${id}/stock/movements`);
    assert.equal(ledger.status, 200);
    assert.deepEqual(
      ledger.body.items.map((m: { onHandDelta: number; reason: string; reference: string | null }) => [m.onHandDelta, m.reason, m.reference]),
      [
        [-3, 'adjustment', 'broken in transit'],
        [8, 'adjustment', 'delivery from Atelier Nord'],
        [7, 'stocktake', 'stocktake in the back room'],
        [5, 'initial', ledger.body.items[3].reference],
      ],
    );
    assert.equal(ledger.body.total, 4);
    const sum = ledger.body.items.reduce((s: number, m: { onHandDelta: number }) => s + m.onHandDelta, 0);
    assert.equal(sum, 17, 'the ledger sums to the counter');
    const page2 = await reader.get(`/api/admin/variants/${id}/stock/movements?perPage=3&page=2`);
    assert.deepEqual([page2.body.items.length, page2.body.pages, page2.body.items[0].reason], [1, 2, 'initial']);
    const audit = await shop.services.conn.db.selectFrom('audit_log').select(['actor', 'action']).where('entity', '=', 'variant').where('entity_id', '=', String(id)).execute();
    assert.deepEqual(audit.map((a) => a.actor), ['api-key:warehouse', 'api-key:warehouse', 'api-key:warehouse']);
    await assertStockConsistent(shop.services.conn.db);
  });

  it('never takes stock below what orders hold, naming the field', async () => {
    const id = await variant();
    const cart = await shop.services.cart.create('fr');
    await shop.services.cart.addLine(cart, id, 3);
    await shop.services.checkout.placeOrder(cart, checkoutInput({ payment: { provider: 'bank_transfer' } }), null);
    const before = await shopState(shop.services.conn.db);
    const low = await api.post(`/api/admin/variants/${id}/stock`, { onHand: 2, reason: 'count' });
    assert.equal(low.status, 400);
    assert.deepEqual(low.body.error.fields.map((f: { field: string }) => f.field), ['onHand']);
    assert.match(low.body.error.fields[0].message, /3 units are reserved/);
    const drop = await api.post(`/api/admin/variants/${id}/stock`, { delta: -3, reason: 'lost' });
    assert.equal(drop.status, 400);
    assert.deepEqual(drop.body.error.fields.map((f: { field: string }) => f.field), ['delta']);
    assert.deepEqual(await shopState(shop.services.conn.db), before);
    const exact = await api.post(`/api/admin/variants/${id}/stock`, { onHand: 3, reason: 'count' });
    assert.deepEqual(exact.body, { onHand: 3, reserved: 3, available: 0 });
    await assertStockConsistent(shop.services.conn.db);
  });

  it('refuses bad changes naming the field, and writes nothing', async () => {
    const id = await variant();
    const before = await shopState(shop.services.conn.db);
    const cases: [unknown, string[]][] = [
      [{ onHand: -1, reason: 'x' }, ['onHand']],
      [{ onHand: 1.5, reason: 'x' }, ['onHand']],
      [{ onHand: '4', reason: 'x' }, ['onHand']],
      [{ delta: 0, reason: 'x' }, ['delta']],
      [{ delta: 2.5, reason: 'x' }, ['delta']],
      [{ onHand: 4, delta: 1, reason: 'x' }, ['delta']],
      [{ reason: 'x' }, ['onHand']],
      [{ onHand: 4 }, ['reason']],
      [{ onHand: 4, reason: '' }, ['reason']],
      [{ onHand: 4, reason: 'r'.repeat(201) }, ['reason']],
      [{ onHand: 4, reason: 'x', location: 2 }, ['location']],
    ];
    for (const [body, fields] of cases) {
      const res = await api.post(`/api/admin/variants/${id}/stock`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.deepEqual([...new Set(res.body.error.fields.map((f: { field: string }) => f.field))], fields, JSON.stringify(body));
    }
    assert.equal((await api.post('/api/admin/variants/abc/stock', { onHand: 1, reason: 'x' })).status, 400);
    assert.deepEqual(await shopState(shop.services.conn.db), before);
  });

  it('answers 404 for an unknown variant, 401 without a key and 403 for a read-only key', async () => {
    const id = await variant();
    const before = await shopState(shop.services.conn.db);
    assert.equal((await api.post('/api/admin/variants/999999/stock', { onHand: 1, reason: 'x' })).status, 404);
    assert.equal((await api.get('/api/admin/variants/999999/stock/movements')).status, 404);
    assert.equal((await apiClient(shop.url, null).post(`/api/admin/variants/${id}/stock`, { onHand: 1, reason: 'x' })).status, 401);
    assert.equal((await apiClient(shop.url, null).get(`/api/admin/variants/${id}/stock/movements`)).status, 401);
    const forbidden = await reader.post(`/api/admin/variants/${id}/stock`, { onHand: 1, reason: 'x' });
    assert.equal(forbidden.status, 403);
    assert.match(forbidden.body.error.message, /catalog:write/);
    assert.deepEqual(await shopState(shop.services.conn.db), before);
  });
});
