export { createCheckoutService, InsufficientStock, PaymentDeclined, type CheckoutService, type PlacedOrder } from './service.ts';
export { CheckoutInputSchema, AddressSchema, type CheckoutInput } from './schemas.ts';
export { computeTotals, type Totals } from './totals.ts';
export { postalCodeProblem } from './address-rules.ts';
