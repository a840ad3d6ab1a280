import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

// The waiting room is the same bytes for everyone at the same place in line: render and compress each
// variant once, not per request (queued shoppers come back every few seconds during a rush).

type Prepared = { identity: Buffer; br: Buffer; gzip: Buffer };

const MAX_VARIANTS = 2_000;

export function createPreparedPages() {
  const pages = new Map<string, Prepared>();
  return {
    get(key: string, render: () => string): Prepared {
      let p = pages.get(key);
      if (!p) {
        // Variants differ by place and wait only: past the bound, start over rather than track use.
        if (pages.size >= MAX_VARIANTS) pages.clear();
        const identity = Buffer.from(render());
        p = { identity, br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }), gzip: gzipSync(identity, { level: 9 }) };
        pages.set(key, p);
      }
      return p;
    },
  };
}

/** Sends the best encoding the client accepts (fastify-compress leaves an encoded body alone). */
export function sendPrepared(req: FastifyRequest, reply: FastifyReply, p: Prepared): FastifyReply {
  const accept = String(req.headers['accept-encoding'] ?? '');
  reply.header('vary', 'accept-encoding');
  if (/\bbr\b(?!;q=0(?:\.0+)?\b)/.test(accept)) return reply.header('content-encoding', 'br').send(p.br);
  if (/\bgzip\b(?!;q=0(?:\.0+)?\b)/.test(accept)) return reply.header('content-encoding', 'gzip').send(p.gzip);
  return reply.send(p.identity);
}
