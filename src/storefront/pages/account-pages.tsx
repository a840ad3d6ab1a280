import type { Customer } from '../../customers/index.ts';
import { t } from '../../i18n/index.ts';
import { formatMoney } from '../../lib/money.ts';
import type { OrderStatus } from '../../orders/index.ts';
import { CsrfField } from '../components/form-errors.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { orderPath } from '../order-links.ts';
import { formatDate } from './order-page.tsx';

export type AccountOrder = { id: number; number: number; token: string; status: OrderStatus; total_amount: number; currency: string; placed_at: string };

export function LoginPage({ ctx, csrf, email, next, error }: { ctx: PageContext; csrf: string; email: string; next: string | null; error: string | null }) {
  const { locale, site } = ctx;
  const title = t(locale, 'account.loginTitle');
  return (
    <Layout ctx={ctx} seo={{ title: `${title} | ${site.config.shopName}`, description: t(locale, 'account.metaDescription'), canonical: null }}>
      <div class="narrow">
        <h1>{title}</h1>
        {error ? (
          <p class="error-summary" role="alert">
            {error}
          </p>
        ) : null}
        <form id="account-login-form" method="post" action={`/${locale}/account/login`}>
          <CsrfField token={csrf} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <div class="field">
            <label for="login-email">{t(locale, 'account.email')}</label>
            <input id="login-email" name="email" type="email" autocomplete="username" required maxLength={255} value={email} />
          </div>
          <div class="field">
            <label for="login-password">{t(locale, 'account.password')}</label>
            <input id="login-password" name="password" type="password" autocomplete="current-password" required maxLength={200} />
          </div>
          <button type="submit" class="primary" id="login-submit">
            {t(locale, 'account.submit')}
          </button>
        </form>
        <p class="muted">{t(locale, 'account.noAccount')}</p>
      </div>
    </Layout>
  );
}

export function AccountPage({ ctx, csrf, customer, orders }: { ctx: PageContext; csrf: string; customer: Customer; orders: AccountOrder[] }) {
  const { locale, site } = ctx;
  const title = t(locale, 'account.title');
  return (
    <Layout ctx={ctx} seo={{ title: `${title} | ${site.config.shopName}`, description: t(locale, 'account.metaDescription'), canonical: null }}>
      <h1>{title}</h1>
      <p>
        {t(locale, 'account.hello', { name: customer.name })} ({customer.email})
      </p>
      <section aria-labelledby="orders-title">
        <h2 id="orders-title">{t(locale, 'account.orders')}</h2>
        {orders.length === 0 ? (
          <p class="empty">{t(locale, 'account.noOrders')}</p>
        ) : (
          <div class="table-scroll">
            <table class="account-orders">
              <thead>
                <tr>
                  <th scope="col">{t(locale, 'account.col.number')}</th>
                  <th scope="col">{t(locale, 'account.col.date')}</th>
                  <th scope="col">{t(locale, 'account.col.status')}</th>
                  <th scope="col">{t(locale, 'account.col.total')}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr>
                    <td>
                      <a href={orderPath(locale, o)}>{t(locale, 'order.title', { number: o.number })}</a>
                    </td>
                    <td>{formatDate(o.placed_at, locale)}</td>
                    <td>{t(locale, `order.status.${o.status}`)}</td>
                    <td>{formatMoney({ amount: Number(o.total_amount), currency: o.currency }, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <form id="account-logout-form" method="post" action={`/${locale}/account/logout`}>
        <CsrfField token={csrf} />
        <button type="submit" class="secondary">
          {t(locale, 'account.logout')}
        </button>
      </form>
    </Layout>
  );
}
