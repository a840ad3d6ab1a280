import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Services } from '../app.ts';
import { createCdnPurgeQueue } from '../cache/cdn-purge.ts';
import type { HtmlErrorRenderer } from '../http/errors.ts';
import { registerAccountRoutes } from './account-routes.tsx';
import { registerCartRoutes } from './cart-routes.tsx';
import { registerCatalogPages } from './catalog-routes.tsx';
import { registerCheckoutRoutes } from './checkout-routes.tsx';
import { createErrorRenderer } from './error-renderer.tsx';
import { registerInfoPages } from './info-routes.tsx';
import { registerLocaleRoutes } from './locale-routes.ts';
import { registerOrderRoutes } from './order-routes.tsx';
import { watchForPageChanges } from './page-invalidation.ts';
import { createSharedPages } from './shared-pages.ts';
import { registerSitemap } from './sitemap-routes.ts';
import { registerStripePayRoutes } from './stripe-pay-routes.tsx';
import { createSite } from './site.ts';

/** The shop's public pages, server-rendered in French and English; returns the renderer for error pages. */
export async function registerStorefront(server: FastifyInstance, services: Services): Promise<HtmlErrorRenderer | null> {
  const site = createSite(services);
  const { config, pageCache } = services;
  const log = pino({ level: config.logLevel === 'silent' ? 'silent' : config.logLevel, name: 'page-cache' });
  const purge = createCdnPurgeQueue({
    db: services.conn.db,
    config,
    nudge: () => services.outbox.soon(),
    log,
  });
  // Tags gathered in the last second are queued before the database closes.
  server.addHook('onClose', async () => purge.flush().catch((e) => log.error({ err: e }, 'could not queue the CDN purge')));
  watchForPageChanges({ cache: pageCache, events: services.events, site, db: services.conn.db, purge, log });
  services.metrics.setPageCacheStats(() => pageCache.stats());
  const pages = createSharedPages({ cache: pageCache, config });

  registerLocaleRoutes(server, site);
  registerCatalogPages(server, site, pages);
  registerInfoPages(server, site, pages);
  registerCartRoutes(server, site, services);
  registerCheckoutRoutes(server, site, services);
  registerOrderRoutes(server, site, services);
  registerStripePayRoutes(server, site, services);
  registerAccountRoutes(server, site, services);
  registerSitemap(server, site, pages);
  return createErrorRenderer(site);
}
