import { t } from '../../i18n/index.ts';
import { Layout, type PageContext } from '../layout.tsx';

/** A friendly error in the shop layout: not indexed, with a way back. */
export function ErrorPage({ ctx, status, message, requestId }: { ctx: PageContext; status: number; message: string; requestId: string }) {
  const { locale } = ctx;
  const title =
    status === 404 ? t(locale, 'error.notFound.title') : status === 400 ? t(locale, 'error.badRequest.title') : status >= 500 ? t(locale, 'error.server.title') : t(locale, 'error.other.title');
  // 400 messages name the field at fault, which helps; other technical messages stay in the logs.
  const text = status === 404 ? t(locale, 'error.notFound.text') : status >= 500 ? t(locale, 'error.server.text', { id: requestId }) : message;
  return (
    <Layout ctx={ctx} seo={{ title: `${title} | ${ctx.site.config.shopName}`, description: title, canonical: null }}>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a class="button" href={`/${locale}/`}>
          {t(locale, 'error.backHome')}
        </a>
      </p>
    </Layout>
  );
}
