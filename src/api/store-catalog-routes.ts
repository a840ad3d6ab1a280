import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../app.ts';
import { rateLimitFor } from '../http/protection.ts';
import { notFound } from '../lib/errors.ts';
import { HANDLE_PATTERN } from '../lib/slug.ts';
import { presentProductSummary, presentStoreProduct } from './store-presenters.ts';
import {
  HandleParamsSchema,
  LocaleQuerySchema,
  StoreProductListQuerySchema,
  StoreProductListSchema,
  StoreProductSchema,
  storeErrors,
  storeJson as json,
} from './store-schemas.ts';

const tags = ['Store'];

/** Active products as shoppers see them, under /api/store. */
export function registerStoreCatalogRoutes(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const { catalog, config } = services;

  api.get('/products', {
    // Only searches (with `q`) are counted, against the same allowance as the search page.
    config: { rateLimit: rateLimitFor('search', config) },
    schema: {
      tags,
      summary: 'List products for sale',
      description: 'Active products only, oldest first, or best match first with `q`. Filter by collection handle. Unknown query parameters are refused.',
      querystring: StoreProductListQuerySchema,
      response: { 200: json('A page of products', StoreProductListSchema), ...storeErrors(400, 404, 429) },
    },
  }, async (req) => {
    const q = req.query;
    const locale = q.locale ?? config.defaultLocale;
    let collectionId: number | undefined;
    if (q.collection) {
      const c = await catalog.collections.getByHandle(q.collection, locale);
      if (!c) throw notFound(`Collection ${q.collection}`);
      collectionId = c.id;
    }
    const filter = { locale, status: 'active' as const, collectionId, page: q.page, perPage: q.perPage };
    const page = q.q ? await catalog.search(q.q, filter) : await catalog.list(filter);
    return { items: page.items.map((c) => presentProductSummary(c, config.publicUrl)), page: page.page, perPage: page.perPage, total: page.total, pages: page.pages };
  });

  api.get('/products/:handle', {
    schema: {
      tags,
      summary: 'Get a product for sale',
      description: 'Variants say whether they can be bought (`available`), never how many are left. Drafts and archived products are 404.',
      params: HandleParamsSchema,
      querystring: LocaleQuerySchema,
      response: { 200: json('The product', StoreProductSchema), ...storeErrors(400, 404) },
    },
  }, async (req) => {
    const { handle } = req.params;
    // A handle that cannot exist is a 404 without asking the database.
    if (!HANDLE_PATTERN.test(handle)) throw notFound(`Product ${handle}`);
    const p = await catalog.products.getByHandle(handle, req.query.locale ?? config.defaultLocale);
    if (!p || p.status !== 'active') throw notFound(`Product ${handle}`);
    return presentStoreProduct(p, config.publicUrl);
  });
}
