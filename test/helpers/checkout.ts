import type { CheckoutInput } from '../../src/checkout/index.ts';
import { TEST_CARDS } from '../../src/payments/index.ts';

export function checkoutInput(over: Partial<CheckoutInput> = {}): CheckoutInput {
  return {
    email: 'camille@example.com',
    shippingAddress: { name: 'Camille Martin', line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
    payment: { provider: 'test', token: TEST_CARDS.success },
    locale: 'fr',
    ...over,
  };
}
