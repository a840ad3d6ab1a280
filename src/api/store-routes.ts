import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { registerStoreCartRoutes } from './store-cart-routes.ts';
import { registerStoreCatalogRoutes } from './store-catalog-routes.ts';
import { registerStoreCheckoutRoutes } from './store-checkout-routes.ts';

/**
 * The store JSON API under /api/store: what the storefront pages do, for apps and headless fronts.
 * No key needed; carts and orders are reached by unguessable ids and tokens. Never cached.
 */
export async function registerStoreApi(server: FastifyInstance, services: Services): Promise<void> {
  await server.register(
    async (api) => {
      api.addHook('onRequest', async (_req, reply) => {
        reply.header('cache-control', 'no-store');
      });
      registerStoreCatalogRoutes(api, services);
      registerStoreCartRoutes(api, services);
      registerStoreCheckoutRoutes(api, services);
    },
    { prefix: '/api/store' },
  );
}
