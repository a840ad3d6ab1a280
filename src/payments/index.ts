import { createCashOnDeliveryProvider, createBankTransferProvider } from './offline-providers.ts';
import type { PaymentProvider } from './provider.ts';
import { createStripeProvider, type StripeSettings } from './stripe-provider.ts';
import { createTestProvider } from './test-provider.ts';

export type { PaymentProvider, PaymentRequest, PaymentStart } from './provider.ts';
export { TEST_CARDS } from './test-provider.ts';
export { readStripeEvent, type StripeSettings, type StripeOutcome } from './stripe-provider.ts';
export { recordPayment, paymentsOf } from './repo.ts';

export const PROVIDER_IDS = ['test', 'bank_transfer', 'cod', 'stripe'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** The providers this shop offers, in the order the checkout lists them. */
export function createPaymentProviders(enabled: ProviderId[], stripe: StripeSettings | null): Map<string, PaymentProvider> {
  const all = new Map<string, PaymentProvider>();
  for (const id of enabled) {
    if (id === 'test') all.set(id, createTestProvider());
    if (id === 'bank_transfer') all.set(id, createBankTransferProvider());
    if (id === 'cod') all.set(id, createCashOnDeliveryProvider());
    if (id === 'stripe') {
      if (!stripe) throw new Error('the stripe provider needs STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET');
      all.set(id, createStripeProvider(stripe));
    }
  }
  return all;
}
export { paymentInstructions } from './instructions.ts';
