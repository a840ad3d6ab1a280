import type { ComponentChildren } from 'preact';
import type { CollectionView, Locale } from '../catalog/index.ts';
import { LOCALES, otherLocale, t } from '../i18n/index.ts';
import type { Seo } from './seo.ts';
import type { Site } from './site.ts';

/** Per request: who is asking, in which language, and the navigation to show. */
export type PageContext = {
  site: Site;
  locale: Locale;
  nav: CollectionView[];
  /** Path and query of this request, so the language switch leads to the same page. */
  url: string;
  /** Null on pages shared by every visitor (the page cache): the badge is filled in the browser. */
  cartCount: number | null;
};

const OG_LOCALE: Record<Locale, string> = { fr: 'fr_FR', en: 'en_GB' };

/** The same URL in the other language, through the route that remembers the choice in a cookie. */
export function languageSwitchHref(url: string, from: Locale): string {
  const to = otherLocale(from);
  const prefix = `/${from}`;
  const same = url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`) ? `/${to}${url.slice(prefix.length) || '/'}` : `/${to}/`;
  return `/locale/${to}?next=${encodeURIComponent(same)}`;
}

function Head({ ctx, seo }: { ctx: PageContext; seo: Seo }) {
  const { site, locale } = ctx;
  const base = site.config.publicUrl;
  const abs = (path: string) => base + path;
  const alternates = seo.alternates;
  const image = seo.image;
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{seo.title}</title>
      <meta name="description" content={seo.description} />
      {seo.noindex || !seo.canonical ? <meta name="robots" content="noindex, follow" /> : null}
      {seo.canonical ? <link rel="canonical" href={abs(seo.canonical)} /> : null}
      {alternates ? LOCALES.map((l) => <link rel="alternate" hreflang={l} href={abs(alternates[l])} />) : null}
      {alternates ? <link rel="alternate" hreflang="x-default" href={abs(seo.xDefault ?? alternates[site.config.defaultLocale])} /> : null}
      {seo.prev ? <link rel="prev" href={abs(seo.prev)} /> : null}
      {seo.next ? <link rel="next" href={abs(seo.next)} /> : null}
      <meta property="og:site_name" content={site.config.shopName} />
      <meta property="og:type" content={seo.type ?? 'website'} />
      <meta property="og:title" content={seo.title} />
      <meta property="og:description" content={seo.description} />
      {seo.canonical ? <meta property="og:url" content={abs(seo.canonical)} /> : null}
      <meta property="og:locale" content={OG_LOCALE[locale]} />
      <meta property="og:locale:alternate" content={OG_LOCALE[otherLocale(locale)]} />
      {image ? <meta property="og:image" content={abs(image.path)} /> : null}
      {image ? <meta property="og:image:width" content={String(image.width)} /> : null}
      {image ? <meta property="og:image:height" content={String(image.height)} /> : null}
      {image ? <meta property="og:image:alt" content={image.alt} /> : null}
      {(seo.og ?? []).map(([property, content]) => <meta property={property} content={content} />)}
      <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
      <link rel="stylesheet" href={site.assets.css} />
      <script src={site.assets.js} defer />
    </head>
  );
}

export function Layout({ ctx, seo, searchValue, children }: { ctx: PageContext; seo: Seo; searchValue?: string; children: ComponentChildren }) {
  const { site, locale } = ctx;
  const other = otherLocale(locale);
  const home = `/${locale}/`;
  return (
    <html lang={locale}>
      <Head ctx={ctx} seo={seo} />
      <body>
        <a class="skip-link" href="#main">
          {t(locale, 'skip.toContent')}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href={home}>
              {site.config.shopName}
            </a>
            <a class="lang-switch" href={languageSwitchHref(ctx.url, locale)} hreflang={other} lang={other}>
              {t(other, 'lang.name')}
            </a>
            <a class="account-link" href={`/${locale}/account`}>
              {t(locale, 'account.link')}
            </a>
            <a class="cart-link" href={`/${locale}/cart`}>
              {t(locale, 'cart.link')}{' '}
              {ctx.cartCount === null ? <span class="cart-count" data-from-cookie="cart_count" /> : <span class="cart-count">{ctx.cartCount}</span>}
            </a>
            <form class="search-form" role="search" method="get" action={`/${locale}/search`}>
              <label for="search-q" class="visually-hidden">
                {t(locale, 'search.label')}
              </label>
              <input id="search-q" type="search" name="q" value={searchValue ?? ''} maxLength={200} placeholder={t(locale, 'search.label')} />
              <button type="submit">{t(locale, 'search.submit')}</button>
            </form>
          </div>
          <nav class="site-nav" aria-label={t(locale, 'nav.collections')}>
            <ul>
              <li>
                <a href={home}>{t(locale, 'nav.home')}</a>
              </li>
              {ctx.nav.map((c) => (
                <li>
                  <a href={`/${locale}/collections/${c.handle}`}>{c.title}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <nav aria-label={t(locale, 'footer.label')}>
            <ul>
              <li>
                <a href={`/${locale}/pages/legal`}>{t(locale, 'footer.legal')}</a>
              </li>
              <li>
                <a href={`/${locale}/pages/terms`}>{t(locale, 'footer.terms')}</a>
              </li>
              <li>
                <a href={`/${locale}/pages/contact`}>{t(locale, 'footer.contact')}</a>
              </li>
            </ul>
          </nav>
          <p>{site.config.shopName}</p>
        </footer>
      </body>
    </html>
  );
}
