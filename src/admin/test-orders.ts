import type { Services } from '../app.ts';
import type { CheckoutInput } from '../checkout/index.ts';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, TEST_ACTOR } from '../../test/helpers/shop.ts';

// For the admin's order tests: real orders placed through the real checkout.

export type Provider = 'test' | 'bank_transfer' | 'cod';

export async function stockedProduct(services: Services, onHand = 10) {
  const base = productInput();
  const p = await services.catalog.products.create({ ...base, variants: base.variants.map((v, i) => ({ ...v, onHand: i === 0 ? onHand : 0, allowBackorder: i === 1 })) }, TEST_ACTOR);
  return { product: p, variant: p.variants[0]!, backorderable: p.variants[1]! };
}

export async function placeOrder(
  services: Services,
  p: { lines: { variantId: number; quantity: number }[]; provider?: Provider; email?: string; name?: string; over?: Partial<CheckoutInput> },
) {
  const cart = await services.cart.create('fr');
  for (const l of p.lines) await services.cart.addLine(cart, l.variantId, l.quantity);
  const base = checkoutInput();
  const input = checkoutInput({
    email: p.email ?? base.email,
    shippingAddress: { ...base.shippingAddress, name: p.name ?? base.shippingAddress.name },
    payment: p.provider && p.provider !== 'test' ? { provider: p.provider } : base.payment,
    ...p.over,
  });
  return (await services.checkout.placeOrder(cart, input, null)).order;
}

export async function stockOf(services: Services, variantId: number) {
  return services.conn.db.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', variantId).executeTakeFirstOrThrow();
}
