import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { LivePage, liveDisplay } from './live-page.tsx';
import { sendPage } from './render.ts';

// The live view during a rush (owner only, like every admin page that declares no roles):
// the page, and the same figures as JSON for admin-live.js to poll.
export function registerLiveRoutes(admin: FastifyInstance, services: Services): void {
  admin.get('/live', async (req, reply) => {
    const d = liveDisplay(await services.metrics.live());
    return sendPage(reply, 200, <LivePage session={req.adminSession} shopName={services.config.shopName} d={d} />);
  });

  admin.get('/live.json', async (_req, reply) => {
    const figures = await services.metrics.live();
    return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send({ figures, display: liveDisplay(figures) });
  });
}
