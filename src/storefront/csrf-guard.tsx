import type { preHandlerAsyncHookHandler } from 'fastify';
import { t, type Locale } from '../i18n/index.ts';
import { csrfValid } from './csrf.ts';
import { Layout } from './layout.tsx';
import { NO_STORE, pageContext, sendPage } from './render.ts';
import type { Site } from './site.ts';

/** Refuses a shopper's post whose CSRF token is missing or wrong (403), before anything is read or written. */
export function requireCsrf(site: Site, locale: Locale): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    if (csrfValid(req)) return;
    req.log.info({ url: req.url }, 'shopper form refused: CSRF token missing or wrong');
    const ctx = await pageContext(site, req, locale);
    ctx.url = `/${locale}/cart`;
    const title = t(locale, 'csrf.title');
    sendPage(
      reply,
      <Layout ctx={ctx} seo={{ title: `${title} | ${site.config.shopName}`, description: title, canonical: null }}>
        <h1>{title}</h1>
        <p>{t(locale, 'csrf.text')}</p>
        <p>
          <a class="button" href={`/${locale}/cart`}>
            {t(locale, 'cart.title')}
          </a>
        </p>
      </Layout>,
      { status: 403, cacheControl: NO_STORE },
    );
    return reply;
  };
}
