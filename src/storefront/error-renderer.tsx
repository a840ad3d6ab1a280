import type { FastifyRequest } from 'fastify';
import { renderDocument } from '../http/html.ts';
import type { HtmlErrorRenderer } from '../http/errors.ts';
import { detectLocale, LOCALES, type Locale } from '../i18n/index.ts';
import { LOCALE_COOKIE } from './locale-routes.ts';
import { ErrorPage } from './pages/error-page.tsx';
import type { Site } from './site.ts';

/** The language of the page that failed: its URL prefix, else the shopper's preference. */
function localeOf(site: Site, req: FastifyRequest): Locale {
  const prefix = /^\/(fr|en)(?:[/?]|$)/.exec(req.url)?.[1];
  if (prefix) return prefix as Locale;
  return detectLocale({ cookie: req.cookies?.[LOCALE_COOKIE], acceptLanguage: req.headers['accept-language'], fallback: site.config.defaultLocale, supported: LOCALES });
}

/** Error pages for people, in the shop layout. Synchronous, so it uses the navigation already in memory. */
export function createErrorRenderer(site: Site): HtmlErrorRenderer {
  return (req, status, message) => {
    const locale = localeOf(site, req);
    // The count is not looked up here (synchronous): the page script fills the badge from its cookie.
    const ctx = { site, locale, nav: site.nav.peek(locale) ?? [], url: req.url, cartCount: null };
    return renderDocument(<ErrorPage ctx={ctx} status={status} message={message} requestId={String(req.id)} />);
  };
}
