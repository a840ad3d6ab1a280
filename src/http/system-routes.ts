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

  server.get('/api/openapi.json', async (_req, reply) => {
    const doc = server.swagger() as { servers?: unknown };
    return reply.header('cache-control', 'no-cache').send(tidyOpenApi({ ...doc, servers: [{ url: services.config.publicUrl }] }));
  });
}
