import { allocate, vatIncluded } from '../lib/money.ts';

// Pure order arithmetic on integer minor units. Prices include VAT; VAT is extracted once per rate.
export type PricedLine = { unitPrice: number; quantity: number; vatRateBp: number };
export type Discount = { kind: 'percentage' | 'fixed' | 'free_shipping'; value: number } | null;

export type Totals = {
  subtotal: number;
  discount: number;
  shipping: number;
  total: number;
  tax: number;
  /** Per VAT rate: the VAT-inclusive base and the VAT it holds. */
  taxLines: { rateBp: number; base: number; tax: number }[];
  /** Each line's share of the discount and its total after discount, in line order. */
  lines: { discount: number; total: number }[];
};

export function computeTotals(lines: PricedLine[], discount: Discount, shippingPrice: number, shippingVatRateBp: number): Totals {
  const gross = lines.map((l) => l.unitPrice * l.quantity);
  const subtotal = gross.reduce((s, g) => s + g, 0);
  let discountTotal = 0;
  if (discount?.kind === 'percentage') discountTotal = Math.min(subtotal, Math.round((subtotal * discount.value) / 10_000));
  if (discount?.kind === 'fixed') discountTotal = Math.min(subtotal, discount.value);
  const shipping = discount?.kind === 'free_shipping' ? 0 : shippingPrice;
  // The discount is spread over the lines by value, so each VAT rate carries its share.
  const shares = allocate(discountTotal, gross);
  const lineTotals = gross.map((g, i) => g - shares[i]!);
  const bases = new Map<number, number>();
  lines.forEach((l, i) => bases.set(l.vatRateBp, (bases.get(l.vatRateBp) ?? 0) + lineTotals[i]!));
  if (shipping > 0) bases.set(shippingVatRateBp, (bases.get(shippingVatRateBp) ?? 0) + shipping);
  const taxLines = [...bases.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([rateBp, base]) => ({ rateBp, base, tax: vatIncluded({ amount: base, currency: 'XXX' }, rateBp).amount }));
  return {
    subtotal,
    discount: discountTotal,
    shipping,
    total: subtotal - discountTotal + shipping,
    tax: taxLines.reduce((s, t) => s + t.tax, 0),
    taxLines,
    lines: lines.map((_, i) => ({ discount: shares[i]!, total: lineTotals[i]! })),
  };
}
