import type { Services } from '../app.ts';
import type { CartView } from '../cart/index.ts';
import { computeTotals, type Totals } from '../checkout/index.ts';
import type { DiscountCode } from '../discounts/index.ts';
import type { Locale } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import type { ShippingOption } from '../shipping/index.ts';
import { SHIPPING_COUNTRIES, vatRate } from '../tax/rates.ts';
import { DEFAULT_COUNTRY } from './checkout-form.ts';

export type Quote = {
  country: string;
  options: ShippingOption[];
  method: ShippingOption | null;
  code: DiscountCode | null;
  /** Why the code typed does not apply, in the shopper's language. */
  codeProblem: string | null;
  totals: Totals;
};

/**
 * What the order would cost with the choices in the form: the same arithmetic as the checkout
 * service (computeTotals with each line's VAT rate in the destination country), so the page
 * shows the total that will be charged.
 */
export async function quoteCheckout(
  services: Services,
  cart: CartView,
  choice: { country: string; shippingMethodId: string; discountCode: string },
  locale: Locale,
): Promise<Quote> {
  const country = SHIPPING_COUNTRIES.includes(choice.country) ? choice.country : DEFAULT_COUNTRY;
  const subtotal = cart.subtotal.amount;
  const options = await services.shipping.options({ country, weightGrams: cart.weightGrams, subtotal }, locale);
  const method = options.find((o) => String(o.id) === choice.shippingMethodId) ?? options[0] ?? null;
  let code: DiscountCode | null = null;
  let codeProblem: string | null = null;
  if (choice.discountCode) {
    try {
      code = await services.discounts.check(choice.discountCode, subtotal, locale);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const m = e.fields[0]?.message ?? e.message;
      codeProblem = m.charAt(0).toUpperCase() + m.slice(1);
    }
  }
  const totals = computeTotals(
    cart.lines.map((l) => ({ unitPrice: l.unitPrice.amount, quantity: l.quantity, vatRateBp: vatRate(country, l.taxCategory) })),
    code ? { kind: code.kind, value: code.value } : null,
    method?.price ?? 0,
    vatRate(country, 'standard'),
  );
  return { country, options, method, code, codeProblem, totals };
}
