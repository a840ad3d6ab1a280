import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Browser, Page } from 'playwright-core';
import type { ProductView } from '../../src/catalog/index.ts';
import { TEST_CARDS } from '../../src/payments/index.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../helpers/shop.ts';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.ts';
import { assertStockConsistent } from '../helpers/stock.ts';
import { horizontalOverflow, launchBrowser, PHONE, readable, screenshot, waitForText, watchPage } from './browser.ts';

// The buying path as a shopper on a phone lives it: product -> cart -> checkout -> test card ->
// confirmation page, then the confirmation e-mail as a real SMTP server receives it from the worker,
// and its link opened in the browser. Real server, real SQLite file, real SMTP over loopback.

const TITLE = 'Lampe de chevet';
const GOOD_CARD = '4242 4242 4242 4242';
const DECLINED_CARD = '4000 0000 0000 0002';
const SHOPPER = { name: 'Camille Martin', line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon' };

describe('buying on a phone, with the confirmation e-mail sent over real SMTP', () => {
  let shop: TestShop;
  let smtp: TestSmtp;
  let browser: Browser;
  let product: ProductView;
  let productPath = '';

  before(async () => {
    [smtp, browser] = await Promise.all([startSmtp(), launchBrowser()]);
    // WORKER stays on (the default): the outbox delivers the confirmation right after the order commits.
    shop = await startTestShop({ SMTP_URL: smtp.url, MAIL_FROM: 'Boutique <shop@example.com>' });
    const { catalog } = shop.services;
    const collection = await catalog.collections.create(
      { position: 0, translations: { fr: { title: 'Maison', description: 'Pour la maison.' }, en: { title: 'Home', description: 'For the home.' } } },
      TEST_ACTOR,
    );
    const eur = (amount: number) => ({ amount, currency: 'EUR' });
    product = await catalog.products.create(
      productInput({
        translations: { fr: { title: TITLE, description: 'Une lampe en céramique.' }, en: { title: 'Bedside lamp', description: 'A ceramic lamp.' } },
        options: ['Couleur'],
        variants: [
          { sku: 'LAMP-SAND', options: ['Sable'], price: eur(3900), onHand: 10 },
          { sku: 'LAMP-GREEN', options: ['Vert'], price: eur(4500), onHand: 10 },
        ],
        collectionIds: [collection.id],
      }),
      TEST_ACTOR,
    );
    const png = await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#c9b58f' } }).png().toBuffer();
    await catalog.images.add(product.id, png, 'Lampe sable sur une table de nuit', TEST_ACTOR);
    productPath = `/fr/products/${product.handle}`;
  });

  after(async () => {
    await browser?.close();
    await shop?.close();
    await smtp?.close();
  });

  const db = () => shop.services.conn.db;
  const variant = (sku: string) => product.variants.find((v) => v.sku === sku)!;
  const onHand = async (sku: string) =>
    (await db().selectFrom('stock_levels').select('on_hand').where('variant_id', '=', variant(sku).id).executeTakeFirstOrThrow()).on_hand;
  const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

  async function noSidewaysScroll(page: Page, what: string) {
    const o = await horizontalOverflow(page);
    assert.ok(o.scrollWidth <= o.innerWidth, `the ${what} page scrolls sideways: ${o.scrollWidth}px wide on a ${o.innerWidth}px screen`);
  }

  /** Product page: picks `colour`, asks for 2, taps add to cart, and lands on the cart counting 2. */
  async function addTwo(page: Page, colour: string, price: string, shot: string) {
    await page.goto(shop.url + productPath);
    await page.getByRole('radio', { name: colour, exact: true }).check();
    await waitForText(page, '#variant-status .price-now', price);
    await page.waitForURL(new RegExp(`option1=${colour}`));
    const quantity = page.locator('#add-to-cart input[name=quantity]');
    if (await quantity.count()) await quantity.fill('2');
    await screenshot(page, `${shot}-1-product`);
    await Promise.all([page.waitForURL('**/fr/cart'), page.locator('#add-to-cart button[type=submit]').tap()]);
    assert.equal(readable(await page.locator('.cart-link .cart-count').textContent()), '2', 'the header counts the two items');
    assert.equal(readable(await page.locator('.cart-line-title').first().textContent()), TITLE);
    await noSidewaysScroll(page, 'cart');
    await screenshot(page, `${shot}-2-cart`);
  }

  /** Checkout page: contact, address (France kept), first shipping method, test card, terms. */
  async function fillCheckout(page: Page, email: string, card: string) {
    await page.locator('#checkout-email').fill(email);
    await page.locator('#checkout-name').fill(SHOPPER.name);
    await page.locator('#checkout-line1').fill(SHOPPER.line1);
    await page.locator('#checkout-postalCode').fill(SHOPPER.postalCode);
    await page.locator('#checkout-city').fill(SHOPPER.city);
    assert.equal(await page.locator('#checkout-country').inputValue(), 'FR');
    await page.locator('input[name=shippingMethodId]').first().check();
    await page.locator('#checkout-payment-test').check();
    await page.locator('#checkout-cardNumber').fill(card);
    await page.locator('#checkout-terms').check();
  }

  /** Taps "Commander" and waits for the order's confirmation page. */
  async function placeOrder(page: Page): Promise<{ id: number; token: string }> {
    await Promise.all([page.waitForURL(/\/fr\/orders\/\d+\?token=[\w-]+&placed=1$/), page.locator('#checkout-submit').tap()]);
    const url = new URL(page.url());
    return { id: Number(/\/orders\/(\d+)$/.exec(url.pathname)![1]), token: url.searchParams.get('token')! };
  }

  /** The confirmation e-mail: to the address typed, naming the order, the line, and the status page with its token. */
  async function checkConfirmationMail(mail: ReceivedMail, email: string, order: { id: number; number: number; token: string }) {
    const m = mail.mail;
    assert.deepEqual(mail.to, [email]);
    assert.equal(mail.from, 'shop@example.com');
    assert.equal(m.from?.value[0]?.name, 'Boutique');
    assert.ok(readable(m.subject).includes(`n° ${order.number} `), `the subject names the order: "${m.subject}"`);
    assert.ok(m.text && readable(m.text).includes(`2 × ${TITLE} (Vert)`), 'a text part with the line');
    assert.equal(typeof m.html, 'string', 'an HTML part');
    const html = m.html as string;
    assert.ok(html.includes(TITLE), 'the HTML names the line');
    const statusUrl = `${shop.url}/fr/orders/${order.id}?token=${order.token}`;
    const link = /<a href="([^"]+)">Suivre ma commande<\/a>/.exec(html)?.[1]?.replace(/&amp;/g, '&');
    assert.equal(link, statusUrl, 'the HTML links to the order status page with its token');
    assert.ok(m.text!.includes(statusUrl), 'the text part carries the same link');
    return statusUrl;
  }

  test('a phone buys two of a variant with the test card, sees the confirmation, and receives the e-mail', async () => {
    const email = 'camille.martin@example.com';
    const [greenBefore, sandBefore] = [await onHand('LAMP-GREEN'), await onHand('LAMP-SAND')];
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    const watch = watchPage(page);
    try {
      await addTwo(page, 'Vert', '45,00 €', 'buy');

      await Promise.all([page.waitForURL('**/fr/checkout'), page.locator('a#checkout-button').tap()]);
      await fillCheckout(page, email, GOOD_CARD);
      await noSidewaysScroll(page, 'checkout');
      await screenshot(page, 'buy-3-checkout');

      const { id, token } = await placeOrder(page);
      await waitForText(page, 'h1#order-heading', 'Merci pour votre commande !');
      const order = (await shop.services.orders.get(id))!;
      assert.equal(order.status, 'paid');
      assert.equal(order.email, email);
      assert.deepEqual(order.lines.map((l) => [l.sku, l.quantity]), [['LAMP-GREEN', 2]], 'the variant picked, twice');
      assert.equal(readable(await page.locator('#order-number').textContent()), String(order.number));
      assert.equal(readable(await page.locator('#order-status').textContent()), 'Payée, en préparation');
      assert.equal(readable(await page.locator('.cart-link .cart-count').textContent()), '0', 'the cart is done');
      await noSidewaysScroll(page, 'confirmation');
      await screenshot(page, 'buy-4-confirmation');

      assert.equal(await onHand('LAMP-GREEN'), greenBefore - 2, 'two sold');
      assert.equal(await onHand('LAMP-SAND'), sandBefore, 'the other variant untouched');
      await assertStockConsistent(db());

      const mail = await smtp.waitFor((m) => m.to.includes(email), 10_000);
      const statusUrl = await checkConfirmationMail(mail, email, { id, number: order.number, token });
      assert.equal(mailsTo(email).length, 1, 'one e-mail');

      // The e-mail's link, opened on the phone: the order's status page, without the thanks.
      await page.goto(statusUrl);
      await waitForText(page, 'h1#order-heading', `Commande n° ${order.number}`);
      assert.equal(readable(await page.locator('#order-number').textContent()), String(order.number));
      assert.equal(readable(await page.locator('#order-status').textContent()), 'Payée, en préparation');
      assert.match(readable(await page.locator('.summary-lines').textContent()), new RegExp(`${TITLE} \\(Vert\\) 2 × 45,00 €`));
      await noSidewaysScroll(page, 'order status');
      await screenshot(page, 'buy-5-status-from-email');

      assert.deepEqual(watch.problems(), []);
    } finally {
      await context.close();
    }
  });

  test('a declined card brings the checkout back with the reason, sends nothing, holds no stock; the good card then succeeds', async () => {
    const email = 'declined.then.paid@example.com';
    const greenBefore = await onHand('LAMP-GREEN');
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    // The refused payment answers 402 with the form shown again: expected here, and Chromium logs it.
    const watch = watchPage(page, [/HTTP 402: POST .*\/fr\/checkout$/, /status of 402\b.*\/fr\/checkout\)$/]);
    try {
      await addTwo(page, 'Vert', '45,00 €', 'declined');
      await Promise.all([page.waitForURL('**/fr/checkout'), page.locator('a#checkout-button').tap()]);
      assert.equal(DECLINED_CARD.replace(/ /g, ''), TEST_CARDS.declined);
      await fillCheckout(page, email, DECLINED_CARD);

      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/fr/checkout')),
        page.locator('#checkout-submit').tap(),
      ]);
      assert.equal(response.status(), 402);
      await page.locator('#error-summary').waitFor();
      assert.equal(new URL(page.url()).pathname, '/fr/checkout');
      const summary = readable(await page.locator('#error-summary').textContent());
      assert.match(summary, /Votre paiement a été refusé \(carte refusée\)/);
      // What was typed is kept, except the card number.
      assert.equal(await page.locator('#checkout-email').inputValue(), email);
      assert.equal(await page.locator('#checkout-city').inputValue(), SHOPPER.city);
      assert.equal(await page.locator('#checkout-cardNumber').inputValue(), '');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary', 'focus moved to the summary');
      await noSidewaysScroll(page, 'refused checkout');
      await screenshot(page, 'declined-3-refused');

      assert.equal(await onHand('LAMP-GREEN'), greenBefore, 'nothing sold');
      await assertStockConsistent(db());
      const queued = await db().selectFrom('outbox').select('id').where('topic', '=', 'email.order_confirmation').execute();
      const mailsBefore = smtp.messages.length;

      await fillCheckout(page, email, GOOD_CARD);
      const { id, token } = await placeOrder(page);
      await waitForText(page, 'h1#order-heading', 'Merci pour votre commande !');
      const order = (await shop.services.orders.get(id))!;
      assert.equal(readable(await page.locator('#order-status').textContent()), 'Payée, en préparation');
      await noSidewaysScroll(page, 'confirmation');
      await screenshot(page, 'declined-4-confirmation');

      const mail = await smtp.waitFor((m) => m.to.includes(email), 10_000);
      await checkConfirmationMail(mail, email, { id, number: order.number, token });
      // Only the paid order was announced: the declined attempt queued nothing and sent nothing.
      const queuedAfter = await db().selectFrom('outbox').select('id').where('topic', '=', 'email.order_confirmation').execute();
      assert.equal(queuedAfter.length, queued.length + 1);
      assert.equal(smtp.messages.length, mailsBefore + 1);
      assert.equal(mailsTo(email).length, 1);
      assert.equal(await onHand('LAMP-GREEN'), greenBefore - 2);
      await assertStockConsistent(db());

      assert.deepEqual(watch.problems(), []);
    } finally {
      await context.close();
    }
  });
});
