import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from '../cache/page-cache.ts';
import { chooseEncoding, servedFromCache, type Encoding } from './cached-response.ts';
import { pageKey } from './shared-pages.ts';

// A shared page already in memory is answered from the first onRequest hook: no cookie parsing, body
// parsers, load shedding, routing hooks or onSend hooks, which cost more than the page itself (a
// cached page answered through the whole pipeline reaches about 60-80% of raw node:http; from
// here, about the same as raw node:http). The headers sent are exactly those the whole pipeline
// produced for the same page and encoding (security headers included), captured from a normal
// response; until one was seen, and for anything unusual, the request takes the normal path.
// onResponse hooks (metrics, logs) still run: Fastify calls them on every finished response.

/** Per request, or measured by Node: never replayed. */
const VOLATILE = new Set(['x-request-id', 'x-cache', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * The header lines for writeHead, flat ([name, value, ...]), made once per page and encoding; the
 * request id goes in the last slot just before each (synchronous) writeHead, so a hit allocates nothing.
 */
type Replay = { lines: string[]; body: Buffer };

export function registerFastHits(server: FastifyInstance, cache: PageCache): void {
  const replay = new WeakMap<CachedPage, Partial<Record<Encoding, Replay>>>();

  /** Sends the page for this request if it can be answered from here; false sends nothing. */
  function answer(req: FastifyRequest, reply: FastifyReply): boolean {
    const key = pageKey(req.url);
    const page = cache.peek(key);
    const r = page && replay.get(page)?.[chooseEncoding(req.headers['accept-encoding'])];
    if (!r) return false;
    cache.hit(key);
    reply.hijack();
    r.lines[r.lines.length - 1] = req.id;
    reply.raw.writeHead(200, r.lines);
    reply.raw.end(r.body);
    return true;
  }

  server.addHook('onRequest', (req, reply, done) => {
    // Conditional requests, HEAD and the rest take the normal path (304s are cheap there too).
    if (req.method !== 'GET' || req.headers['if-none-match'] !== undefined || !cache.peek(pageKey(req.url))) return done();
    // Routes with a per-IP limit (search) are counted by the limiter, cached or not.
    if ((req.routeOptions.config as { rateLimit?: unknown }).rateLimit) return done();
    // Stock that moved is being read again (a rush): answer once it has reached the cache, which may drop this page.
    const pending = cache.whenCurrent();
    if (!pending) {
      answer(req, reply);
      return done();
    }
    pending.then(
      () => {
        answer(req, reply);
        done();
      },
      () => done(),
    );
  });

  server.addHook('onResponse', (req, reply, done) => {
    const served = servedFromCache(reply);
    if (served && req.method === 'GET' && reply.statusCode === 200 && !reply.hasHeader('set-cookie')) {
      let byEncoding = replay.get(served.page);
      if (!byEncoding) replay.set(served.page, (byEncoding = {}));
      if (!byEncoding[served.encoding]) {
        const body = served.encoding === 'br' ? served.page.br : served.encoding === 'gzip' ? served.page.gzip : served.page.identity;
        const lines: string[] = [];
        for (const [k, v] of Object.entries(reply.getHeaders() as OutgoingHttpHeaders)) {
          if (v === undefined || VOLATILE.has(k)) continue;
          for (const one of Array.isArray(v) ? v : [v]) lines.push(k, String(one));
        }
        lines.push('x-cache', 'HIT', 'content-length', String(body.length), 'x-request-id', '');
        byEncoding[served.encoding] = { lines, body };
      }
    }
    done();
  });
}
