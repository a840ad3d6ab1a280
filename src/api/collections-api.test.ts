import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { apiClient } from './test-client.ts';

describe('admin API: collections', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  before(async () => {
    shop = await startTestShop();
    api = apiClient(shop.url, (await shop.services.apiKeys.create('collections', ['catalog:read', 'catalog:write'])).key);
  });
  after(() => shop.close());

  const collectionCount = async () => Number((await shop.services.conn.db.selectFrom('collections').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('creates, reads, lists and updates a collection', async () => {
    const created = await api.post('/api/admin/collections', { position: 2, translations: { fr: { title: 'Arts de la table' }, en: { title: 'Tableware', description: 'Plates and bowls' } } });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    assert.equal(created.headers.get('location'), `/api/admin/collections/${id}`);
    assert.equal(created.body.handle, 'arts-de-la-table');
    assert.equal(created.body.position, 2);
    assert.deepEqual(created.body.translations.en, { title: 'Tableware', description: 'Plates and bowls', seoTitle: null, seoDescription: null });

    assert.deepEqual((await api.get(`/api/admin/collections/${id}`)).body, created.body);
    const list = await api.get('/api/admin/collections');
    assert.equal(list.status, 200);
    assert.ok(list.body.items.some((c: { id: number }) => c.id === id));

    const patched = await api.patch(`/api/admin/collections/${id}`, { handle: 'vaisselle' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.handle, 'vaisselle');
    assert.equal(patched.body.position, 2, 'fields left out keep their value');
    assert.equal(patched.body.translations.en.title, 'Tableware');

    const retitled = await api.patch(`/api/admin/collections/${id}`, { translations: { fr: { title: 'Vaisselle' } } });
    assert.deepEqual(Object.keys(retitled.body.translations), ['fr'], 'translations, when given, replace the set');
  });

  it('counts the active products of a collection', async () => {
    const c = (await api.post('/api/admin/collections', { translations: { fr: { title: 'Comptée' } } })).body;
    await api.post('/api/admin/products', productInput({ collectionIds: [c.id] }));
    await api.post('/api/admin/products', productInput({ collectionIds: [c.id], status: 'draft' }));
    assert.equal((await api.get(`/api/admin/collections/${c.id}`)).body.productCount, 1);
  });

  it('refuses bad collection input naming the field, and writes nothing', async () => {
    await api.post('/api/admin/collections', { handle: 'prise', translations: { fr: { title: 'Prise' } } });
    const cases: [unknown, string][] = [
      [{ translations: { fr: { title: 'X' } }, colour: 'red' }, 'colour'],
      [{ translations: {} }, 'translations'],
      [{}, 'translations'],
      [{ translations: { fr: { title: '' } } }, 'translations.fr.title'],
      [{ translations: { fr: { title: 'X' } }, position: -1 }, 'position'],
      [{ translations: { fr: { title: 'X' } }, position: '1' }, 'position'],
      [{ translations: { fr: { title: 'X' } }, handle: 'Pas Bon' }, 'handle'],
      [{ translations: { fr: { title: 'Y' } }, handle: 'prise' }, 'handle'],
    ];
    for (const [body, field] of cases) {
      const before = await collectionCount();
      const res = await api.post('/api/admin/collections', body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.ok(res.body.error.fields.some((f: { field: string }) => f.field === field), `${JSON.stringify(body)} -> ${res.body.error.message}`);
      assert.equal(await collectionCount(), before);
    }
  });

  it('refuses a bad patch and leaves the collection as it was', async () => {
    const c = (await api.post('/api/admin/collections', { translations: { fr: { title: 'Intacte' } } })).body;
    for (const [body, field] of [[{ position: 1.5 }, 'position'], [{ title: 'x' }, 'title'], [{ handle: 'prise' }, 'handle'], [{ translations: {} }, 'translations']] as const) {
      const res = await api.patch(`/api/admin/collections/${c.id}`, body);
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.equal(res.body.error.fields[0].field, field);
    }
    assert.deepEqual((await api.get(`/api/admin/collections/${c.id}`)).body, c);
  });

  it('answers 404 for an unknown collection', async () => {
    assert.equal((await api.get('/api/admin/collections/999999')).status, 404);
    assert.equal((await api.patch('/api/admin/collections/999999', { position: 1 })).status, 404);
  });
});
