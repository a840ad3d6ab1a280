import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { ADMIN_PATH, hasRole, loadSession, loginRedirect, OWNER_ONLY, routeConfig } from './auth.ts';
import { registerCollectionRoutes } from './collection-routes.tsx';
import { sessionTokenValid } from './csrf.ts';
import { registerDashboardRoutes } from './dashboard-routes.tsx';
import { registerDiscountRoutes } from './discount-routes.tsx';
import { adminErrorHandler, sendErrorPage } from './error-pages.tsx';
import { registerLiveRoutes } from './live-routes.tsx';
import { registerLoginRoutes } from './login-routes.tsx';
import { registerMailboxRoutes } from './mailbox-routes.tsx';
import { registerOrderListRoutes } from './order-list-routes.tsx';
import { registerOrderRoutes } from './order-routes.tsx';
import { registerProductImageRoutes } from './product-image-routes.tsx';
import { registerProductListRoutes } from './product-list-routes.tsx';
import { registerProductRoutes } from './product-routes.tsx';
import { registerQueueRoutes } from './queue-routes.tsx';
import { registerShippingRoutes } from './shipping-routes.tsx';
import { t } from './strings.ts';

/**
 * The staff admin: server-rendered pages under /admin, in their own plugin scope so that the
 * session, role and CSRF checks below run for every admin route and no other.
 */
export async function registerAdmin(server: FastifyInstance, services: Services): Promise<void> {
  await server.register(
    async (admin) => {
      admin.decorateRequest('adminSession', null);
      admin.setErrorHandler(adminErrorHandler(services));

      // Who is asking, and may they: before the body is read, so refused requests cost little.
      admin.addHook('onRequest', async (req, reply) => {
        req.adminSession = await loadSession(req, services);
        const cfg = routeConfig(req);
        if (cfg.public) return;
        if (!req.adminSession) return loginRedirect(req, reply);
        if (!hasRole(req.adminSession, cfg.roles ?? OWNER_ONLY)) return sendErrorPage(req, reply, services, 403, t.errors.forbidden);
      });

      // Every state change carries the session's token; the login and upload handlers check theirs themselves.
      admin.addHook('preHandler', async (req, reply) => {
        if (req.method === 'GET' || req.method === 'HEAD') return;
        const mode = routeConfig(req).csrf ?? 'session';
        if (mode === 'login') return;
        if (mode === 'multipart' && req.isMultipart()) return;
        if (!sessionTokenValid(req)) return sendErrorPage(req, reply, services, 403, t.errors.csrf);
      });

      admin.addHook('onSend', async (_req, reply, payload) => {
        reply.header('cache-control', 'no-store');
        return payload;
      });

      admin.setNotFoundHandler(async (req, reply) => {
        if (!req.adminSession) return loginRedirect(req, reply);
        return sendErrorPage(req, reply, services, 404, t.errors.notFound);
      });

      registerLoginRoutes(admin, services);
      registerDashboardRoutes(admin, services);
      registerLiveRoutes(admin, services);
      registerQueueRoutes(admin, services);
      registerProductListRoutes(admin, services);
      registerProductRoutes(admin, services);
      registerProductImageRoutes(admin, services);
      registerCollectionRoutes(admin, services);
      registerOrderListRoutes(admin, services);
      registerOrderRoutes(admin, services);
      registerShippingRoutes(admin, services);
      registerDiscountRoutes(admin, services);
      registerMailboxRoutes(admin, services);
    },
    { prefix: ADMIN_PATH },
  );
}
