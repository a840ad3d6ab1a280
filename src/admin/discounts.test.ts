import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { parsePercent } from './discount-form.ts';
import { fieldId } from './form-fields.tsx';
import { type AdminClient, formEntries, inputValue, loggedIn, setEntry, uncheck } from './test-client.ts';
import { placeOrder, stockedProduct } from './test-orders.ts';

// The admin reads and writes validity windows on the shop's wall clock.
process.env.TZ = 'Europe/Paris';

type Entries = [string, string][];
const fieldError = (html: string, name: string) => new RegExp(`id="${fieldId(name)}-error">([^<]*)<`).exec(html)?.[1] ?? null;

describe('percentages typed in the discount form', () => {
  const cases: [string, number | null][] = [
    ['10', 1000],
    ['12.5', 1250],
    ['12,75', 1275],
    ['100', 10_000],
    ['7 %', 700],
    ['0', null],
    ['100.01', null],
    ['150', null],
    ['-5', null],
    ['1.234', null],
    ['ten', null],
  ];
  for (const [text, bp] of cases) it(`reads "${text}" as ${bp === null ? 'not a percentage' : `${bp} basis points`}`, () => assert.equal(parsePercent(text), bp));
});

describe('admin discount codes', () => {
  let shop: TestShop;
  let c: AdminClient;
  const rows = () => shop.services.conn.db.selectFrom('discount_codes').selectAll().orderBy('id').execute();

  before(async () => {
    shop = await startTestShop({ WORKER: '0', LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  async function newForm(): Promise<Entries> {
    const res = await c.get('/admin/discounts/new');
    assert.equal(res.status, 200);
    return formEntries(await res.text(), 'discount-form');
  }

  async function create(e: Entries): Promise<number> {
    const res = await c.postForm('/admin/discounts', e);
    assert.equal(res.status, 303, await res.clone().text());
    return Number(/^\/admin\/discounts\/(\d+)\?flash=saved$/.exec(res.headers.get('location')!)?.[1]);
  }

  it('creates a percentage code with a window typed in the shop’s time zone', async () => {
    const e = await newForm();
    setEntry(e, 'code', 'summer10');
    setEntry(e, 'kind', 'percentage');
    setEntry(e, 'value', '10');
    setEntry(e, 'minSubtotal', '30');
    setEntry(e, 'startsAt', '2025-06-01T09:00');
    setEntry(e, 'endsAt', '2025-09-01T00:00');
    setEntry(e, 'usageLimit', '100');
    const id = await create(e);
    const code = (await shop.services.discounts.get(id))!;
    assert.deepEqual(
      { ...code, id: 0 },
      {
        id: 0,
        code: 'SUMMER10',
        kind: 'percentage',
        value: 1000,
        minSubtotal: 3000,
        startsAt: '2025-06-01T07:00:00.000Z',
        endsAt: '2025-08-31T22:00:00.000Z',
        usageLimit: 100,
        usedCount: 0,
        active: true,
      },
    );
    const page = await (await c.get(`/admin/discounts/${id}`)).text();
    assert.equal(inputValue(page, 'startsAt'), '2025-06-01T09:00', 'shown back as typed');
    assert.equal(inputValue(page, 'value'), '10');
    assert.match(page, /type="datetime-local"/);
    assert.match(page, /Date and time in Europe\/Paris/);
  });

  it('creates fixed-amount and free-shipping codes', async () => {
    const fixed = await newForm();
    setEntry(fixed, 'code', 'FIVE-OFF');
    setEntry(fixed, 'kind', 'fixed');
    setEntry(fixed, 'value', '5,50');
    const a = (await shop.services.discounts.get(await create(fixed)))!;
    assert.deepEqual([a.kind, a.value, a.minSubtotal, a.startsAt, a.endsAt, a.usageLimit], ['fixed', 550, 0, null, null, null]);

    const free = await newForm();
    setEntry(free, 'code', 'SHIPFREE');
    setEntry(free, 'kind', 'free_shipping');
    setEntry(free, 'value', '');
    const b = (await shop.services.discounts.get(await create(free)))!;
    assert.deepEqual([b.kind, b.value], ['free_shipping', 0]);
  });

  it('lists codes with what they give, their window and their use against the limit', async () => {
    const { variant } = await stockedProduct(shop.services, 10);
    const code = await shop.services.discounts.create({ code: 'USED2', kind: 'percentage', value: 1250, minSubtotal: 0, startsAt: null, endsAt: null, usageLimit: 5, active: true });
    for (let i = 0; i < 2; i++) await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], over: { discountCode: 'used2' } });
    const html = await (await c.get('/admin/discounts')).text();
    assert.match(html, new RegExp(`<a href="/admin/discounts/${code.id}"><code>USED2</code></a></th><td data-label="Value">12\\.5% off</td><td data-label="Valid">always</td><td class="num" data-label="Used">2 / 5</td>`));
    assert.match(html, /<code>SUMMER10<\/code>[\s\S]*?10% off<span class="muted handle">on orders from €30\.00<\/span>[\s\S]*?from Jun 1, 2025, 9:00\s?AM until Sep 1, 2025, 12:00\s?AM/);
    assert.match(html, /€5\.50 off/);
    assert.match(html, /Free shipping/);
    assert.match(await (await c.get(`/admin/discounts/${code.id}`)).text(), /Used by 2 orders so far\./);
  });

  it('edits a code and keeps its use count', async () => {
    const code = await shop.services.discounts.create({ code: 'EDITME', kind: 'fixed', value: 500, minSubtotal: 0, startsAt: null, endsAt: null, usageLimit: null, active: true });
    const e = formEntries(await (await c.get(`/admin/discounts/${code.id}`)).text(), 'discount-form');
    assert.equal(e.find(([k]) => k === 'value')?.[1], '5.00');
    setEntry(e, 'kind', 'percentage');
    setEntry(e, 'value', '15');
    setEntry(e, 'endsAt', '2030-01-01T12:00');
    const res = await c.postForm(`/admin/discounts/${code.id}`, uncheck(e, 'active'));
    assert.equal(res.status, 303, await res.clone().text());
    const saved = (await shop.services.discounts.get(code.id))!;
    assert.deepEqual([saved.kind, saved.value, saved.endsAt, saved.active, saved.usedCount], ['percentage', 1500, '2030-01-01T11:00:00.000Z', false, 0]);
  });

  const bad: { name: string; change: (e: Entries) => void; field: string; message: RegExp }[] = [
    { name: 'a code with spaces', change: (e) => setEntry(e, 'code', 'TEN OFF'), field: 'code', message: /letters, digits, - and _/ },
    { name: 'a code too short', change: (e) => setEntry(e, 'code', 'AB'), field: 'code', message: /3 to 64/ },
    { name: 'a percentage over 100', change: (e) => setEntry(e, 'value', '120'), field: 'value', message: /up to 100/ },
    { name: 'a percentage of 0', change: (e) => setEntry(e, 'value', '0'), field: 'value', message: /percentage such as 10/ },
    { name: 'no value for an amount off', change: (e) => (setEntry(e, 'kind', 'fixed'), setEntry(e, 'value', '')), field: 'value', message: /amount like 5\.00/ },
    { name: 'a negative amount off', change: (e) => (setEntry(e, 'kind', 'fixed'), setEntry(e, 'value', '-3')), field: 'value', message: /amount like 5\.00/ },
    { name: 'a minimum that is not an amount', change: (e) => setEntry(e, 'minSubtotal', '20 euros'), field: 'minSubtotal', message: /amount like 5\.00/ },
    { name: 'a start that is not a date', change: (e) => setEntry(e, 'startsAt', 'next monday'), field: 'startsAt', message: /date and time such as/ },
    { name: 'a bare date without a time', change: (e) => setEntry(e, 'endsAt', '2025-06-01'), field: 'endsAt', message: /date and time such as/ },
    { name: 'an end before the start', change: (e) => (setEntry(e, 'startsAt', '2025-06-02T00:00'), setEntry(e, 'endsAt', '2025-06-01T00:00')), field: 'endsAt', message: /end must come after the start/ },
    { name: 'a usage limit of 0', change: (e) => setEntry(e, 'usageLimit', '0'), field: 'usageLimit', message: /whole number greater than 0/ },
    { name: 'an unknown kind', change: (e) => setEntry(e, 'kind', 'bogof'), field: 'kind', message: /choose one of the listed values/ },
    { name: 'a code that already exists, in another case', change: (e) => setEntry(e, 'code', 'summer10'), field: 'code', message: /the code SUMMER10 already exists/ },
  ];

  describe('refuses bad input with messages beside the fields and saves nothing', () => {
    let n = 0;
    for (const b of bad) {
      it(`refuses ${b.name}`, async () => {
        const e = await newForm();
        setEntry(e, 'code', `BAD${++n}X`);
        setEntry(e, 'value', '10');
        b.change(e);
        const before = await rows();
        const res = await c.postForm('/admin/discounts', e);
        assert.equal(res.status, 400);
        const html = await res.text();
        assert.match(fieldError(html, b.field) ?? '(no message)', b.message);
        const typed = e.find(([k]) => k === b.field);
        if (typed && b.field !== 'kind') assert.equal(inputValue(html, b.field), typed[1], 'what was typed is shown again');
        assert.deepEqual(await rows(), before);
      });
    }

    it('refuses renaming a code to one that exists, and keeps the stored code', async () => {
      const code = await shop.services.discounts.create({ code: 'RENAME', kind: 'free_shipping', value: 0, minSubtotal: 0, startsAt: null, endsAt: null, usageLimit: null, active: true });
      const e = formEntries(await (await c.get(`/admin/discounts/${code.id}`)).text(), 'discount-form');
      setEntry(e, 'code', 'five-off');
      const before = await rows();
      const res = await c.postForm(`/admin/discounts/${code.id}`, e);
      assert.equal(res.status, 400);
      assert.match(fieldError(await res.text(), 'code') ?? '', /the code FIVE-OFF already exists/);
      assert.deepEqual(await rows(), before);
    });
  });

  it('refuses a form without its token and people other than the owner', async () => {
    const before = await rows();
    const e = (await newForm()).filter(([k]) => k !== '_csrf');
    setEntry(e, 'code', 'NOTOKEN');
    setEntry(e, 'value', '10');
    assert.equal((await c.postForm('/admin/discounts', e)).status, 403);
    const support = await loggedIn(shop.url, shop.services, 'support');
    assert.equal((await support.get('/admin/discounts')).status, 403);
    assert.equal((await support.postForm('/admin/discounts', [...e, ['_csrf', await support.csrf('/admin/orders')]])).status, 403);
    assert.deepEqual(await rows(), before);
    assert.equal((await c.get('/admin/discounts/9999')).status, 404);
  });
});
