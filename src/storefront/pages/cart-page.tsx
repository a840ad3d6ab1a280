import { t } from '../../i18n/index.ts';
import { Layout, type PageContext } from '../layout.tsx';

/** Placeholder until the cart is built: always empty; `notice` explains why adding did not work. */
export function CartPage({ ctx, notice }: { ctx: PageContext; notice?: string }) {
  const { locale } = ctx;
  return (
    <Layout ctx={ctx} seo={{ title: `${t(locale, 'cart.title')} | ${ctx.site.config.shopName}`, description: t(locale, 'cart.empty'), canonical: null }}>
      <h1>{t(locale, 'cart.title')}</h1>
      {notice ? (
        <p class="notice" role="alert">
          {notice}
        </p>
      ) : null}
      <p>{t(locale, 'cart.empty')}</p>
      <p>
        <a class="button" href={`/${locale}/`}>
          {t(locale, 'cart.continue')}
        </a>
      </p>
    </Layout>
  );
}
