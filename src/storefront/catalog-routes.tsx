import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { notFound } from '../lib/errors.ts';
import { HANDLE_PATTERN } from '../lib/slug.ts';
import { formToken } from './csrf.ts';
import { parseListingQuery, parseSearchQuery } from './listing-query.ts';
import { CollectionPage } from './pages/collection-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { ProductPage } from './pages/product-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { pageContext, sendPage } from './render.ts';
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

export function registerCatalogPages(server: FastifyInstance, site: Site): void {
  const { catalog } = site;
  for (const locale of LOCALES) registerFor(locale);

  function registerFor(locale: Locale): void {
    server.get(`/${locale}/`, async (req, reply) => {
      const [ctx, latest] = await Promise.all([pageContext(site, req, locale), catalog.list({ locale, sort: 'newest', perPage: HOME_PRODUCTS })]);
      return sendPage(reply, <HomePage ctx={ctx} products={latest.items} />);
    });

    server.get(`/${locale}/collections/:handle`, async (req, reply) => {
      const handle = handleOf(req.params, 'This collection');
      const [collection, ctx] = await Promise.all([catalog.collections.getByHandle(handle, locale), pageContext(site, req, locale)]);
      if (!collection) throw notFound(`Collection ${handle}`);
      const query = parseListingQuery(req.query, site.config.currency);
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
      return sendPage(reply, <CollectionPage ctx={ctx} collection={collection} listing={listing} facets={facets} query={query} />);
    });

    server.get(`/${locale}/products/:handle`, async (req, reply) => {
      const handle = handleOf(req.params, 'This product');
      const [product, ctx] = await Promise.all([catalog.products.getByHandle(handle, locale), pageContext(site, req, locale)]);
      // Drafts and archived products are not for sale: they do not exist for shoppers.
      if (!product || product.status !== 'active') throw notFound(`Product ${handle}`);
      const cart = { csrf: formToken(req, reply, site.config.secureCookies) };
      return sendPage(reply, <ProductPage ctx={ctx} product={product} variant={chooseVariant(product, req.query)} cart={cart} />);
    });

    server.get(`/${locale}/search`, async (req, reply) => {
      const query = parseSearchQuery(req.query);
      const [ctx, results] = await Promise.all([
        pageContext(site, req, locale),
        query.q ? catalog.search(query.q, { locale, page: query.page, perPage: PER_PAGE }) : Promise.resolve(null),
      ]);
      return sendPage(reply, <SearchPage ctx={ctx} query={query} results={results} />);
    });
  }
}
