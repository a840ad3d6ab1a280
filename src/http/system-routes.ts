import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Services } from '../app.ts';
import { tidyOpenApi } from '../api/openapi-tidy.ts';

export function registerSystemRoutes(server: FastifyInstance, services: Services): void {
  // For load balancers and monitors: answers 200 only while the database answers.
  server.get('/healthz', async (_req, reply) => {
    try {
      await sql`select 1`.execute(services.conn.db);
      return reply.header('cache-control', 'no-store').send({ status: 'ok' });
    } catch {
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable', reason: 'database' });
    }
  });

  // Browsers ask for /favicon.ico on every first visit: answer with a small icon made once.
  const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f3a5f"/><text x="16" y="23" font-family="Georgia,serif" font-size="20" fill="#fff" text-anchor="middle">C</text></svg>';
  let icon: Promise<Buffer> | null = null;
  server.get('/favicon.ico', async (_req, reply) => {
    icon ??= import('sharp').then(({ default: sharp }) => sharp(Buffer.from(ICON)).resize(32, 32).png().toBuffer());
    return reply.type('image/png').header('cache-control', 'public, max-age=604800').send(await icon);
  });

  server.get('/api/openapi.json', async (_req, reply) => {
    const doc = server.swagger() as { servers?: unknown };
    return reply.header('cache-control', 'no-cache').send(tidyOpenApi({ ...doc, servers: [{ url: services.config.publicUrl }] }));
  });
}
