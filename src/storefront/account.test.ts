import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import type { ProductView } from '../catalog/index.ts';
import { makeProduct } from './test-fixtures.ts';
import { ADDRESS, formEntries, inputValue, SHOPPER_ENV, setEntry, ShopClient, shopperWithCart } from './test-client.ts';

const PASSWORD = 'un mot de passe solide';

describe('customer account', () => {
  let shop: TestShop;
  let mug: ProductView;
  before(async () => {
    shop = await startTestShop({ ...SHOPPER_ENV, LOGIN_RATE_LIMIT: '6' });
    mug = await makeProduct(shop, { handle: 'tasse-compte', translations: { fr: { title: 'Tasse du compte', description: '' }, en: { title: 'Account mug', description: '' } } });
  });
  after(() => shop.close());

  async function checkout(client: ShopClient, changes: Record<string, string>) {
    const entries = formEntries((await client.page('/en/checkout')).html, 'checkout-form');
    for (const [k, v] of Object.entries(changes)) setEntry(entries, k, v);
    return client.post('/en/checkout', [...entries, ['action', 'place']]);
  }

  async function logIn(client: ShopClient, email: string, password: string, next?: string) {
    const page = await client.page(`/en/account/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    return client.submit('/en/account/login', 'account-login-form', { email, password }, page.html);
  }

  it('creates an account with the order; logging in later lists the order with its status link', async () => {
    const buyer = await shopperWithCart(shop, 'tasse-compte', mug.variants[0]!.id, 1);
    const placed = await checkout(buyer, { ...ADDRESS, email: 'lea@example.com', createAccount: '1', password: PASSWORD });
    assert.equal(placed.status, 303);
    const orderUrl = placed.headers.get('location')!.replace('&placed=1', '');
    assert.ok(buyer.cookies.get('customer'), 'the new account is logged in');
    const mine = await buyer.page('/en/account');
    assert.match(mine.html, /Hello Camille Martin \(lea@example\.com\)/);

    const later = new ShopClient(shop.url);
    const anonymous = await later.fetch('/en/account');
    assert.equal(anonymous.status, 303);
    assert.equal(anonymous.headers.get('location'), '/en/account/login');
    const login = await logIn(later, 'LEA@example.com', PASSWORD);
    assert.equal(login.status, 303);
    assert.equal(login.headers.get('location'), '/en/account');
    assert.match(later.lastSetCookies.find((c) => c.startsWith('customer=')) ?? '', /; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    const account = await later.page('/en/account');
    assert.equal(account.status, 200);
    assert.equal(account.headers.get('cache-control'), 'private, no-store');
    const link = orderUrl.replace(/&/g, '&amp;');
    assert.ok(account.html.includes(`<a href="${link}">Order `), 'the order links to its status page');
    assert.match(account.html, /Paid, being prepared/);
    assert.equal((await later.page(orderUrl)).status, 200);

    // Logged in, checkout knows the e-mail and files the next order under the account.
    const cart = await later.submit(`/en/products/tasse-compte`, 'add-to-cart', { quantity: '1' });
    assert.equal(cart.status, 303);
    const form = await later.page('/en/checkout');
    assert.equal(inputValue(form.html, 'email'), 'lea@example.com');
    assert.match(form.html, /Logged in as lea@example\.com\./);
    assert.doesNotMatch(form.html, /name="createAccount"/);
    const second = await checkout(later, { ...ADDRESS, email: 'lea@example.com' });
    assert.equal(second.status, 303);
    const orders = [...(await later.page('/en/account')).html.matchAll(/<a href="\/en\/orders\/(\d+)\?token=/g)].map((m) => m[1]);
    assert.equal(orders.length, 2);

    // Logging out ends the session on the server too.
    const token = later.cookies.get('customer')!;
    const out = await later.submit('/en/account', 'account-logout-form');
    assert.equal(out.status, 303);
    assert.equal(later.cookies.get('customer'), undefined);
    const stale = new ShopClient(shop.url);
    stale.cookies.set('customer', token);
    assert.equal((await stale.fetch('/en/account')).status, 303);
  });

  it('refuses a wrong password with the form again, and an account that already exists at checkout', async () => {
    const client = new ShopClient(shop.url);
    const wrong = await logIn(client, 'lea@example.com', 'not the password');
    assert.equal(wrong.status, 401);
    const html = await wrong.text();
    assert.match(html, /<p class="error-summary" role="alert">Wrong e-mail or password\.<\/p>/);
    assert.equal(inputValue(html, 'email'), 'lea@example.com');
    assert.equal(client.cookies.get('customer'), undefined);

    const buyer = await shopperWithCart(shop, 'tasse-compte', mug.variants[0]!.id, 1);
    const taken = await checkout(buyer, { ...ADDRESS, email: 'lea@example.com', createAccount: '1', password: PASSWORD });
    assert.equal(taken.status, 400);
    assert.match(await taken.text(), /<p class="field-error" id="checkout-createAccount-error">An account exists for this e-mail: log in instead<\/p>/);
    const short = await checkout(buyer, { ...ADDRESS, email: 'new@example.com', createAccount: '1', password: 'short' });
    assert.equal(short.status, 400);
    assert.match(await short.text(), /Choose a password of at least 10 characters\./);
  });

  it('goes back to checkout after logging in from it, and only to this shop', async () => {
    const client = new ShopClient(shop.url);
    const back = await logIn(client, 'lea@example.com', PASSWORD, '/en/checkout');
    assert.equal(back.headers.get('location'), '/en/checkout');
    const other = new ShopClient(shop.url);
    const away = await logIn(other, 'lea@example.com', PASSWORD, '//evil.example/');
    assert.equal(away.headers.get('location'), '/en/account');
  });

  it('rate-limits login attempts', async () => {
    const client = new ShopClient(shop.url);
    const page = (await client.page('/en/account/login')).html;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await client.submit('/en/account/login', 'account-login-form', { email: 'x@example.com', password: 'nope' }, page)).status);
    assert.ok(statuses.includes(429), `statuses: ${statuses.join(',')}`);
  });
});
