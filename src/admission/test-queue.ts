import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import type { ProductView } from '../catalog/index.ts';
import { makeProduct } from '../storefront/test-fixtures.ts';
import { SHOPPER_ENV, ShopClient } from '../storefront/test-client.ts';
import { fixedLoad, type AdmissionController } from './index.ts';

// For the admission tests: a shop with a small checkout capacity, a clock the test moves, an event
// loop reading the test sets, and shoppers who each hold a cart.

export const T0 = Date.parse('2026-06-01T08:00:00Z');

export type QueueShop = {
  shop: TestShop;
  admission: AdmissionController;
  product: ProductView;
  clock: { now: number; advance(ms: number): void };
  /** A shopper (cookie-keeping client) with one unit of the product (or of this variant) in a signed cart cookie. */
  shopper(variantId?: number): Promise<ShopClient & { cartId: string }>;
};

export async function startQueueShop(env: Record<string, string> = {}): Promise<QueueShop> {
  const shop = await startTestShop({ ...SHOPPER_ENV, ADMISSION_MAX_CHECKOUTS: '2', QUEUE_MODE: 'auto', ...env });
  const admission = shop.app.server.admission;
  const clock = {
    now: T0,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  admission.clock = { now: () => clock.now };
  admission.load = fixedLoad(0);
  const product = await makeProduct(shop, {
    translations: { fr: { title: 'Tasse de la file', description: '' }, en: { title: 'Queue mug', description: '' } },
    variants: [{ sku: `QUEUE-${Math.random().toString(36).slice(2, 8)}`, options: ['Bleu'], price: { amount: 1800, currency: 'EUR' }, onHand: 100 }],
  });
  return {
    shop,
    admission,
    product,
    clock,
    async shopper(variantId = product.variants[0]!.id) {
      const cartId = await shop.services.cart.create('fr');
      await shop.services.cart.addLine(cartId, variantId, 1);
      const client = Object.assign(new ShopClient(shop.url), { cartId });
      client.cookies.set('cart', encodeURIComponent(shop.app.server.signCookie(cartId)));
      return client;
    },
  };
}

/** The query of a waiting-room redirect, as an object. */
export function waitingRoomQuery(location: string | null): Record<string, string> {
  const url = new URL(location ?? '', 'http://shop.invalid');
  if (url.pathname !== '/waiting-room') throw new Error(`not a waiting-room redirect: ${location}`);
  return Object.fromEntries(url.searchParams);
}
