import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';
import { fieldId } from './form-fields.tsx';
import { type AdminClient, loggedIn } from './test-client.ts';
import { placeOrder, stockedProduct, stockOf } from './test-orders.ts';

describe('admin order page and actions', () => {
  let shop: TestShop;
  let owner: AdminClient;
  let ownerEmail: string;

  before(async () => {
    shop = await startTestShop({ WORKER: '0', LOGIN_RATE_LIMIT: '1000' });
    owner = await loggedIn(shop.url, shop.services);
    ownerEmail = decodeURIComponent(/Signed in as <\/span>([^<]+)</.exec(await (await owner.get('/admin/orders')).text())![1]!);
  });
  after(() => shop.close());

  const status = async (id: number) => (await shop.services.orders.get(id))!.status;
  const events = async (id: number) => (await shop.services.orders.history(id)).length;

  it('shows the lines, totals with VAT per rate, address, payment and history of an order', async () => {
    const { variant, backorderable } = await stockedProduct(shop.services, 10);
    const o = await placeOrder(shop.services, {
      lines: [
        { variantId: variant.id, quantity: 2 },
        { variantId: backorderable.id, quantity: 1 },
      ],
      provider: 'bank_transfer',
      name: 'Ada <b>Lovelace</b>',
    });
    const res = await owner.get(`/admin/orders/${o.id}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const html = await res.text();
    assert.match(html, new RegExp(`<h1>Order #${o.number}</h1>`));
    assert.match(html, /class="badge order-pending_payment">Awaiting payment</);
    assert.match(html, new RegExp(`<code>${variant.sku}</code>`));
    assert.match(html, /<td data-label="Variant">Bleu<\/td>/);
    assert.match(html, /<td class="num" data-label="Qty">2<\/td>/);
    assert.match(html, /<td class="num" data-label="Unit price">€18\.00<\/td>/);
    assert.match(html, /<td class="num" data-label="VAT">20%<\/td>/);
    assert.match(html, /<tr class="backordered">[\s\S]*?Backordered[\s\S]*?<code>[^<]*-RED<\/code>/, 'the backordered line is marked');
    assert.match(html, /<dt class="grand">Total<\/dt><dd class="grand">€61\.90<\/dd>/);
    assert.match(html, /incl\. VAT at 20%/);
    assert.match(html, /Ada &lt;b>Lovelace&lt;\/b><br\/>12 rue des Lilas/, 'the address is escaped');
    assert.match(html, /Colissimo — France/);
    assert.match(html, /Bank transfer/);
    assert.match(html, new RegExp(`<code>VIR-${o.number}</code>`));
    assert.match(html, /Stock held until /);
    assert.match(html, /<strong>Awaiting payment<\/strong> <span class="muted">by /, 'history starts with the placement');
    assert.match(html, /id="mark-paid-form"/);
    assert.match(html, /id="cancel-form"/);
  });

  it('marks a bank transfer order paid: the held stock is sold and the staff member is in the history', async () => {
    const { variant } = await stockedProduct(shop.services, 10);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 3 }], provider: 'bank_transfer' });
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 10, reserved: 3 });
    const res = await owner.postForm(`/admin/orders/${o.id}/mark-paid`, { _csrf: await owner.csrf(`/admin/orders/${o.id}`) });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/admin/orders/${o.id}?flash=paid`);
    assert.equal(await status(o.id), 'paid');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 7, reserved: 0 });
    const html = await (await owner.get(res.headers.get('location')!)).text();
    assert.match(html, /<p class="flash" role="status">Marked as paid\.<\/p>/);
    assert.match(html, new RegExp(`Awaiting payment → <strong>Paid</strong> <span class="muted">by ${ownerEmail.replace(/[.+]/g, '\\$&')}</span><span class="note">paid by bank_transfer</span>`));
    assert.match(html, new RegExp(`Paid · €[\\d.]+ · Bank transfer · <code>VIR-${o.number}</code>`), 'the payment is recorded');
    assert.doesNotMatch(html, /id="mark-paid-form"/);
    const outbox = await shop.services.conn.db.selectFrom('outbox').select('id').where('dedupe_key', '=', `order-confirmation:${o.id}`).execute();
    assert.equal(outbox.length, 1, 'only the confirmation sent at placement; marking paid sends none');

    const again = await owner.postForm(`/admin/orders/${o.id}/mark-paid`, { _csrf: await owner.csrf() });
    assert.equal(again.headers.get('location'), `/admin/orders/${o.id}?flash=already-paid`, 'a double click changes nothing');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 7, reserved: 0 });
    await assertStockConsistent(shop.services.conn.db);
  });

  it('marks a cash on delivery order paid', async () => {
    const { variant } = await stockedProduct(shop.services, 2);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], provider: 'cod' });
    const res = await owner.postForm(`/admin/orders/${o.id}/mark-paid`, { _csrf: await owner.csrf() });
    assert.equal(res.status, 303);
    assert.equal(await status(o.id), 'paid');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 1, reserved: 0 });
  });

  it('does not mark a card payment paid by hand', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], provider: 'bank_transfer' });
    // A card payment still waiting for the shopper (as Stripe leaves one) confirms itself through the provider.
    await shop.services.conn.db.updateTable('orders').set({ payment_provider: 'stripe' }).where('id', '=', o.id).execute();
    assert.doesNotMatch(await (await owner.get(`/admin/orders/${o.id}`)).text(), /id="mark-paid-form"/);
    const res = await owner.postForm(`/admin/orders/${o.id}/mark-paid`, { _csrf: await owner.csrf() });
    assert.equal(res.status, 409);
    assert.match(await res.text(), /card payments confirm themselves/);
    assert.equal(await status(o.id), 'pending_payment');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 5, reserved: 1 });
  });

  it('cancels a pending order: its held stock is released', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 2 }], provider: 'bank_transfer' });
    const res = await owner.postForm(`/admin/orders/${o.id}/cancel`, { _csrf: await owner.csrf(), reason: 'Customer asked by phone' });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/admin/orders/${o.id}?flash=cancelled`);
    assert.equal(await status(o.id), 'cancelled');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 5, reserved: 0 });
    const html = await (await owner.get(`/admin/orders/${o.id}?flash=cancelled`)).text();
    assert.match(html, /The order is cancelled\./);
    assert.match(html, /Awaiting payment → <strong>Cancelled<\/strong>[^<]*<span class="muted">by [^<]+<\/span><span class="note">Customer asked by phone<\/span>/);
    assert.doesNotMatch(html, /id="cancel-form"/);
    await assertStockConsistent(shop.services.conn.db);
  });

  it('cancels a paid order: its sold units go back into stock', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 2 }] });
    assert.equal(await status(o.id), 'paid');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 3, reserved: 0 });
    const page = await (await owner.get(`/admin/orders/${o.id}`)).text();
    assert.doesNotMatch(page, /id="mark-paid-form"/, 'a paid card order has nothing to mark');
    assert.match(page, /The sold units go back into stock/);
    const res = await owner.postForm(`/admin/orders/${o.id}/cancel`, { _csrf: await owner.csrf(), reason: 'Out of season' });
    assert.equal(res.status, 303);
    assert.equal(await status(o.id), 'cancelled');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 5, reserved: 0 });
    await assertStockConsistent(shop.services.conn.db);
  });

  it('refuses to cancel twice with a message on the order, and changes nothing', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], provider: 'bank_transfer' });
    const token = await owner.csrf();
    assert.equal((await owner.postForm(`/admin/orders/${o.id}/cancel`, { _csrf: token, reason: 'first' })).status, 303);
    const stock = await stockOf(shop.services, variant.id);
    const n = await events(o.id);
    const res = await owner.postForm(`/admin/orders/${o.id}/cancel`, { _csrf: token, reason: 'second' });
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /<p class="flash error" role="alert">order \d+ is cancelled: it is already cancelled<\/p>/);
    assert.match(html, /class="badge order-cancelled">Cancelled</);
    assert.equal(await events(o.id), n);
    assert.deepEqual(await stockOf(shop.services, variant.id), stock);

    const paid = await owner.postForm(`/admin/orders/${o.id}/mark-paid`, { _csrf: token });
    assert.equal(paid.status, 409, 'a cancelled order cannot be marked paid');
    assert.match(await paid.text(), /cannot be marked paid/);
    assert.equal(await status(o.id), 'cancelled');
    assert.deepEqual(await stockOf(shop.services, variant.id), stock);
  });

  it('asks for a reason before cancelling', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], provider: 'cod' });
    for (const reason of [undefined, '   ', 'x'.repeat(501)]) {
      const res = await owner.postForm(`/admin/orders/${o.id}/cancel`, reason === undefined ? { _csrf: await owner.csrf() } : { _csrf: await owner.csrf(), reason });
      assert.equal(res.status, 400);
      const html = await res.text();
      assert.match(new RegExp(`id="${fieldId('reason')}-error">([^<]*)<`).exec(html)?.[1] ?? '', reason?.length === 501 ? /under 500 characters/ : /say why/);
    }
    assert.equal(await status(o.id), 'pending_payment');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 5, reserved: 1 });
  });

  it('refuses actions without the form token and changes nothing', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], provider: 'bank_transfer' });
    for (const body of [{}, { _csrf: 'forged' }] as Record<string, string>[]) {
      const paid = await owner.postForm(`/admin/orders/${o.id}/mark-paid`, body);
      assert.equal(paid.status, 403);
      assert.match(await paid.text(), /This form had expired/);
      assert.equal((await owner.postForm(`/admin/orders/${o.id}/cancel`, { ...body, reason: 'csrf' })).status, 403);
    }
    assert.equal(await status(o.id), 'pending_payment');
    assert.equal(await events(o.id), 1);
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 5, reserved: 1 });
  });

  it('lets support staff read an order without the actions, and refuses their posts', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const o = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], provider: 'bank_transfer' });
    const support = await loggedIn(shop.url, shop.services, 'support');
    const res = await support.get(`/admin/orders/${o.id}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, new RegExp(`Order #${o.number}`));
    assert.doesNotMatch(html, /id="mark-paid-form"|id="cancel-form"/);
    const token = await support.csrf(`/admin/orders/${o.id}`);
    assert.equal((await support.postForm(`/admin/orders/${o.id}/cancel`, { _csrf: token, reason: 'not mine to cancel' })).status, 403);
    assert.equal((await support.postForm(`/admin/orders/${o.id}/mark-paid`, { _csrf: token })).status, 403);
    assert.equal(await status(o.id), 'pending_payment');
    assert.deepEqual(await stockOf(shop.services, variant.id), { on_hand: 5, reserved: 1 });
  });

  it('answers 404 for an order that does not exist', async () => {
    assert.equal((await owner.get('/admin/orders/999999')).status, 404);
    assert.equal((await owner.postForm('/admin/orders/999999/cancel', { _csrf: await owner.csrf(), reason: 'x' })).status, 404);
    assert.equal((await owner.get('/admin/orders/abc')).status, 400);
  });
});
