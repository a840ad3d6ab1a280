import type { PaymentProvider } from './provider.ts';

/** The shopper pays by bank transfer with the order number as reference; staff mark the order paid. */
export function createBankTransferProvider(): PaymentProvider {
  return { id: 'bank_transfer', offline: true, async start(req) { return { status: 'pending', reference: `VIR-${req.orderNumber}` }; } };
}

/** Paid to the carrier at delivery; staff mark the order paid when the money arrives. */
export function createCashOnDeliveryProvider(): PaymentProvider {
  return { id: 'cod', offline: true, async start() { return { status: 'pending', reference: null }; } };
}
