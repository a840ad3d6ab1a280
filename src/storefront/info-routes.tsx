import type { FastifyInstance } from 'fastify';
import { LOCALES } from '../i18n/index.ts';
import { plainLabels } from './page-facts.ts';
import { InfoPage, INFO_PAGES } from './pages/info-page.tsx';
import { sharedContext } from './render.ts';
import { htmlPage, SHARED_ROUTE, type SharedPages } from './shared-pages.ts';
import type { Site } from './site.ts';

export function registerInfoPages(server: FastifyInstance, site: Site, pages: SharedPages): void {
  for (const locale of LOCALES) {
    for (const name of INFO_PAGES) {
      const url = `/${locale}/pages/${name}`;
      server.get(url, SHARED_ROUTE, async (req, reply) =>
        pages.serve(req, reply, url, async () => {
          const ctx = await sharedContext(site, locale, url);
          return htmlPage(<InfoPage ctx={ctx} name={name} />, plainLabels(locale, ctx.nav));
        }),
      );
    }
  }
}
