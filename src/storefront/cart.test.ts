import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import type { ProductView } from '../catalog/index.ts';
import { setOnHand } from '../inventory/index.ts';
import { makeProduct } from './test-fixtures.ts';
import { formEntries, inputValue, SHOPPER_ENV, setEntry, ShopClient, shopperWithCart, uncheck } from './test-client.ts';

describe('cart', () => {
  let shop: TestShop;
  let mug: ProductView;
  let gone: ProductView;
  const blue = () => mug.variants[0]!;
  const red = () => mug.variants[1]!;
  before(async () => {
    shop = await startTestShop(SHOPPER_ENV);
    mug = await makeProduct(shop, {
      handle: 'tasse-cart',
      translations: { fr: { title: 'Tasse du panier', description: '' }, en: { title: 'Cart mug', description: '' } },
    });
    gone = await makeProduct(shop, { handle: 'tasse-retiree' });
  });
  after(() => shop.close());

  const linesOf = async (client: ShopClient) => {
    const id = /^([^.]+)\./.exec(decodeURIComponent(client.cookies.get('cart') ?? ''))?.[1];
    const cart = id ? await shop.services.cart.get(id, 'en') : null;
    return cart?.lines.map((l) => [l.variantId, l.quantity]) ?? [];
  };
  const count = (html: string) => Number(/<span class="cart-count">(\d+)<\/span>/.exec(html)?.[1]);

  it('adds from the product page: a signed cookie, a 303 to the cart, the line and the header count', async () => {
    const client = new ShopClient(shop.url);
    const product = await client.page('/en/products/tasse-cart');
    assert.equal(client.lastSetCookies.length, 0, 'the shared product page sets no cookie');
    const res = await client.submit('/en/products/tasse-cart', 'add-to-cart', { quantity: '2' }, product.html);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/en/cart');
    const cookie = client.lastSetCookies.find((c) => c.startsWith('cart='));
    assert.match(cookie ?? '', /^cart=[A-Za-z0-9_-]+\.[^;]+; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    // The count for the shared pages' header badge: readable by the page script, so not HttpOnly.
    const countCookie = client.lastSetCookies.find((c) => c.startsWith('cart_count='));
    assert.match(countCookie ?? '', /^cart_count=2; Max-Age=2592000; Path=\/; SameSite=Lax$/);
    const cart = await client.page('/en/cart');
    assert.equal(cart.status, 200);
    assert.equal(cart.headers.get('cache-control'), 'private, no-store');
    assert.match(cart.html, /<meta name="robots" content="noindex, follow"\/>/);
    assert.equal(count(cart.html), 2);
    assert.match(cart.html, /<a href="\/en\/products\/tasse-cart\?variant=\d+">Cart mug<\/a>/);
    assert.match(cart.html, /<p class="muted">Bleu<\/p>/);
    assert.match(cart.html, /<span>Subtotal<\/span> <strong>€36\.00<\/strong>/);
    assert.match(cart.html, /Shipping and the VAT details are computed at checkout/);
    assert.match(cart.html, /<a id="checkout-button" class="button primary" href="\/en\/checkout">Checkout<\/a>/);
    // Adding again goes to the same line of the same cart; other pages show the count and stay private.
    await client.submit('/en/products/tasse-cart', 'add-to-cart', { quantity: '1' });
    assert.deepEqual(await linesOf(client), [[blue().id, 3]]);
    assert.equal(client.cookies.get('cart_count'), '3');
    const home = await client.page('/fr/');
    assert.match(home.html, /<span class="cart-count" data-from-cookie="cart_count"><\/span>/);
    assert.match(home.headers.get('cache-control') ?? '', /^public, /);
  });

  it('ignores a forged or unsigned cart cookie, and never touches the cart it names', async () => {
    const victim = await shop.services.cart.create('en');
    await shop.services.cart.addLine(victim, blue().id, 1);
    for (const forged of [victim, `${victim}.bm90LWEtc2lnbmF0dXJl`, 'x'.repeat(30)]) {
      const client = new ShopClient(shop.url);
      client.cookies.set('cart', forged);
      const cart = await client.page('/en/cart');
      assert.match(cart.html, /Your cart is empty/, forged);
      assert.equal(count(cart.html), 0);
      const res = await client.submit('/en/products/tasse-cart', 'add-to-cart', { quantity: '2' });
      assert.equal(res.status, 303);
      assert.notEqual(client.cookies.get('cart'), forged, 'a new, signed cart replaces it');
    }
    assert.deepEqual((await shop.services.cart.get(victim, 'en'))!.lines.map((l) => l.quantity), [1]);
  });

  it('changes a quantity, removes with 0 and with the remove button', async () => {
    const client = await shopperWithCart(shop, 'tasse-cart', blue().id, 1);
    await setOnHand(shop.services.conn.db, red().id, 4, { reason: 'test' });
    await shopperWithCartAdd(client, red().id, 1);
    const cart = await client.page('/en/cart');
    const [first, second] = [...cart.html.matchAll(/<form id="line-form-(\d+)"/g)].map((m) => m[1]!);
    let res = await client.submit('/en/cart', `line-form-${first}`, { quantity: '3' }, cart.html);
    assert.equal(res.status, 303);
    assert.deepEqual(await linesOf(client), [[blue().id, 3], [red().id, 1]]);
    res = await client.submit('/en/cart', `line-form-${second}`, { quantity: '0' });
    assert.equal(res.status, 303);
    assert.deepEqual(await linesOf(client), [[blue().id, 3]]);
    res = await client.submit('/en/cart', `remove-form-${first}`);
    assert.equal(res.status, 303);
    const empty = await client.page('/en/cart');
    assert.match(empty.html, /Your cart is empty/);
    assert.equal(count(empty.html), 0);
  });

  async function shopperWithCartAdd(client: ShopClient, variantId: number, quantity: number) {
    const res = await client.submit(`/en/products/tasse-cart?variant=${variantId}`, 'add-to-cart', { quantity: String(quantity) });
    assert.equal(res.status, 303);
  }

  it('refuses bad quantities and variants that cannot be sold, on the product page, and changes nothing', async () => {
    await setOnHand(shop.services.conn.db, blue().id, 5, { reason: 'test' });
    await setOnHand(shop.services.conn.db, red().id, 0, { reason: 'test' });
    await shop.services.catalog.products.archive(gone.id, TEST_ACTOR);
    const client = await shopperWithCart(shop, 'tasse-cart', blue().id, 1);
    const cases: [string, Record<string, string>, number, RegExp][] = [
      ['zero', { quantity: '0' }, 400, /Enter a whole number from 1 to 99\./],
      ['negative', { quantity: '-1' }, 400, /Enter a whole number from 1 to 99\./],
      ['fractional', { quantity: '1.5' }, 400, /Enter a whole number from 1 to 99\./],
      ['huge', { quantity: '1000000000000' }, 400, /Enter a whole number from 1 to 99\./],
      ['not a number', { quantity: 'deux' }, 400, /Enter a whole number from 1 to 99\./],
      // 5 in stock, 1 already in the cart: the service counts the cart's units with the new ones.
      ['more than in stock', { quantity: '5' }, 409, /Sorry, only 5 left: choose a smaller quantity\./],
      ['sold out', { quantity: '1', variantId: String(red().id) }, 409, /Sorry, this item is sold out\./],
      ['unknown variant', { quantity: '1', variantId: '999999' }, 400, /Sorry, this product is no longer for sale\./],
      ['archived product', { quantity: '1', variantId: String(gone.variants[0]!.id), handle: 'tasse-retiree' }, 400, /Sorry, this product is no longer for sale\./],
    ];
    for (const [name, changes, status, message] of cases) {
      const res = await client.submit('/en/products/tasse-cart', 'add-to-cart', changes);
      const html = await res.text();
      assert.equal(res.status, status, name);
      assert.match(html, message, name);
      assert.equal(res.headers.get('cache-control'), 'private, no-store', name);
      assert.deepEqual(await linesOf(client), [[blue().id, 1]], `${name}: nothing changed`);
    }
    // Shown beside the quantity, on the product page, with what was typed.
    const res = await client.submit('/en/products/tasse-cart', 'add-to-cart', { quantity: '1.5' });
    const html = await res.text();
    assert.match(html, /<h1>Cart mug<\/h1>/);
    assert.match(html, /aria-invalid="true" aria-describedby="add-to-cart-error"/);
    assert.match(html, /<p class="field-error" id="add-to-cart-error" role="alert">/);
    assert.equal(inputValue(html, 'quantity'), '1.5');
    // A first add that fails sets no cart cookie.
    const fresh = new ShopClient(shop.url);
    const refused = await fresh.submit(`/fr/products/tasse-cart?variant=${red().id}`, 'add-to-cart', { quantity: '1' });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /Désolé, cet article est épuisé\./);
    assert.equal(fresh.cookies.get('cart'), undefined);
  });

  it('refuses bad quantities on the cart page with the message beside the line, and changes nothing', async () => {
    await setOnHand(shop.services.conn.db, blue().id, 5, { reason: 'test' });
    const client = await shopperWithCart(shop, 'tasse-cart', blue().id, 2);
    const cart = await client.page('/en/cart');
    const line = /<form id="line-form-(\d+)"/.exec(cart.html)![1]!;
    for (const [quantity, status, message] of [
      ['-1', 400, /Enter a whole number from 0 to 99 \(0 removes the item\)\./],
      ['1.5', 400, /Enter a whole number from 0 to 99/],
      ['100', 400, /Enter a whole number from 0 to 99/],
      ['', 400, /Enter a whole number from 0 to 99/],
      ['6', 409, /Sorry, only 5 left/],
    ] as const) {
      const res = await client.submit('/en/cart', `line-form-${line}`, { quantity }, cart.html);
      const html = await res.text();
      assert.equal(res.status, status, quantity);
      assert.match(html, message, quantity);
      assert.match(html, new RegExp(`<p class="field-error" id="qty-${line}-error">`), quantity);
      assert.deepEqual(await linesOf(client), [[blue().id, 2]], `${quantity}: nothing changed`);
    }
    const unknown = await client.post('/en/cart/lines/999999', setEntry(formEntries(cart.html, `line-form-${line}`), 'quantity', '1'));
    assert.equal(unknown.status, 404);
    assert.match(await unknown.text(), /This item is no longer in your cart\./);
    const other = await shopperWithCart(shop, 'tasse-cart', blue().id, 1);
    const stranger = await other.post(`/en/cart/lines/${line}/remove`, formEntries((await other.page('/en/cart')).html, `remove-form-${/<form id="remove-form-(\d+)"/.exec((await other.page('/en/cart')).html)![1]}`));
    assert.equal(stranger.status, 404, 'another shopper cannot remove this line');
    assert.deepEqual(await linesOf(client), [[blue().id, 2]]);
  });

  it('refuses posts without the right CSRF token with a friendly 403, and changes nothing', async () => {
    const client = await shopperWithCart(shop, 'tasse-cart', blue().id, 1);
    const cart = await client.page('/en/cart');
    const line = /<form id="line-form-(\d+)"/.exec(cart.html)![1]!;
    const attempts: [string, [string, string][]][] = [
      [`/en/cart/lines/${line}`, setEntry(uncheck(formEntries(cart.html, `line-form-${line}`), '_csrf'), 'quantity', '4')],
      [`/en/cart/lines/${line}/remove`, uncheck(formEntries(cart.html, `remove-form-${line}`), '_csrf')],
      [`/en/cart/lines/${line}/remove`, setEntry(formEntries(cart.html, `remove-form-${line}`), '_csrf', 'forged-token-forged-token')],
    ];
    for (const [path, entries] of attempts) {
      const res = await client.post(path, entries);
      assert.equal(res.status, 403, path);
      const html = await res.text();
      assert.match(html, /<h1>This form has expired<\/h1>/);
      assert.match(html, /nothing was changed/);
    }
    // A token from another browser's cart page does not match this browser's cookie.
    const other = await shopperWithCart(shop, 'tasse-cart', blue().id, 1);
    const otherToken = inputValue((await other.page('/en/cart')).html, '_csrf')!;
    const res = await client.post(`/en/cart/lines/${line}/remove`, setEntry(formEntries(cart.html, `remove-form-${line}`), '_csrf', otherToken));
    assert.equal(res.status, 403);
    assert.deepEqual(await linesOf(client), [[blue().id, 1]]);
  });

  it('refuses an add to cart posted from another site, whatever cookies the browser sends along', async () => {
    const client = await shopperWithCart(shop, 'tasse-cart', blue().id, 1);
    const product = await client.page('/en/products/tasse-cart');
    const form = formEntries(product.html, 'add-to-cart');
    const crossSite: [string, Record<string, string>][] = [
      ['another origin', { origin: 'https://evil.example' }],
      ['a look-alike origin', { origin: `${shop.url}.evil.example` }],
      ['an opaque origin', { origin: 'null', referer: `${shop.url}/en/products/tasse-cart` }],
      ['no origin, a cross-site referer', { origin: '', referer: 'https://evil.example/page' }],
      ['neither origin nor referer', { origin: '' }],
    ];
    for (const [name, headers] of crossSite) {
      const res = await client.post('/en/cart/add', form, headers);
      assert.equal(res.status, 403, name);
      assert.match(await res.text(), /<h1>This form has expired<\/h1>/, name);
      assert.equal(res.headers.get('cache-control'), 'private, no-store', name);
    }
    assert.deepEqual(await linesOf(client), [[blue().id, 1]], 'nothing was added');
    // From the shop's own pages: by Origin, or by Referer when a browser sends no Origin.
    assert.equal((await client.post('/en/cart/add', form, { origin: shop.url })).status, 303);
    assert.equal((await client.post('/en/cart/add', form, { origin: '', referer: `${shop.url}/en/products/tasse-cart` })).status, 303);
    assert.deepEqual(await linesOf(client), [[blue().id, 3]]);
    assert.equal(client.cookies.get('cart_count'), '3');
  });

  it('warns about lines no longer for sale or over the stock left', async () => {
    const other = await makeProduct(shop, { handle: 'tasse-bientot-retiree', translations: { fr: { title: 'Tasse fragile', description: '' }, en: { title: 'Fragile mug', description: '' } } });
    await setOnHand(shop.services.conn.db, blue().id, 5, { reason: 'test' });
    const client = await shopperWithCart(shop, 'tasse-cart', blue().id, 4);
    const res = await client.submit(`/en/products/tasse-bientot-retiree`, 'add-to-cart', { quantity: '1' });
    assert.equal(res.status, 303);
    await setOnHand(shop.services.conn.db, blue().id, 2, { reason: 'test' });
    await shop.services.catalog.products.archive(other.id, TEST_ACTOR);
    const cart = await client.page('/en/cart');
    assert.match(cart.html, /<p class="line-warning" id="warn-\d+">Only 2 left of Cart mug: lower the quantity to check out\.<\/p>/);
    assert.match(cart.html, /Fragile mug is no longer for sale: remove it to check out\./);
    await setOnHand(shop.services.conn.db, blue().id, 0, { reason: 'test' });
    assert.match((await client.page('/fr/cart')).html, /Tasse du panier est épuisé\u00a0: retirez-le pour commander\./);
    await setOnHand(shop.services.conn.db, blue().id, 5, { reason: 'test' });
  });
});
