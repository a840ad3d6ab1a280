import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { PageCache, RenderedPage } from '../cache/page-cache.ts';
import type { Config } from '../config.ts';
import { renderDocument } from '../http/html.ts';
import { sendCached } from './cached-response.ts';
import type { PageLabels } from './page-facts.ts';

// Pages shared by every visitor (home, collections, products, search, info pages, sitemap): rendered
// once into the page cache and sent to anyone, logged in or not, with or without a cart. Nothing of a
// browser goes in them: the header's cart count is filled by public/site.js from the `cart_count`
// cookie, and the add-to-cart form is checked by origin instead of a per-browser token. Pages of a
// shopper's own (cart, checkout, account, orders) never come here: they are sent `private, no-store`.

export type SharedPages = {
  /** The page for this key from the cache, or rendered once (concurrent requests wait for that render). */
  serve(req: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<RenderedPage>): Promise<FastifyReply>;
};

/** Route options of shared pages: the cache sends bodies already compressed, so the plugin must not. */
export const SHARED_ROUTE = { compress: false } as const;

export function createSharedPages(deps: { cache: PageCache; config: Config }): SharedPages {
  const { cache, config } = deps;
  return {
    async serve(req, reply, key, render) {
      // A change already announced (stock read in progress) is applied before answering: read-your-writes.
      const pending = cache.whenCurrent();
      if (pending) await pending;
      const { page, hit } = await cache.get(pageKey(key), render);
      const { sMaxAge, staleWhileRevalidate } = config.pageCache;
      // Browsers check back every time (304 when unchanged); a CDN may hold the page for s-maxage and is purged by tag.
      return sendCached(req, reply, page, hit, `public, max-age=0, s-maxage=${sMaxAge}, stale-while-revalidate=${staleWhileRevalidate}`);
    },
  };
}

export function htmlPage(page: VNode, labels: PageLabels): RenderedPage {
  return { status: 200, body: renderDocument(page), contentType: 'text/html; charset=utf-8', tags: labels.tags, facts: labels.facts };
}

/** The key of the page at a path and canonical query: also what fast-hits.ts looks up for a request URL. */
export const pageKey = (url: string) => `GET ${url}`;
