import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { fakeStripeApi } from '../../test/helpers/stripe.ts';

describe('the Stripe card payment page', () => {
  let shop: TestShop;
  let fake: Awaited<ReturnType<typeof fakeStripeApi>>;
  before(async () => {
    fake = await fakeStripeApi();
    shop = await startTestShop({
      WORKER: '0',
      PAYMENT_PROVIDERS: 'test,stripe',
      STRIPE_SECRET_KEY: 'sk_test_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_test_x',
      STRIPE_API_HOST: fake.url,
    });
  });
  after(async () => {
    await shop.close();
    fake.server.close();
  });

  async function stripeOrder() {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const cart = await shop.services.cart.create('fr');
    await shop.services.cart.addLine(cart, p.variants[0]!.id, 1);
    return shop.services.checkout.placeOrder(cart, checkoutInput({ payment: { provider: 'stripe' } }), null);
  }

  it('links a pending Stripe order to a page that mounts Stripe’s card form with the same payment intent', async () => {
    const placed = await stripeOrder();
    const orderPage = await (await fetch(`${shop.url}/fr/orders/${placed.order.id}?token=${placed.order.token}`)).text();
    const link = /id="pay-now" href="([^"]+)"/.exec(orderPage)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(link, 'the order page links to the payment page');
    const res = await fetch(shop.url + link);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /data-key="pk_test_x"/);
    assert.match(html, new RegExp(`data-secret="${placed.payment.reference}_secret_x"`));
    assert.match(html, /<script src="https:\/\/js\.stripe\.com\/v3\/"><\/script>/);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self' https:\/\/js\.stripe\.com/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(fake.created.length, 2, 'asked Stripe again for the same order (idempotent on its side)');
    assert.equal(fake.created[1]!['metadata[order_id]'], String(placed.order.id));
    // Other pages keep the strict policy.
    const home = await fetch(`${shop.url}/fr/`);
    assert.doesNotMatch(home.headers.get('content-security-policy') ?? '', /stripe/);
  });

  it('answers 404 to a wrong token and sends a settled order back to its status page', async () => {
    const placed = await stripeOrder();
    assert.equal((await fetch(`${shop.url}/fr/orders/${placed.order.id}/pay?token=wrongtoken123`)).status, 404);
    await shop.services.orders.markPaid(placed.order.id, { provider: 'stripe', reference: placed.payment.reference, actor: { label: 'test' }, sendConfirmation: false });
    const res = await fetch(`${shop.url}/fr/orders/${placed.order.id}/pay?token=${placed.order.token}`, { redirect: 'manual' });
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', new RegExp(`/fr/orders/${placed.order.id}\\?token=`));
  });
});
