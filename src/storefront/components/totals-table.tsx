import { t, type Locale } from '../../i18n/index.ts';
import { formatMoney, type Money } from '../../lib/money.ts';

export type TotalsView = {
  subtotal: Money;
  discount: Money;
  discountCode: string | null;
  /** Null while no shipping method serves the address. */
  shipping: Money | null;
  total: Money;
  taxLines: { rateBp: number; tax: Money }[];
};

const percent = new Map<Locale, Intl.NumberFormat>();
export function formatRate(rateBp: number, locale: Locale): string {
  let f = percent.get(locale);
  if (!f) percent.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })));
  return f.format(rateBp / 10_000);
}

/** Subtotal, discount, shipping, total, and the VAT the total includes at each rate. */
export function TotalsTable({ locale, totals }: { locale: Locale; totals: TotalsView }) {
  const m = (x: Money) => formatMoney(x, locale);
  return (
    <table class="totals">
      <tbody>
        <tr>
          <th scope="row">{t(locale, 'checkout.subtotal')}</th>
          <td>{m(totals.subtotal)}</td>
        </tr>
        {totals.discount.amount > 0 ? (
          <tr class="totals-discount">
            <th scope="row">{t(locale, 'checkout.discountLine', { code: totals.discountCode ?? '' })}</th>
            <td>−{m(totals.discount)}</td>
          </tr>
        ) : null}
        <tr>
          <th scope="row">{t(locale, 'checkout.shippingLine')}</th>
          <td>{totals.shipping === null ? '—' : totals.shipping.amount === 0 ? t(locale, 'checkout.free') : m(totals.shipping)}</td>
        </tr>
        <tr class="totals-total">
          <th scope="row">{t(locale, 'checkout.total')}</th>
          <td>{m(totals.total)}</td>
        </tr>
        {totals.taxLines.map((l) => (
          <tr class="totals-vat">
            <th scope="row">{t(locale, 'checkout.vatLine', { rate: formatRate(l.rateBp, locale) })}</th>
            <td>{m(l.tax)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
