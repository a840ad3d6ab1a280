import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../app.ts';
import { safeEqual } from '../staff/index.ts';

// Paths that are not a shopper's: the admin, programs (admin API, webhooks, monitoring) and files.
const NOT_SHOPPER = ['/admin', '/api/admin', '/api/webhooks', '/api/openapi.json', '/metrics', '/healthz', '/assets/', '/media/', '/favicon.ico'];
const isShopper = (url: string) => !NOT_SHOPPER.some((p) => url.startsWith(p));

/**
 * Times every request, and serves /metrics to Prometheus. Register before the routes, so the hook
 * covers all of them.
 */
export function registerMetrics(server: FastifyInstance, services: Services): void {
  const metrics = services.metrics;

  server.addHook('onResponse', async (req, reply) => {
    metrics.recordRequest({
      route: req.routeOptions.url,
      method: req.method,
      status: reply.statusCode,
      ms: reply.elapsedTime,
      shopper: isShopper(req.url),
      ip: req.ip,
      userAgent: req.headers['user-agent'] ?? '',
    });
  });

  server.get('/metrics', async (req, reply) => {
    const token = services.config.metricsToken;
    // Without a token configured, the endpoint does not exist: nothing to find, nothing to guess.
    if (!token) return reply.callNotFound();
    reply.header('cache-control', 'no-store');
    if (!bearerMatches(req, token)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ error: { code: 'UNAUTHENTICATED', message: 'send the metrics token in the Authorization header: "Bearer <METRICS_TOKEN>"' } });
    }
    const { contentType, body } = await metrics.exposition();
    return reply.type(contentType).send(body);
  });
}

function bearerMatches(req: FastifyRequest, token: string): boolean {
  const given = /^Bearer +(\S{1,512})$/i.exec(req.headers.authorization ?? '')?.[1];
  return !!given && safeEqual(given, token);
}
