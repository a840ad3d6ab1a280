import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { apiClient } from './test-client.ts';

describe('admin API: API keys', () => {
  let shop: TestShop;
  let readKey: string;
  let writeKey: string;
  before(async () => {
    shop = await startTestShop();
    readKey = (await shop.services.apiKeys.create('reader', ['catalog:read'])).key;
    writeKey = (await shop.services.apiKeys.create('writer', ['catalog:write'])).key;
  });
  after(() => shop.close());

  it('answers 401 with WWW-Authenticate: Bearer when no key is sent', async () => {
    const res = await apiClient(shop.url, null).get('/api/admin/products');
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'UNAUTHENTICATED');
    assert.match(res.body.error.message, /Authorization/);
    assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });

  it('answers 401 for a wrong key, a malformed header and a revoked key', async () => {
    for (const header of ['Bearer ck_not-a-real-key', 'Bearer something', 'Basic dXNlcjpwYXNz', `Token ${readKey}`, 'Bearer']) {
      const res = await fetch(`${shop.url}/api/admin/products`, { headers: { authorization: header } });
      assert.equal(res.status, 401, header);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/, header);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'UNAUTHENTICATED');
    }
    const { key, info } = await shop.services.apiKeys.create('short-lived', ['admin']);
    assert.equal((await apiClient(shop.url, key).get('/api/admin/products')).status, 200);
    await shop.services.apiKeys.revoke(info.id);
    assert.equal((await apiClient(shop.url, key).get('/api/admin/products')).status, 401);
  });

  it('refuses a write with a read-only key (403) and writes nothing', async () => {
    const api = apiClient(shop.url, readKey);
    const before = await shop.services.catalog.list({ locale: 'fr', status: 'any' });
    const res = await api.post('/api/admin/products', productInput());
    assert.equal(res.status, 403);
    assert.equal(res.body.error.code, 'FORBIDDEN');
    assert.match(res.body.error.message, /catalog:write/);
    assert.equal((await shop.services.catalog.list({ locale: 'fr', status: 'any' })).total, before.total);
    assert.equal((await api.post('/api/admin/collections', { translations: { fr: { title: 'Non' } } })).status, 403);
  });

  it('refuses a write with a bad body as 403, not 400, when the key cannot write', async () => {
    const res = await apiClient(shop.url, readKey).post('/api/admin/products', { nonsense: true });
    assert.equal(res.status, 403);
  });

  it('lets a read key read and a write-only key write but not read', async () => {
    assert.equal((await apiClient(shop.url, readKey).get('/api/admin/products')).status, 200);
    assert.equal((await apiClient(shop.url, readKey).get('/api/admin/collections')).status, 200);
    const writer = apiClient(shop.url, writeKey);
    const created = await writer.post('/api/admin/products', productInput());
    assert.equal(created.status, 201);
    assert.equal((await writer.get(`/api/admin/products/${created.body.id}`)).status, 403);
  });

  it('lets an admin key do everything', async () => {
    const { key } = await shop.services.apiKeys.create('root', ['admin']);
    const api = apiClient(shop.url, key);
    const created = await api.post('/api/admin/products', productInput());
    assert.equal(created.status, 201);
    assert.equal((await api.get(`/api/admin/products/${created.body.id}`)).status, 200);
  });
});
