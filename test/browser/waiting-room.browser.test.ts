import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ProductView } from '../../src/catalog/index.ts';
import { setOnHand } from '../../src/inventory/index.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../helpers/shop.ts';
import { horizontalOverflow, launchBrowser, PHONE, readable, screenshot, waitForText, watchPage } from './browser.ts';

// The checkout queue on phones, in a shop that lets one shopper into checkout at a time: the second
// shopper waits in the waiting room (place 1), and lands on the checkout page once the first one has
// ordered. Then the same without JavaScript, and a cart that sells out while its shopper waits.

const TITLE = 'Bougie parfumée';

describe('the waiting room on a phone', () => {
  let shop: TestShop;
  let browser: Browser;
  let product: ProductView;
  let productPath = '';
  /** Moves the admission clock (not the shop's): admissions lapse without waiting 15 minutes. */
  let skew = 0;

  before(async () => {
    // The delay limit is high so that a slow test machine does not close checkout by itself (gate.test.ts covers overload).
    [shop, browser] = await Promise.all([startTestShop({ ADMISSION_MAX_CHECKOUTS: '1', ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '2000', WORKER: '0' }), launchBrowser()]);
    shop.app.server.admission.clock = { now: () => Date.now() + skew };
    product = await shop.services.catalog.products.create(
      productInput({
        translations: { fr: { title: TITLE, description: 'Une bougie.' }, en: { title: 'Scented candle', description: 'A candle.' } },
        options: ['Parfum'],
        variants: [{ sku: 'CANDLE-FIG', options: ['Figue'], price: { amount: 2400, currency: 'EUR' }, onHand: 20 }],
      }),
      TEST_ACTOR,
    );
    productPath = `/fr/products/${product.handle}`;
  });

  after(async () => {
    await browser?.close();
    await shop?.close();
  });

  async function noSidewaysScroll(page: Page, what: string) {
    const o = await horizontalOverflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `the ${what} page scrolls sideways: ${o.scrollWidth}px wide on a ${o.innerWidth}px screen`);
  }

  /** A phone shopper with the candle in their cart, on the cart page. */
  async function shopperWithCart(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    await page.goto(shop.url + productPath);
    await Promise.all([page.waitForURL('**/fr/cart'), page.locator('#add-to-cart button[type=submit]').tap()]);
    return page;
  }

  const onWaitingRoom = (page: Page) => page.waitForURL((u) => u.pathname === '/waiting-room');

  test('a second shopper waits at place 1 and reaches checkout once the first has ordered', async () => {
    const first = await browser.newContext(PHONE);
    const second = await browser.newContext(PHONE);
    try {
      const a = await shopperWithCart(first);
      const watchA = watchPage(a);
      await a.goto(shop.url + '/fr/checkout');
      await a.locator('#checkout-form').waitFor();

      const b = await shopperWithCart(second);
      const watchB = watchPage(b);
      await b.goto(shop.url + '/fr/checkout');
      await onWaitingRoom(b);
      assert.equal(new URL(b.url()).searchParams.get('return'), '/fr/checkout');
      await b.getByRole('heading', { name: 'Vous êtes dans la file d’attente' }).waitFor();
      await waitForText(b, '#wr-position', '1');
      assert.match(readable(await b.locator('#wr-wait').textContent()), /^Attente estimée : (moins d’une minute|environ \d+ min)$/);
      assert.equal(await b.locator('#wr-sold-out').isVisible(), false);
      await noSidewaysScroll(b, 'waiting room');
      await screenshot(b, 'phone-waiting-room');

      // The first shopper orders: their place is given back.
      await a.locator('#checkout-email').fill('premiere@example.com');
      await a.locator('#checkout-name').fill('Camille Martin');
      await a.locator('#checkout-line1').fill('12 rue des Lilas');
      await a.locator('#checkout-postalCode').fill('69003');
      await a.locator('#checkout-city').fill('Lyon');
      await a.locator('input[name=shippingMethodId]').first().check();
      await a.locator('#checkout-payment-test').check();
      await a.locator('#checkout-cardNumber').fill('4242 4242 4242 4242');
      await a.locator('#checkout-terms').check();
      await Promise.all([a.waitForURL(/\/fr\/orders\/\d+\?token=[\w-]+&placed=1$/), a.locator('#checkout-submit').tap()]);
      assert.equal((await shop.app.server.admission.snapshot()).active, 0);

      // The page would ask again within seconds; a reload asks at once, and opens the checkout.
      await Promise.all([b.waitForURL(`${shop.url}/fr/checkout`), b.reload()]);
      await b.locator('#checkout-form').waitFor();
      assert.equal(readable(await b.locator('h1').first().textContent()), 'Commande');
      await noSidewaysScroll(b, 'checkout');
      await screenshot(b, 'phone-checkout-after-waiting-room');
      assert.deepEqual(watchA.problems(), []);
      assert.deepEqual(watchB.problems(), []);
    } finally {
      await first.close();
      await second.close();
    }
  });

  test('without JavaScript the waiting room shows the place from its address and a way back to checkout', async () => {
    // The second shopper of the test above holds the only place now.
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    try {
      const page = await shopperWithCart(context);
      const watch = watchPage(page);
      await page.goto(shop.url + '/fr/checkout');
      await onWaitingRoom(page);
      await waitForText(page, '#wr-position', '1');
      const note = page.locator('noscript p.wr-note');
      assert.equal(await note.isVisible(), true);
      assert.equal(readable(await note.textContent()), 'Cette page vérifie votre tour toutes les 10 secondes.');
      assert.equal(await page.locator('head noscript').innerHTML(), '<meta http-equiv="refresh" content="10;url=/fr/checkout">');
      await noSidewaysScroll(page, 'waiting room');
      await screenshot(page, 'phone-waiting-room-no-js');

      skew += 16 * 60_000; // the place holder's 15 minutes run out
      await Promise.all([page.waitForURL(`${shop.url}/fr/checkout`), page.getByRole('link', { name: 'Vérifier maintenant' }).tap()]);
      await page.locator('#checkout-form').waitFor();
      assert.deepEqual(watch.problems(), []);
    } finally {
      await context.close();
    }
  });

  test('a waiting shopper is told at once that the items in their cart sold out', async () => {
    const context = await browser.newContext(PHONE);
    const variantId = product.variants[0]!.id;
    try {
      const page = await shopperWithCart(context);
      const watch = watchPage(page);
      await page.goto(shop.url + '/fr/checkout');
      await onWaitingRoom(page);
      await waitForText(page, '#wr-position', '1');
      await setOnHand(shop.services.conn.db, variantId, 0, { reason: 'test: sold out during the wait' });
      await page.reload();
      const notice = page.locator('#wr-sold-out');
      await notice.waitFor({ state: 'visible' });
      assert.equal(readable(await notice.locator('h1').textContent()), 'Les articles de votre panier sont épuisés');
      assert.equal(await page.locator('#wr-queue').isVisible(), false);
      assert.equal(await notice.getByRole('link', { name: 'Retour à la boutique' }).getAttribute('href'), '/fr/');
      await noSidewaysScroll(page, 'sold-out waiting room');
      await screenshot(page, 'phone-waiting-room-sold-out');
      assert.deepEqual(watch.problems(), []);
    } finally {
      await setOnHand(shop.services.conn.db, variantId, 20, { reason: 'test' });
      await context.close();
    }
  });
});
