import type { Locale } from '../../catalog/index.ts';
import { t } from '../../i18n/index.ts';
import { formatMoney, type Money } from '../../lib/money.ts';

/** A price, "from" when variants differ, with the compare-at price struck through when it is higher. */
export function Price({ locale, price, maxPrice, compareAt }: { locale: Locale; price: Money; maxPrice?: Money; compareAt?: Money | null }) {
  const now = formatMoney(price, locale);
  const varies = maxPrice && maxPrice.amount !== price.amount;
  return (
    <p class="price">
      <span class="visually-hidden">{t(locale, 'price.current')} </span>
      <span class={compareAt && compareAt.amount > price.amount ? 'price-now on-sale' : 'price-now'}>{varies ? t(locale, 'price.from', { price: now }) : now}</span>
      {compareAt && compareAt.amount > price.amount ? (
        <>
          {' '}
          <s class="price-was">
            <span class="visually-hidden">{t(locale, 'price.regular')} </span>
            {formatMoney(compareAt, locale)}
          </s>
        </>
      ) : null}
    </p>
  );
}
