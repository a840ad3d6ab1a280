import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import type { HtmlErrorRenderer } from '../http/errors.ts';
import { registerAccountRoutes } from './account-routes.tsx';
import { registerCartRoutes } from './cart-routes.tsx';
import { registerCatalogPages } from './catalog-routes.tsx';
import { registerCheckoutRoutes } from './checkout-routes.tsx';
import { createErrorRenderer } from './error-renderer.tsx';
import { registerInfoPages } from './info-routes.tsx';
import { registerLocaleRoutes } from './locale-routes.ts';
import { registerOrderRoutes } from './order-routes.tsx';
import { registerSitemap } from './sitemap-routes.ts';
import { registerStripePayRoutes } from './stripe-pay-routes.tsx';
import { createSite } from './site.ts';

/** The shop's public pages, server-rendered in French and English; returns the renderer for error pages. */
export async function registerStorefront(server: FastifyInstance, services: Services): Promise<HtmlErrorRenderer | null> {
  const site = createSite(services);
  registerLocaleRoutes(server, site);
  registerCatalogPages(server, site);
  registerInfoPages(server, site);
  registerCartRoutes(server, site, services);
  registerCheckoutRoutes(server, site, services);
  registerOrderRoutes(server, site, services);
  registerStripePayRoutes(server, site, services);
  registerAccountRoutes(server, site, services);
  registerSitemap(server, site, services.events);
  return createErrorRenderer(site);
}
