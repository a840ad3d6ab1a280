import { assetUrl } from '../../http/static.ts';
import { t } from '../../i18n/index.ts';
import { formatMoney } from '../../lib/money.ts';
import type { OrderView } from '../../orders/index.ts';
import { Layout, type PageContext } from '../layout.tsx';

/** The card form is Stripe's Payment Element, mounted by /assets/stripe-pay.js from the data attributes. */
export function StripePayPage({ ctx, order, publishableKey, clientSecret, returnUrl }: { ctx: PageContext; order: OrderView; publishableKey: string; clientSecret: string; returnUrl: string }) {
  const { locale } = ctx;
  return (
    <Layout ctx={ctx} seo={{ title: t(locale, 'pay.title'), description: '', canonical: null, noindex: true }}>
      <main id="main" class="container narrow">
        <h1>{t(locale, 'pay.title')}</h1>
        <p>
          {t(locale, 'pay.order', { number: String(order.number) })} — <strong>{formatMoney(order.total, locale)}</strong>
        </p>
        <form id="stripe-pay-form" data-key={publishableKey} data-secret={clientSecret} data-return={returnUrl} data-locale={locale}>
          <div id="payment-element"></div>
          <p id="payment-message" role="alert" class="error" hidden></p>
          <noscript>
            <p class="notice">{t(locale, 'pay.needsJs')}</p>
          </noscript>
          <button type="submit" class="button primary" id="pay-submit">
            {t(locale, 'pay.submit', { amount: formatMoney(order.total, locale) })}
          </button>
        </form>
        <script src="https://js.stripe.com/v3/"></script>
        <script src={assetUrl('stripe-pay.js')}></script>
      </main>
    </Layout>
  );
}
