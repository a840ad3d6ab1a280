import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage } from '../cache/page-cache.ts';

// Sending a page from the page cache: the encoding the browser takes, from the buffers compressed
// once; a 304 when its copy is current; and the headers a CDN needs to hold it and purge it by tag.

export type Encoding = 'br' | 'gzip' | 'identity';

/** Browsers send a handful of distinct Accept-Encoding values: each is parsed once. */
const chosen = new Map<string, Encoding>();

/** br when accepted (smallest), else gzip, else the plain bytes; `q=0` refuses a coding. */
export function chooseEncoding(header: string | string[] | undefined): Encoding {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let encoding = chosen.get(text);
  if (!encoding) {
    encoding = parseEncoding(text);
    if (chosen.size > 200) chosen.clear();
    chosen.set(text, encoding);
  }
  return encoding;
}

function parseEncoding(text: string): Encoding {
  const q = new Map<string, number>();
  for (const part of text.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const of = (coding: string) => q.get(coding) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzip = of('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}

/**
 * Each encoding is its own representation, so its own strong ETag (`"hash"`, `"hash-br"`, `"hash-gzip"`);
 * a conditional request matches on the content hash, whichever encoding the browser kept.
 */
export function etagFor(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding}"`;
}

export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const base = etag.slice(1, -1);
  for (const raw of ifNoneMatch.split(',')) {
    const tag = raw.trim().replace(/^W\//, '');
    if (tag === '*') return true;
    const value = tag.replace(/^"|"$/g, '').replace(/-(br|gzip)$/, '');
    if (value === base) return true;
  }
  return false;
}

type Prepared = Record<Encoding, Record<string, string>>;
/** The headers of a cached page, per encoding, made once: a hit only looks them up. */
const prepared = new WeakMap<CachedPage, { cacheControl: string; headers: Prepared }>();

function headersOf(page: CachedPage, cacheControl: string): Prepared {
  const known = prepared.get(page);
  if (known && known.cacheControl === cacheControl) return known.headers;
  const common: Record<string, string> = { vary: 'Accept-Encoding', 'cache-control': cacheControl };
  if (page.tags.length) {
    // Fastly and most CDNs read Surrogate-Key (space-separated); Cloudflare reads Cache-Tag (comma-separated).
    common['surrogate-key'] = page.tags.join(' ');
    common['cache-tag'] = page.tags.join(',');
  }
  const of = (encoding: Encoding) => ({
    ...common,
    etag: etagFor(page.etag, encoding),
    // Set here, so @fastify/compress (off on these routes anyway) sees the body is already encoded.
    ...(encoding === 'identity' ? {} : { 'content-encoding': encoding }),
  });
  const headers = { identity: of('identity'), br: of('br'), gzip: of('gzip') };
  prepared.set(page, { cacheControl, headers });
  return headers;
}

const served = new WeakMap<FastifyReply, { page: CachedPage; encoding: Encoding }>();

/** The cached page and encoding this reply sent with a 200, if any (fast-hits.ts replays its headers). */
export const servedFromCache = (reply: FastifyReply) => served.get(reply);

export function sendCached(req: FastifyRequest, reply: FastifyReply, page: CachedPage, hit: boolean, cacheControl: string): FastifyReply {
  reply.header('x-cache', hit ? 'HIT' : 'MISS');
  if (page.status !== 200) {
    return reply.code(page.status).header('vary', 'Accept-Encoding').header('cache-control', 'private, no-cache').type(page.contentType).send(page.identity);
  }
  const encoding = chooseEncoding(req.headers['accept-encoding']);
  const headers = headersOf(page, cacheControl)[encoding];
  if (etagMatches(req.headers['if-none-match'], page.etag)) {
    const { 'content-encoding': _, ...notModified } = headers;
    return reply.code(304).headers(notModified).send();
  }
  served.set(reply, { page, encoding });
  return reply
    .code(200)
    .headers(headers)
    .type(page.contentType)
    .send(encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.identity);
}
