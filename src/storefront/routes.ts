import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import type { HtmlErrorRenderer } from '../http/errors.ts';
import { registerCartPlaceholder } from './cart-placeholder.tsx';
import { registerCatalogPages } from './catalog-routes.tsx';
import { createErrorRenderer } from './error-renderer.tsx';
import { registerInfoPages } from './info-routes.tsx';
import { registerLocaleRoutes } from './locale-routes.ts';
import { registerSitemap } from './sitemap-routes.ts';
import { createSite } from './site.ts';

/** The shop's public pages, server-rendered in French and English; returns the renderer for error pages. */
export async function registerStorefront(server: FastifyInstance, services: Services): Promise<HtmlErrorRenderer | null> {
  const site = createSite(services);
  registerLocaleRoutes(server, site);
  registerCatalogPages(server, site);
  registerInfoPages(server, site);
  registerCartPlaceholder(server, site);
  registerSitemap(server, site, services.events);
  return createErrorRenderer(site);
}
