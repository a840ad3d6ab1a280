import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';
import type { ProductView } from '../catalog/index.ts';
import { setOnHand } from '../inventory/index.ts';
import { TEST_CARDS } from '../payments/index.ts';
import { makeProduct } from './test-fixtures.ts';
import { ADDRESS, formEntries, inputValue, SHOPPER_ENV, setEntry, ShopClient, shopperWithCart, textOf } from './test-client.ts';

describe('checkout', () => {
  let shop: TestShop;
  let mug: ProductView;
  const variant = () => mug.variants[0]!;
  before(async () => {
    shop = await startTestShop(SHOPPER_ENV);
    mug = await makeProduct(shop, {
      handle: 'tasse-caisse',
      translations: { fr: { title: 'Tasse de caisse', description: '' }, en: { title: 'Checkout mug', description: '' } },
      variants: [{ sku: 'CAISSE-1', options: ['Bleu'], price: { amount: 1800, currency: 'EUR' }, onHand: 50 }],
    });
  });
  after(() => shop.close());

  const db = () => shop.services.conn.db;
  const level = () => db().selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', variant().id).executeTakeFirstOrThrow();
  const orderCount = async () => Number((await db().selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  /** The checkout form as the page shows it, filled in with `changes`, ready to post. */
  async function filled(client: ShopClient, changes: Record<string, string> = ADDRESS, locale = 'en') {
    const page = await client.page(`/${locale}/checkout`);
    assert.equal(page.status, 200);
    const entries = formEntries(page.html, 'checkout-form');
    for (const [k, v] of Object.entries(changes)) setEntry(entries, k, v);
    return entries;
  }
  const place = (client: ShopClient, entries: [string, string][], locale = 'en') => client.post(`/${locale}/checkout`, [...entries, ['action', 'place']]);

  it('shows one page with address, shipping, summary with VAT, payment and terms, never stored', async () => {
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 2);
    const page = await client.page('/en/checkout');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    assert.match(page.html, /<meta name="robots" content="noindex, follow"\/>/);
    for (const name of ['email', 'name', 'line1', 'line2', 'postalCode', 'city', 'phone', 'discountCode', 'cardNumber', 'password']) {
      assert.match(page.html, new RegExp(`<label for="checkout-${name}">`), name);
      assert.match(page.html, new RegExp(`<input id="checkout-${name}" name="${name}"`), name);
    }
    assert.match(page.html, /<select id="checkout-country" name="country"[^>]*>.*<option value="FR" selected>France<\/option>/);
    assert.match(page.html, /<option value="DE">Germany<\/option>/);
    assert.match(page.html, /<input type="radio" id="checkout-shipping-\d+" name="shippingMethodId" value="\d+" checked required\/><label for="checkout-shipping-\d+">Colissimo — France — €5\.90<\/label>/);
    assert.match(page.html, /<input type="radio" id="checkout-payment-test" name="paymentProvider" value="test" checked required\/>/);
    assert.match(page.html, /checkout-payment-bank_transfer/);
    assert.match(page.html, /checkout-payment-cod/);
    assert.match(page.html, /use the test card 4242 4242 4242 4242/);
    assert.match(page.html, /<th scope="row">Subtotal<\/th><td>€36\.00<\/td>/);
    assert.match(page.html, /<th scope="row">Shipping<\/th><td>€5\.90<\/td>/);
    assert.match(page.html, /<th scope="row">Total<\/th><td>€41\.90<\/td>/);
    assert.match(page.html, /<th scope="row">incl\. VAT 20%<\/th><td>€6\.98<\/td>/);
    assert.match(page.html, /<button type="submit" name="action" value="place" class="primary" id="checkout-submit">Place order<\/button>/);
    assert.match(inputValue(page.html, 'checkoutKey') ?? '', /^[A-Za-z0-9_-]{24}$/);
    const fr = await client.page('/fr/checkout');
    assert.match(fr.html, /<option value="DE">Allemagne<\/option>/);
    assert.match(fr.html, /<th scope="row">dont TVA 20\u00a0%<\/th>/);
    assert.match(fr.html, /Commander<\/button>/);
  });

  it('sends an empty or missing cart back to the cart page', async () => {
    const client = new ShopClient(shop.url);
    const r = await client.fetch('/en/checkout');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/en/cart');
  });

  it('places an order with the test card: 303 to its page, stock sold, confirmation queued', async () => {
    const before = await level();
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 2);
    const res = await place(client, await filled(client));
    assert.equal(res.status, 303);
    const location = res.headers.get('location')!;
    assert.match(location, /^\/en\/orders\/\d+\?token=[A-Za-z0-9_-]+&placed=1$/);
    const id = Number(/orders\/(\d+)/.exec(location)![1]);
    const order = await shop.services.orders.get(id);
    assert.equal(order!.status, 'paid');
    assert.equal(order!.email, 'camille@example.com');
    assert.deepEqual(await level(), { on_hand: before.on_hand - 2, reserved: 0 });
    const mail = await db().selectFrom('outbox').select('topic').where('dedupe_key', '=', `order-confirmation:${id}`).execute();
    assert.deepEqual(mail, [{ topic: 'email.order_confirmation' }]);
    const page = await client.page(location);
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('cache-control'), 'private, no-store');
    assert.match(page.html, /<meta name="robots" content="noindex, follow"\/>/);
    assert.equal(textOf(page.html, 'order-heading'), 'Thank you for your order!');
    assert.equal(textOf(page.html, 'order-number'), String(order!.number));
    assert.equal(textOf(page.html, 'order-status'), 'Paid, being prepared');
    assert.match(page.html, /Checkout mug<span class="muted"> \(Bleu\)<\/span><span class="muted"> 2 × €18\.00<\/span>/);
    assert.match(page.html, /<th scope="row">Total<\/th><td>€41\.90<\/td>/);
    assert.match(page.html, /<th scope="row">incl\. VAT 20%<\/th><td>€6\.98<\/td>/);
    assert.match(page.html, /<address>Camille Martin<br\/>12 rue des Lilas<br\/>69003 Lyon<br\/>France<br\/><\/address>/);
    // The cart is done: the header counts nothing, and the status page without the thanks is the e-mail's link.
    assert.equal(/<span class="cart-count">(\d+)<\/span>/.exec(page.html)![1], '0');
    const later = await new ShopClient(shop.url).page(location.replace('&placed=1', ''));
    assert.equal(textOf(later.html, 'order-heading'), `Order ${order!.number}`);
    await assertStockConsistent(db());
  });

  it('answers a double submission of the same form with the same order', async () => {
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 1);
    const entries = await filled(client);
    const before = await orderCount();
    const [a, b] = await Promise.all([place(client, entries), place(client, entries)]);
    const c = await place(client, entries);
    assert.deepEqual([a.status, b.status, c.status], [303, 303, 303]);
    assert.equal(b.headers.get('location'), a.headers.get('location'));
    assert.equal(c.headers.get('location'), a.headers.get('location'));
    assert.equal(await orderCount(), before + 1);
    await assertStockConsistent(db());
  });

  it('shows the form again with every message beside its field, and places nothing', async () => {
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 1);
    const before = [await orderCount(), await level()];
    const entries = await filled(client, { ...ADDRESS, email: 'not-an-email', postalCode: '7500', cardNumber: '1234' });
    const res = await place(client, entries.filter(([k]) => k !== 'terms'));
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const html = await res.text();
    assert.match(html, /<div class="error-summary" role="alert" tabindex="-1" id="error-summary"><p>Your order was not placed\. Please check:<\/p>/);
    for (const [name, message] of [
      ['email', 'Enter a valid e-mail address, such as name@example.com.'],
      ['postalCode', 'Not a valid postal code for this country (for example 75001)'],
      ['cardNumber', 'Enter a valid card number (test card 4242 4242 4242 4242).'],
      ['terms', 'Accept the terms of sale to place your order.'],
    ]) {
      assert.match(html, new RegExp(`<li><a href="#checkout-${name}">${message!.replace(/[.()]/g, '\\$&')}</a></li>`), `${name} in the summary`);
      assert.match(html, new RegExp(`<p class="field-error" id="checkout-${name}-error">${message!.replace(/[.()]/g, '\\$&')}</p>`), `${name} beside the field`);
      assert.match(html, new RegExp(`id="checkout-${name}"[^>]*aria-invalid="true"`), `${name} marked invalid`);
    }
    // What was typed stays, except the card number and password, which never go back into a page.
    assert.equal(inputValue(html, 'name'), 'Camille Martin');
    assert.equal(inputValue(html, 'email'), 'not-an-email');
    assert.equal(inputValue(html, 'cardNumber'), '');
    assert.deepEqual([await orderCount(), await level()], before);
    const fr = await place(client, (await filled(client, { ...ADDRESS, email: 'x' }, 'fr')).filter(([k]) => k !== 'terms'), 'fr');
    const frHtml = await fr.text();
    assert.match(frHtml, /Indiquez une adresse e-mail valide/);
    assert.match(frHtml, /Acceptez les conditions générales de vente pour commander\./);
    assert.equal(await orderCount(), before[0]);
  });

  it('shows a declined card, releases the stock, and takes the good card on the next try', async () => {
    const before = await level();
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 3);
    const entries = await filled(client, { ...ADDRESS, cardNumber: TEST_CARDS.declined });
    const declined = await place(client, entries);
    assert.equal(declined.status, 402);
    const html = await declined.text();
    assert.match(html, /<p class="field-error" id="checkout-paymentProvider-error">Your payment was declined \(card refused\)\. Nothing was charged/);
    assert.deepEqual(await level(), before, 'the stock is released');
    const retry = formEntries(html, 'checkout-form');
    assert.notEqual(retry.find(([k]) => k === 'checkoutKey')![1], entries.find(([k]) => k === 'checkoutKey')![1], 'a new key for a new attempt');
    setEntry(retry, 'cardNumber', TEST_CARDS.success);
    setEntry(retry, 'terms', '1');
    const ok = await place(client, retry);
    assert.equal(ok.status, 303);
    const id = Number(/orders\/(\d+)/.exec(ok.headers.get('location')!)![1]);
    assert.equal((await shop.services.orders.get(id))!.status, 'paid');
    assert.deepEqual(await level(), { on_hand: before.on_hand - 3, reserved: 0 });
    // The declined form submitted once more gets the same answer (its key is spent), and places nothing more.
    const count = await orderCount();
    const again = await place(client, entries);
    assert.equal(again.status, 402);
    assert.match(await again.text(), /Your payment was declined/);
    assert.equal(await orderCount(), count);
    await assertStockConsistent(db());
  });

  it('lists the lines short of stock when someone else bought first', async () => {
    const scarce = await makeProduct(shop, {
      handle: 'tasse-rare',
      translations: { fr: { title: 'Tasse rare', description: '' }, en: { title: 'Rare mug', description: '' } },
      variants: [{ sku: 'RARE-1', options: ['Or'], price: { amount: 5000, currency: 'EUR' }, onHand: 5 }],
    });
    const client = await shopperWithCart(shop, 'tasse-rare', scarce.variants[0]!.id, 4);
    const entries = await filled(client);
    await setOnHand(db(), scarce.variants[0]!.id, 2, { reason: 'test' });
    const before = await orderCount();
    const res = await place(client, entries);
    assert.equal(res.status, 409);
    const html = await res.text();
    assert.match(html, /<li>Only 2 left of Rare mug \(Or\): lower the quantity in your cart\.<\/li>/);
    assert.equal(await orderCount(), before);
    await assertStockConsistent(db());
  });

  it('applies a discount code to the totals, and keeps it on the order', async () => {
    await shop.services.discounts.create({ code: 'BIENVENUE10', kind: 'percentage', value: 1000, minSubtotal: 0, startsAt: null, endsAt: null, usageLimit: null, active: true });
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 2);
    const entries = await filled(client, { ...ADDRESS, discountCode: 'bienvenue10' });
    const applied = await client.post('/en/checkout', [...entries, ['action', 'apply']]);
    assert.equal(applied.status, 200);
    const html = await applied.text();
    assert.match(html, /<p class="applied" role="status">Code BIENVENUE10 applied\.<\/p>/);
    assert.match(html, /<th scope="row">Discount \(BIENVENUE10\)<\/th><td>−€3\.60<\/td>/);
    assert.match(html, /<th scope="row">Total<\/th><td>€38\.30<\/td>/);
    const unknown = await client.post('/en/checkout', [...setEntry(formEntries(html, 'checkout-form'), 'discountCode', 'NOPE'), ['action', 'apply']]);
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /<p class="field-error" id="checkout-discountCode-error">This code does not exist<\/p>/);
    const res = await place(client, setEntry(setEntry(formEntries(html, 'checkout-form'), 'cardNumber', TEST_CARDS.success), 'terms', '1'));
    assert.equal(res.status, 303);
    const page = await client.page(res.headers.get('location')!);
    assert.match(page.html, /Discount \(BIENVENUE10\)<\/th><td>−€3\.60<\/td>/);
    assert.match(page.html, /<th scope="row">Total<\/th><td>€38\.30<\/td>/);
  });

  it('recalculates shipping methods and VAT for another country, keeping what was typed', async () => {
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 1);
    const entries = await filled(client, { ...ADDRESS, country: 'DE', postalCode: '10115', city: 'Berlin' });
    const res = await client.post('/en/checkout', [...entries, ['action', 'refresh']]);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /<option value="DE" selected>Germany<\/option>/);
    assert.match(html, /Colissimo — Europe — €12\.90<\/label>/);
    assert.doesNotMatch(html, /Colissimo — France/);
    assert.match(html, /<th scope="row">incl\. VAT 19%<\/th>/);
    assert.equal(inputValue(html, 'city'), 'Berlin');
    assert.doesNotMatch(html, /error-summary/, 'recalculating is not an error');
    // A method of the former country is refused when placing the order for this one.
    const france = /value="(\d+)"[^>]*\/><label[^>]*>Colissimo — France/.exec((await client.page('/en/checkout')).html)![1]!;
    const wrong = await place(client, setEntry(setEntry(formEntries(html, 'checkout-form'), 'shippingMethodId', france), 'cardNumber', TEST_CARDS.success).concat([['terms', '1']]));
    assert.equal(wrong.status, 400);
    assert.match(await wrong.text(), /Choose one of the shipping methods listed\./);
  });

  it('refuses a checkout post without its CSRF token and places nothing', async () => {
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 1);
    const entries = (await filled(client)).filter(([k]) => k !== '_csrf');
    const before = await orderCount();
    const res = await place(client, entries);
    assert.equal(res.status, 403);
    assert.equal(await orderCount(), before);
  });

  it('answers 404 for an order page with a wrong or missing token', async () => {
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 1);
    const res = await place(client, await filled(client));
    const location = res.headers.get('location')!;
    const id = /orders\/(\d+)/.exec(location)![1];
    for (const path of [`/en/orders/${id}`, `/en/orders/${id}?token=wrong-token-123`, `/en/orders/${id}?token=`, `/en/orders/abc?token=x`, location.replace(/orders\/\d+/, 'orders/999999')]) {
      const r = await new ShopClient(shop.url).page(path);
      assert.equal(r.status, 404, path);
      assert.match(r.html, /Page not found/);
    }
    assert.equal((await new ShopClient(shop.url).page(location)).status, 200);
  });

  it('shows payment instructions for a bank transfer', async () => {
    const client = await shopperWithCart(shop, 'tasse-caisse', variant().id, 1);
    const res = await place(client, await filled(client, { ...ADDRESS, paymentProvider: 'bank_transfer', cardNumber: '' }), 'fr');
    assert.equal(res.status, 303);
    const page = await client.page(res.headers.get('location')!.replace('/en/', '/fr/'));
    assert.equal(textOf(page.html, 'order-status'), 'En attente de paiement');
    assert.match(textOf(page.html, 'payment-instructions') ?? '', /^Virement à IBAN .*, référence VIR-\d+\.$/);
  });
});
