import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { fieldId } from './form-fields.tsx';
import { type AdminClient, formEntries, inputValue, loggedIn, setEntry, uncheck } from './test-client.ts';

type Entries = [string, string][];

const fieldError = (html: string, name: string) => new RegExp(`id="${fieldId(name)}-error">([^<]*)<`).exec(html)?.[1] ?? null;

describe('admin shipping methods', () => {
  let shop: TestShop;
  let c: AdminClient;
  const rows = () => shop.services.conn.db.selectFrom('shipping_methods').selectAll().orderBy('id').execute();

  before(async () => {
    shop = await startTestShop({ WORKER: '0', LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  async function newForm(): Promise<Entries> {
    const res = await c.get('/admin/shipping/new');
    assert.equal(res.status, 200);
    return formEntries(await res.text(), 'shipping-form');
  }

  function fillFlat(e: Entries): Entries {
    setEntry(e, 'nameFr', 'Relais');
    setEntry(e, 'nameEn', 'Pickup point');
    setEntry(e, 'countries', 'fr, be');
    setEntry(e, 'kind', 'flat');
    setEntry(e, 'price', '4,90');
    return e;
  }

  it('lists the methods with their countries, prices and state', async () => {
    const html = await (await c.get('/admin/shipping')).text();
    assert.match(html, /<a href="\/admin\/shipping\/1">Colissimo — France<\/a>/);
    assert.match(html, /€5\.90<span class="muted handle">free from €60\.00<\/span>/);
    assert.match(html, /from €12\.90/);
    assert.match(html, /AT, BE, BG/);
  });

  it('creates a flat-rate method from decimal prices and a typed list of countries', async () => {
    const e = fillFlat(await newForm());
    setEntry(e, 'freeAbove', '50');
    setEntry(e, 'position', '3');
    const res = await c.postForm('/admin/shipping', e);
    assert.equal(res.status, 303, await res.clone().text());
    const id = Number(/^\/admin\/shipping\/(\d+)\?flash=saved$/.exec(res.headers.get('location')!)?.[1]);
    const m = (await shop.services.shipping.get(id))!;
    assert.deepEqual(
      { ...m, id: 0 },
      { id: 0, nameFr: 'Relais', nameEn: 'Pickup point', countries: ['FR', 'BE'], kind: 'flat', price: 490, freeAbove: 5000, weightRates: [], active: true, position: 3 },
    );
    const page = await (await c.get(res.headers.get('location')!)).text();
    assert.match(page, /role="status">Saved</);
    assert.equal(inputValue(page, 'price'), '4.90');
    assert.match(page, /<textarea id="f-countries" name="countries"[^>]*>FR, BE<\/textarea>/);
  });

  it('creates a method priced by weight from rate rows, skipping blank ones', async () => {
    const e = await newForm();
    setEntry(e, 'nameFr', 'Express');
    setEntry(e, 'nameEn', 'Express');
    setEntry(e, 'countries', 'DE');
    setEntry(e, 'kind', 'weight');
    setEntry(e, 'price', '');
    setEntry(e, 'rates.1.upTo', '2000');
    setEntry(e, 'rates.1.price', '15');
    e.push(['rates.2.upTo', '500'], ['rates.2.price', '9.50']);
    const res = await c.postForm('/admin/shipping', e);
    assert.equal(res.status, 303, await res.clone().text());
    const id = Number(/(\d+)\?flash/.exec(res.headers.get('location')!)?.[1]);
    const m = (await shop.services.shipping.get(id))!;
    assert.equal(m.kind, 'weight');
    assert.deepEqual(m.weightRates, [{ upToGrams: 2000, amount: 1500 }, { upToGrams: 500, amount: 950 }]);
    const page = await (await c.get(`/admin/shipping/${id}`)).text();
    assert.equal(inputValue(page, 'rates.0.upTo'), '500', 'rates are shown lightest first');
    assert.equal(inputValue(page, 'rates.1.price'), '15.00');
    assert.equal(inputValue(page, 'rates.2.upTo'), '', 'then blank rows to add more');
  });

  it('edits a method: price, state and no leftover rates on a flat rate', async () => {
    const created = await shop.services.shipping.create({ nameFr: 'Lettre', nameEn: 'Letter', countries: ['FR'], kind: 'flat', price: 300, freeAbove: null, weightRates: [], position: 5, active: true });
    const e = formEntries(await (await c.get(`/admin/shipping/${created.id}`)).text(), 'shipping-form');
    setEntry(e, 'price', '3.50');
    setEntry(e, 'rates.0.upTo', '100');
    setEntry(e, 'rates.0.price', '');
    const res = await c.postForm(`/admin/shipping/${created.id}`, uncheck(e, 'active'));
    assert.equal(res.status, 303, await res.clone().text());
    const m = (await shop.services.shipping.get(created.id))!;
    assert.equal(m.price, 350);
    assert.equal(m.active, false);
    assert.deepEqual(m.weightRates, [], 'a flat rate ignores half-filled rate rows');
    assert.match(await (await c.get('/admin/shipping')).text(), /Inactive/);
  });

  const bad: { name: string; change: (e: Entries) => void; field: string; message: RegExp }[] = [
    { name: 'a negative price', change: (e) => setEntry(e, 'price', '-5'), field: 'price', message: /enter a price like 5\.90/ },
    { name: 'a price with three decimals', change: (e) => setEntry(e, 'price', '4.999'), field: 'price', message: /enter a price like/ },
    { name: 'no price on a flat rate', change: (e) => setEntry(e, 'price', ''), field: 'price', message: /enter a price like/ },
    { name: 'a free-from amount that is not one', change: (e) => setEntry(e, 'freeAbove', 'soon'), field: 'freeAbove', message: /enter a price like/ },
    { name: 'an unknown country', change: (e) => setEntry(e, 'countries', 'FR, US, XX'), field: 'countries', message: /we do not ship to US, XX/ },
    { name: 'no country', change: (e) => setEntry(e, 'countries', ' , '), field: 'countries', message: /at least one country code/ },
    { name: 'no name', change: (e) => setEntry(e, 'nameEn', '  '), field: 'nameEn', message: /give a name/ },
    { name: 'an unknown kind', change: (e) => setEntry(e, 'kind', 'drone'), field: 'kind', message: /choose one of the listed values/ },
    { name: 'a position that is not a whole number', change: (e) => setEntry(e, 'position', '1.5'), field: 'position', message: /whole number/ },
    { name: 'a weight method without rates', change: (e) => setEntry(e, 'kind', 'weight'), field: 'rates.0.upTo', message: /needs at least one weight rate/ },
    {
      name: 'a rate without its price',
      change: (e) => (setEntry(e, 'kind', 'weight'), setEntry(e, 'rates.1.upTo', '1000')),
      field: 'rates.1.price',
      message: /give both the weight limit and the price/,
    },
    {
      name: 'a rate of zero grams',
      change: (e) => (setEntry(e, 'kind', 'weight'), setEntry(e, 'rates.0.upTo', '0'), setEntry(e, 'rates.0.price', '5')),
      field: 'rates.0.upTo',
      message: /whole grams, more than 0/,
    },
    {
      name: 'a negative rate price',
      change: (e) => (setEntry(e, 'kind', 'weight'), setEntry(e, 'rates.0.upTo', '500'), setEntry(e, 'rates.0.price', '-1')),
      field: 'rates.0.price',
      message: /enter a price like/,
    },
    {
      name: 'two rates with the same limit',
      change: (e) => {
        setEntry(e, 'kind', 'weight');
        setEntry(e, 'rates.0.upTo', '500');
        setEntry(e, 'rates.0.price', '5');
        setEntry(e, 'rates.1.upTo', '500');
        setEntry(e, 'rates.1.price', '6');
      },
      field: 'rates.1.upTo',
      message: /two rates have this weight limit/,
    },
  ];

  describe('refuses bad input with messages beside the fields and saves nothing', () => {
    for (const b of bad) {
      it(`refuses ${b.name}`, async () => {
        const e = fillFlat(await newForm());
        b.change(e);
        const before = await rows();
        const res = await c.postForm('/admin/shipping', e);
        assert.equal(res.status, 400);
        const html = await res.text();
        assert.match(html, /class="error-summary" role="alert"/);
        assert.match(fieldError(html, b.field) ?? '(no message)', b.message);
        const typed = e.find(([k]) => k === b.field);
        if (typed && b.field !== 'kind' && b.field !== 'countries') assert.equal(inputValue(html, b.field), typed[1], 'what was typed is shown again');
        if (b.field === 'countries') assert.match(html, new RegExp(`name="countries"[^>]*>${typed![1]}</textarea>`));
        assert.deepEqual(await rows(), before);
      });
    }

    it('keeps the stored method when an edit is refused', async () => {
      const before = await rows();
      const e = formEntries(await (await c.get('/admin/shipping/2')).text(), 'shipping-form');
      setEntry(e, 'rates.0.price', '-3');
      setEntry(e, 'countries', 'DE, CA');
      const res = await c.postForm('/admin/shipping/2', e);
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(fieldError(html, 'rates.0.price') ?? '', /enter a price like/);
      assert.match(fieldError(html, 'countries') ?? '', /we do not ship to CA/);
      assert.deepEqual(await rows(), before);
    });
  });

  it('refuses a form without its token and people other than the owner', async () => {
    const before = await rows();
    const e = fillFlat(await newForm()).filter(([k]) => k !== '_csrf');
    assert.equal((await c.postForm('/admin/shipping', e)).status, 403);
    assert.equal((await c.postForm('/admin/shipping/1', [...e, ['_csrf', 'forged']])).status, 403);
    const support = await loggedIn(shop.url, shop.services, 'support');
    assert.equal((await support.get('/admin/shipping')).status, 403);
    assert.equal((await support.postForm('/admin/shipping/1', [...fillFlat([]), ['_csrf', await support.csrf('/admin/orders')]])).status, 403);
    assert.deepEqual(await rows(), before);
    assert.equal((await c.get('/admin/shipping/9999')).status, 404);
  });
});
