import type { FastifyInstance } from 'fastify';
import { LOCALES } from '../i18n/index.ts';
import { TAG } from './page-facts.ts';
import { INFO_PAGES } from './pages/info-page.tsx';
import { SHARED_ROUTE, type SharedPages } from './shared-pages.ts';
import type { Site } from './site.ts';

const PAGE = 100;

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Entry = { rest: string; lastmod?: string };

/** One <url> per page and locale, each listing every language version (hreflang) as Google asks. */
function urlset(base: string, entries: Entry[], defaultLocale: string): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'];
  for (const e of entries) {
    const links = LOCALES.map((l) => `<xhtml:link rel="alternate" hreflang="${l}" href="${xml(`${base}/${l}${e.rest}`)}"/>`).join('');
    const xDefault = `<xhtml:link rel="alternate" hreflang="x-default" href="${xml(`${base}/${defaultLocale}${e.rest}`)}"/>`;
    for (const l of LOCALES) {
      out.push(`<url><loc>${xml(`${base}/${l}${e.rest}`)}</loc>${e.lastmod ? `<lastmod>${xml(e.lastmod)}</lastmod>` : ''}${links}${xDefault}</url>`);
    }
  }
  out.push('</urlset>');
  return out.join('\n');
}

export function registerSitemap(server: FastifyInstance, site: Site, pages: SharedPages): void {
  const { config, catalog } = site;

  async function build(): Promise<string> {
    const entries: Entry[] = [{ rest: '/' }, ...INFO_PAGES.map((p) => ({ rest: `/pages/${p}` }))];
    const collections = await catalog.collections.list(config.defaultLocale);
    for (const c of collections) entries.push({ rest: `/collections/${c.handle}`, lastmod: c.updatedAt });
    for (let page = 1, pages = 1; page <= pages; page++) {
      const r = await catalog.list({ locale: config.defaultLocale, status: 'active', sort: 'featured', page, perPage: PAGE });
      pages = r.pages;
      for (const p of r.items) entries.push({ rest: `/products/${p.handle}`, lastmod: p.updatedAt });
    }
    return urlset(config.publicUrl, entries, config.defaultLocale);
  }

  // Built once per catalog change (it reads every active product), then served from the page cache:
  // any product edit (tag products) or collection edit (tag collections) drops it.
  server.get('/sitemap.xml', SHARED_ROUTE, async (req, reply) =>
    pages.serve(req, reply, '/sitemap.xml', async () => ({
      status: 200,
      body: await build(),
      contentType: 'application/xml; charset=utf-8',
      tags: [TAG.products, TAG.collections],
    })),
  );

  server.get('/robots.txt', SHARED_ROUTE, async (req, reply) =>
    pages.serve(req, reply, '/robots.txt', async () => {
      const lines = ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api'];
      for (const l of LOCALES) lines.push(`Disallow: /${l}/cart`, `Disallow: /${l}/checkout`, `Disallow: /${l}/orders`, `Disallow: /${l}/account`, `Disallow: /${l}/search`);
      lines.push('', `Sitemap: ${config.publicUrl}/sitemap.xml`, '');
      return { status: 200, body: lines.join('\n'), contentType: 'text/plain; charset=utf-8', tags: [] };
    }),
  );
}
