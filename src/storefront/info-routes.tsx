import type { FastifyInstance } from 'fastify';
import { LOCALES } from '../i18n/index.ts';
import { InfoPage, INFO_PAGES } from './pages/info-page.tsx';
import { pageContext, sendPage } from './render.ts';
import type { Site } from './site.ts';

export function registerInfoPages(server: FastifyInstance, site: Site): void {
  for (const locale of LOCALES) {
    for (const name of INFO_PAGES) {
      server.get(`/${locale}/pages/${name}`, async (req, reply) => sendPage(reply, <InfoPage ctx={await pageContext(site, req, locale)} name={name} />));
    }
  }
}
