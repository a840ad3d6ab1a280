import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { notFound } from '../lib/errors.ts';
import { HANDLE_PATTERN } from '../lib/slug.ts';
import { listingPairs, productPairs, queryObject, queryString, searchPairs } from './cache-keys.ts';
import { parseListingQuery, parseSearchQuery } from './listing-query.ts';
import { listingLabels, productPageLabels, TAG } from './page-facts.ts';
import { CollectionPage } from './pages/collection-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ProductPage } from './pages/product-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { sharedContext } from './render.ts';
import { htmlPage, SHARED_ROUTE, type SharedPages } from './shared-pages.ts';
import type { Site } from './site.ts';
import { chooseVariant } from './variant-choice.ts';

export const PER_PAGE = 24;
const HOME_PRODUCTS = 8;

const HandleParams = z.object({ handle: z.string().max(120).regex(HANDLE_PATTERN) });

/** A handle that cannot exist is a 404 without asking the database. */
function handleOf(params: unknown, what: string): string {
  const parsed = HandleParams.safeParse(params);
  if (!parsed.success) throw notFound(what);
  return parsed.data.handle;
}

// Every page here is the same for every visitor and served from the page cache (shared-pages.ts):
// each is rendered from its canonical URL (known query parameters only, in one order), which is also its key.
export function registerCatalogPages(server: FastifyInstance, site: Site, pages: SharedPages): void {
  const { catalog } = site;
  for (const locale of LOCALES) registerFor(locale);

  function registerFor(locale: Locale): void {
    server.get(`/${locale}/`, SHARED_ROUTE, async (req, reply) => {
      const url = `/${locale}/`;
      return pages.serve(req, reply, url, async () => {
        const [ctx, latest] = await Promise.all([sharedContext(site, locale, url), catalog.list({ locale, sort: 'newest', perPage: HOME_PRODUCTS })]);
        return htmlPage(<HomePage ctx={ctx} products={latest.items} />, listingLabels(latest.items, locale, ctx.nav, [TAG.products]));
      });
    });

    server.get(`/${locale}/collections/:handle`, SHARED_ROUTE, async (req, reply) => {
      const handle = handleOf(req.params, 'This collection');
      const pairs = listingPairs(parseListingQuery(req.query, site.config.currency));
      const url = `/${locale}/collections/${handle}${queryString(pairs)}`;
      return pages.serve(req, reply, url, async () => {
        const query = parseListingQuery(queryObject(pairs), site.config.currency);
        const [collection, ctx] = await Promise.all([catalog.collections.getByHandle(handle, locale), sharedContext(site, locale, url)]);
        if (!collection) throw notFound(`Collection ${handle}`);
        const filter = {
          locale,
          collectionId: collection.id,
          sort: query.sort,
          page: query.page,
          perPage: PER_PAGE,
          options: query.options,
          minPrice: query.minPrice,
          maxPrice: query.maxPrice,
        };
        const [listing, facets] = await Promise.all([catalog.list(filter), catalog.facets(filter)]);
        // Past the last page there is nothing to show: say so rather than serve endless empty pages.
        if (query.page > listing.pages) throw notFound(`Page ${query.page} of this collection (it has ${listing.pages})`);
        const labels = listingLabels(listing.items, locale, ctx.nav, [TAG.collection(collection.id)]);
        return htmlPage(<CollectionPage ctx={ctx} collection={collection} listing={listing} facets={facets} query={query} />, labels);
      });
    });

    server.get(`/${locale}/products/:handle`, SHARED_ROUTE, async (req, reply) => {
      const handle = handleOf(req.params, 'This product');
      const pairs = productPairs(req.query);
      const url = `/${locale}/products/${handle}${queryString(pairs)}`;
      return pages.serve(req, reply, url, async () => {
        const [product, ctx] = await Promise.all([catalog.products.getByHandle(handle, locale), sharedContext(site, locale, url)]);
        // Drafts and archived products are not for sale: they do not exist for shoppers.
        if (!product || product.status !== 'active') throw notFound(`Product ${handle}`);
        const query = queryObject(pairs);
        const variant = chooseVariant(product, query);
        const page = <ProductPage ctx={ctx} product={product} variant={variant} cart={{}} />;
        // Only the plain page and the pages of real variants are kept, so made-up query values cannot flood the cache.
        const real = (k: string, v: string) => (k === 'variant' ? v === String(variant.id) : variant.options[Number(k.slice(6)) - 1] === v);
        const keep = pairs.every(([k, v]) => real(k, v));
        return { ...htmlPage(page, productPageLabels(product, locale, ctx.nav)), keep };
      });
    });

    server.get(`/${locale}/search`, SHARED_ROUTE, async (req, reply) => {
      const pairs = searchPairs(parseSearchQuery(req.query));
      const url = `/${locale}/search${queryString(pairs)}`;
      return pages.serve(req, reply, url, async () => {
        const query = parseSearchQuery(queryObject(pairs));
        const [ctx, results] = await Promise.all([
          sharedContext(site, locale, url),
          query.q ? catalog.search(query.q, { locale, page: query.page, perPage: PER_PAGE }) : Promise.resolve(null),
        ]);
        return htmlPage(<SearchPage ctx={ctx} query={query} results={results} />, listingLabels(results?.items ?? [], locale, ctx.nav, [TAG.products]));
      });
    });
  }
}
