import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { t, type Locale } from '../i18n/index.ts';
import { csrfValid, sameOrigin } from './csrf.ts';
import { Layout } from './layout.tsx';
import { NO_STORE, pageContext, sendPage } from './render.ts';
import type { Site } from './site.ts';

/** Refuses a shopper's post whose CSRF token is missing or wrong (403), before anything is read or written. */
export function requireCsrf(site: Site, locale: Locale): preHandlerAsyncHookHandler {
  return refuseUnless(site, locale, csrfValid, 'CSRF token missing or wrong');
}

/**
 * For the add-to-cart form of product pages, which are shared through the page cache and so carry no
 * per-browser token: the post must come from this shop's own pages (Origin or Referer), or carry a valid token.
 */
export function requireSameSite(site: Site, locale: Locale): preHandlerAsyncHookHandler {
  return refuseUnless(site, locale, (req) => sameOrigin(req, site.config.publicUrl) || csrfValid(req), 'cross-site or origin unknown');
}

function refuseUnless(site: Site, locale: Locale, allowed: (req: FastifyRequest) => boolean, why: string): preHandlerAsyncHookHandler {
  return async (req, reply) => {
    if (allowed(req)) return;
    req.log.info({ url: req.url, origin: req.headers.origin }, `shopper form refused: ${why}`);
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
