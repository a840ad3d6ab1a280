import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Locale } from '../catalog/index.ts';
import { renderDocument } from '../http/html.ts';
import { hasFormToken } from './csrf.ts';
import type { PageContext } from './layout.tsx';
import { cartIdOf } from './shopper-cookies.ts';
import type { Site } from './site.ts';

/** Until the page cache arrives, browsers and CDNs must check back on every view. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** A page showing this browser's cart count or form token: only the browser may keep it. */
export const PERSONAL_CACHE_CONTROL = 'private, no-cache';
/** Cart, checkout, order and account pages: never stored anywhere. */
export const NO_STORE = 'private, no-store';

export async function pageContext(site: Site, req: FastifyRequest, locale: Locale): Promise<PageContext> {
  const cartId = cartIdOf(req);
  // One cheap query, and only for browsers that have a cart.
  const [nav, cartCount] = await Promise.all([site.nav.get(locale), cartId ? site.cart.itemCount(cartId) : 0]);
  return { site, locale, nav, url: req.url, cartCount };
}

/** Whether this response differs per browser (cart count in the header, form token in a form). */
function personal(reply: FastifyReply): boolean {
  return hasFormToken(reply.request) || cartIdOf(reply.request) !== null;
}

export function sendPage(reply: FastifyReply, page: VNode, opts: { status?: number; cacheControl?: string } = {}): FastifyReply {
  let cacheControl = opts.cacheControl ?? PAGE_CACHE_CONTROL;
  if (cacheControl === PAGE_CACHE_CONTROL && personal(reply)) cacheControl = PERSONAL_CACHE_CONTROL;
  return reply
    .code(opts.status ?? 200)
    .header('cache-control', cacheControl)
    .type('text/html; charset=utf-8')
    .send(renderDocument(page));
}

/** After a successful post: the browser fetches the next page with GET (no resubmission on reload). */
export function seeOther(reply: FastifyReply, location: string): FastifyReply {
  return reply.header('cache-control', NO_STORE).redirect(location, 303);
}
