import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { apiKeyAuth } from './auth.ts';
import { registerCollectionRoutes } from './collection-routes.ts';
import { registerImageRoutes } from './image-routes.ts';
import { registerProductRoutes } from './product-routes.ts';
import { registerStockRoutes } from './stock-routes.ts';

/** The admin JSON API under /api/admin: Bearer API keys with scopes, JSON errors, never cached. */
export async function registerAdminApi(server: FastifyInstance, services: Services): Promise<void> {
  await server.register(
    async (api) => {
      api.addHook('onRequest', async (_req, reply) => {
        reply.header('cache-control', 'no-store');
      });
      api.addHook('onRequest', apiKeyAuth(services.apiKeys));
      registerProductRoutes(api, services);
      registerImageRoutes(api, services);
      registerCollectionRoutes(api, services);
      registerStockRoutes(api, services);
    },
    { prefix: '/api/admin' },
  );
}
