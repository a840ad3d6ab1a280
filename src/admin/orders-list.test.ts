import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { listOrders } from '../orders/admin-queries.ts';
import { fieldId } from './form-fields.tsx';
import { type AdminClient, loggedIn } from './test-client.ts';
import { placeOrder, stockedProduct } from './test-orders.ts';

/** The order numbers a list page shows, in order. */
const numbersOn = (html: string) => [...html.matchAll(/<a href="\/admin\/orders\/\d+">#(\d+)<\/a>/g)].map((m) => Number(m[1]));

describe('admin order list', () => {
  let shop: TestShop;
  let c: AdminClient;
  const placed: Record<'card' | 'bank' | 'cod' | 'quote' | 'percent', { id: number; number: number }> = {} as never;

  before(async () => {
    shop = await startTestShop({ WORKER: '0', LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
    const { variant } = await stockedProduct(shop.services, 100);
    const line = [{ variantId: variant.id, quantity: 1 }];
    placed.card = await placeOrder(shop.services, { lines: line, email: 'camille@example.com', name: 'Camille Martin' });
    placed.bank = await placeOrder(shop.services, { lines: line, provider: 'bank_transfer', email: 'Robert.Petit@Example.org', name: 'Robert Petit' });
    placed.cod = await placeOrder(shop.services, { lines: line, provider: 'cod', email: 'zoe@example.net', name: 'Zoé Durand' });
    placed.quote = await placeOrder(shop.services, { lines: line, email: 'quote@example.net', name: 'Jean "Jo" Back\\slash' });
    placed.percent = await placeOrder(shop.services, { lines: line, email: 'percent@example.net', name: 'Lin 100% Naturel' });
    // One order from last year, to filter by date.
    await shop.services.conn.db.updateTable('orders').set({ placed_at: '2024-01-15T10:00:00.000Z' }).where('id', '=', placed.card.id).execute();
  });
  after(() => shop.close());

  async function listed(query: string): Promise<number[]> {
    const res = await c.get(`/admin/orders${query}`);
    assert.equal(res.status, 200, query);
    return numbersOn(await res.text());
  }

  it('lists every order newest first with its customer, status, payment and total', async () => {
    const res = await c.get('/admin/orders');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.deepEqual(numbersOn(html), [placed.percent, placed.quote, placed.cod, placed.bank, placed.card].map((o) => o.number));
    assert.match(html, /5 orders/);
    assert.match(html, /Robert Petit<span class="muted handle">robert\.petit@example\.org<\/span>/);
    assert.match(html, /class="badge order-pending_payment">Awaiting payment</);
    assert.match(html, /class="badge order-paid">Paid</);
    assert.match(html, /Bank transfer/);
    assert.match(html, /Cash on delivery/);
    assert.match(html, /Jean &quot;Jo&quot; Back\\slash/, 'names are escaped');
    assert.match(html, /<a href="\/admin\/orders">Orders<\/a>|aria-current="page">Orders</);
  });

  it('filters by status and by payment method', async () => {
    assert.deepEqual(await listed('?status=pending_payment'), [placed.cod, placed.bank].map((o) => o.number));
    assert.deepEqual(await listed('?status=paid&payment=test'), [placed.percent, placed.quote, placed.card].map((o) => o.number));
    assert.deepEqual(await listed('?payment=cod'), [placed.cod.number]);
    assert.deepEqual(await listed('?status=cancelled'), []);
    assert.deepEqual(await listed('?status=&payment=&q=&from=&to='), (await listed('')), 'blank filters are no filters');
  });

  it('filters by the day an order was placed, both ends included', async () => {
    assert.deepEqual(await listed('?from=2024-01-15&to=2024-01-15'), [placed.card.number]);
    assert.deepEqual(await listed('?to=2024-12-31'), [placed.card.number]);
    assert.deepEqual(await listed('?from=2025-01-01&payment=bank_transfer'), [placed.bank.number]);
    assert.deepEqual(await listed('?from=2024-01-16&to=2024-12-31'), []);
  });

  it('searches by order number, e-mail and shipping name, in any case', async () => {
    assert.deepEqual(await listed(`?q=${placed.bank.number}`), [placed.bank.number]);
    assert.deepEqual(await listed(`?q=%23${placed.cod.number}`), [placed.cod.number]);
    assert.deepEqual(await listed('?q=robert.petit%40example'), [placed.bank.number]);
    assert.deepEqual(await listed('?q=EXAMPLE.NET'), [placed.percent, placed.quote, placed.cod].map((o) => o.number));
    assert.deepEqual(await listed('?q=camille+martin'), [placed.card.number]);
    assert.deepEqual(await listed('?q=Zo%C3%A9'), [placed.cod.number]);
    assert.deepEqual(await listed('?q=%22Jo%22'), [placed.quote.number], 'quotes as typed, though stored escaped in JSON');
    assert.deepEqual(await listed('?q=back%5Cslash'), [placed.quote.number], 'a backslash as typed');
    assert.deepEqual(await listed('?q=100%25'), [placed.percent.number], '% is a character, not a wildcard');
    assert.deepEqual(await listed('?q=_'), [], '_ is a character, not a wildcard');
    assert.deepEqual(await listed('?q=nobody'), []);
  });

  it('keeps the filters in the form and in the pager links', async () => {
    const html = await (await c.get('/admin/orders?status=paid&q=example')).text();
    assert.match(html, /<option value="paid" selected>Paid<\/option>/);
    assert.match(html, new RegExp(`id="${fieldId('q')}"[^>]*value="example"`));
  });

  it('shows a bad filter beside its input and lists nothing', async () => {
    for (const [query, field, message] of [
      ['?from=2024-13-01', 'from', /enter a date such as/],
      ['?to=yesterday', 'to', /enter a date such as/],
      ['?from=2024-02-01&to=2024-01-01', 'to', /must not come before/],
      ['?status=lost', 'status', /choose one of the listed values/],
      ['?payment=cheque', 'payment', /choose one of the listed values/],
    ] as const) {
      const res = await c.get(`/admin/orders${query}`);
      assert.equal(res.status, 400, query);
      const html = await res.text();
      assert.match(new RegExp(`id="${fieldId(field)}-error">([^<]*)<`).exec(html)?.[1] ?? '(none)', message, query);
      assert.deepEqual(numbersOn(html), []);
    }
    assert.equal((await c.get('/admin/orders?sort=total')).status, 400, 'unknown parameters are refused');
  });

  it('pages through many orders, 25 at a time, with a fixed number of statements', async () => {
    const { variant } = await stockedProduct(shop.services, 100);
    for (let i = 0; i < 22; i++) await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], email: `bulk${i}@example.com` });
    const first = await (await c.get('/admin/orders?q=example')).text();
    assert.equal(numbersOn(first).length, 25);
    assert.match(first, /27 orders/);
    assert.match(first, /Page 1 of 2/);
    assert.match(first, /rel="next" href="\/admin\/orders\?q=example&amp;page=2"/);
    const second = numbersOn(await (await c.get('/admin/orders?q=example&page=2')).text());
    assert.deepEqual(second, [placed.bank.number, placed.card.number]);

    for (const filter of [{}, { status: 'paid' as const, provider: 'test', placedFrom: '2020-01-01T00:00:00.000Z', placedBefore: '2100-01-01T00:00:00.000Z', text: '#1001' }]) {
      const before = shop.services.conn.queryCount();
      const page = await listOrders(shop.services.conn.db, { ...filter, page: 2, perPage: 10 });
      assert.equal(shop.services.conn.queryCount() - before, 2, 'one count and one page');
      assert.ok(page.total >= 0);
    }
  });

  it('lets support staff read orders but not packers', async () => {
    const support = await loggedIn(shop.url, shop.services, 'support');
    const res = await support.get('/admin/orders');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /href="\/admin\/orders"/);
    assert.doesNotMatch(html, /href="\/admin\/products"/, 'no links to pages the role cannot open');
    const packer = await loggedIn(shop.url, shop.services, 'packer');
    assert.equal((await packer.get('/admin/orders')).status, 403);
    assert.equal((await new (c.constructor as typeof AdminClient)(shop.url).get('/admin/orders')).status, 303, 'no session: to the login page');
  });
});
