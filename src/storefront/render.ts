import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Locale } from '../catalog/index.ts';
import { renderDocument } from '../http/html.ts';
import { hasFormToken } from './csrf.ts';
import type { PageContext } from './layout.tsx';
import { cartIdOf, syncCartCount } from './shopper-cookies.ts';
import type { Site } from './site.ts';

/** Pages outside the page cache but the same for everyone: browsers and CDNs check back on every view. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** A page showing this browser's cart count or form token: only the browser may keep it. */
export const PERSONAL_CACHE_CONTROL = 'private, no-cache';
/** Cart, checkout, order and account pages: never stored anywhere. */
export const NO_STORE = 'private, no-store';

const contexts = new WeakMap<FastifyRequest, PageContext>();

/** For a page of this browser's own (cart, checkout, account, order): the header count comes from the database. */
export async function pageContext(site: Site, req: FastifyRequest, locale: Locale): Promise<PageContext> {
  const cartId = cartIdOf(req);
  // One cheap query, and only for browsers that have a cart.
  const [nav, cartCount] = await Promise.all([site.nav.get(locale), cartId ? site.cart.itemCount(cartId) : 0]);
  const ctx: PageContext = { site, locale, nav, url: req.url, cartCount };
  contexts.set(req, ctx);
  return ctx;
}

/**
 * For a page served to every visitor from the page cache: nothing of any browser in it. The header's
 * cart count is an empty badge that public/site.js fills from the `cart_count` cookie.
 */
export async function sharedContext(site: Site, locale: Locale, url: string): Promise<PageContext> {
  return { site, locale, nav: await site.nav.get(locale), url, cartCount: null };
}

/** Whether this response differs per browser (cart count in the header, form token in a form). */
function personal(reply: FastifyReply): boolean {
  return hasFormToken(reply.request) || cartIdOf(reply.request) !== null;
}

export function sendPage(reply: FastifyReply, page: VNode, opts: { status?: number; cacheControl?: string } = {}): FastifyReply {
  let cacheControl = opts.cacheControl ?? PAGE_CACHE_CONTROL;
  if (cacheControl === PAGE_CACHE_CONTROL && personal(reply)) cacheControl = PERSONAL_CACHE_CONTROL;
  // The count this page shows (after any correction by its route) is what the shared pages will show too.
  const ctx = contexts.get(reply.request);
  if (ctx && ctx.cartCount !== null) syncCartCount(reply.request, reply, ctx.site.config, ctx.cartCount);
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
