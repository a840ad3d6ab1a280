import { t, type Locale } from '../../i18n/index.ts';
import { formatMoney } from '../../lib/money.ts';
import type { OrderView } from '../../orders/index.ts';
import { TotalsTable } from '../components/totals-table.tsx';
import { countryName } from '../countries.ts';
import { Layout, type PageContext } from '../layout.tsx';
import { variantLabel } from '../variant-choice.ts';

const dates = new Map<Locale, Intl.DateTimeFormat>();
/** A date on the shop's wall clock (the server's time zone, as in the admin). */
export function formatDate(iso: string, locale: Locale): string {
  let f = dates.get(locale);
  if (!f) dates.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'long' })));
  return f.format(new Date(iso));
}

/** The shopper's view of an order, reached with its secret token: thanks after placing, then its status any time later. */
export function OrderPage({ ctx, order, placed, instructions }: { ctx: PageContext; order: OrderView; placed: boolean; instructions: string | null }) {
  const { locale, site } = ctx;
  const o = order;
  const a = o.shippingAddress;
  const title = t(locale, 'order.title', { number: o.number });
  const stripePending = o.payment.provider === 'stripe' && o.status === 'pending_payment';
  return (
    <Layout ctx={ctx} seo={{ title: `${title} | ${site.config.shopName}`, description: t(locale, 'order.metaDescription'), canonical: null }}>
      <h1 id="order-heading">{placed ? t(locale, 'order.thanks') : title}</h1>
      {placed ? <p class="lead">{t(locale, 'order.received', { number: o.number, email: o.email })}</p> : null}
      <dl class="order-facts">
        <div>
          <dt>{t(locale, 'order.number')}</dt>
          <dd id="order-number">{o.number}</dd>
        </div>
        <div>
          <dt>{t(locale, 'order.placedAt')}</dt>
          <dd>{formatDate(o.placedAt, locale)}</dd>
        </div>
        <div>
          <dt>{t(locale, 'order.status')}</dt>
          <dd id="order-status" class={`status status-${o.status}`}>
            {t(locale, `order.status.${o.status}`)}
          </dd>
        </div>
      </dl>
      {stripePending ? (
        <p class="notice" role="status">
          {t(locale, 'order.stripePending')}{' '}
          <a class="button primary" id="pay-now" href={`/${locale}/orders/${o.id}/pay?token=${encodeURIComponent(o.token)}`}>
            {t(locale, 'order.payNow')}
          </a>
        </p>
      ) : null}
      {instructions && o.status === 'pending_payment' ? (
        <section class="notice" aria-labelledby="pay-title">
          <h2 id="pay-title">{t(locale, 'order.instructions')}</h2>
          <p id="payment-instructions">{instructions}</p>
        </section>
      ) : null}
      <section aria-labelledby="items-title">
        <h2 id="items-title">{t(locale, 'order.items')}</h2>
        <ul class="summary-lines">
          {o.lines.map((l) => (
            <li>
              <span class="summary-title">
                {l.title}
                {variantLabel(l.variantTitle) ? <span class="muted"> ({variantLabel(l.variantTitle)})</span> : null}
                <span class="muted"> {t(locale, 'order.lineQuantity', { quantity: l.quantity, price: formatMoney(l.unitPrice, locale) })}</span>
                {l.backordered ? <span class="muted"> — {t(locale, 'order.backordered')}</span> : null}
              </span>
              <span class="summary-amount">{formatMoney({ amount: l.unitPrice.amount * l.quantity, currency: l.unitPrice.currency }, locale)}</span>
            </li>
          ))}
        </ul>
        <TotalsTable
          locale={locale}
          totals={{ subtotal: o.subtotal, discount: o.discount, discountCode: o.discountCode, shipping: o.shipping, total: o.total, taxLines: o.taxLines }}
        />
      </section>
      <div class="order-columns">
        <section aria-labelledby="ship-title">
          <h2 id="ship-title">{t(locale, 'order.shipTo')}</h2>
          <address>
            {[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, countryName(a.country, locale), a.phone].filter(Boolean).map((line) => (
              <>
                {line}
                <br />
              </>
            ))}
          </address>
        </section>
        <section aria-labelledby="method-title">
          <h2 id="method-title">{t(locale, 'order.shippingMethod')}</h2>
          <p>{o.shippingMethod.name}</p>
          <h2>{t(locale, 'order.payment')}</h2>
          <p>{t(locale, `payment.${o.payment.provider}` as 'payment.test')}</p>
        </section>
      </div>
      <p>
        <a class="button" href={`/${locale}/`}>
          {t(locale, 'cart.continue')}
        </a>
      </p>
    </Layout>
  );
}
