import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Locale } from '../catalog/index.ts';
import { renderDocument } from '../http/html.ts';
import type { PageContext } from './layout.tsx';
import type { Site } from './site.ts';

/** Until the page cache arrives, browsers and CDNs must check back on every view. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export async function pageContext(site: Site, req: FastifyRequest, locale: Locale): Promise<PageContext> {
  return { site, locale, nav: await site.nav.get(locale), url: req.url, cartCount: 0 };
}

export function sendPage(reply: FastifyReply, page: VNode, opts: { status?: number; cacheControl?: string } = {}): FastifyReply {
  return reply
    .code(opts.status ?? 200)
    .header('cache-control', opts.cacheControl ?? PAGE_CACHE_CONTROL)
    .type('text/html; charset=utf-8')
    .send(renderDocument(page));
}
