import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../app.ts';
import { ProductInputSchema, ProductPatchSchema } from '../catalog/index.ts';
import { notFound } from '../lib/errors.ts';
import { API_KEY_SECURITY, apiActor } from './auth.ts';
import { errors, json } from './responses.ts';
import { presentProduct } from './presenters.ts';
import { IdParamsSchema, ProductListQuerySchema, ProductListSchema, ProductViewSchema } from './schemas.ts';

const tags = ['Products'];
const security = API_KEY_SECURITY;

/** Product reads and writes under /api/admin (the prefix is set by the caller). */
export function registerProductRoutes(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const { catalog, config } = services;
  const base = () => config.publicUrl;

  async function load(id: number) {
    const p = await catalog.products.get(id);
    if (!p) throw notFound(`Product ${id}`);
    return p;
  }

  api.get('/products', {
    schema: {
      tags,
      security,
      summary: 'List products',
      description: 'Products of every status by default, oldest first, each with its variants and their stock levels. Unknown query parameters are refused.',
      querystring: ProductListQuerySchema,
      response: { 200: json('A page of products', ProductListSchema), ...errors(400) },
    },
  }, async (req) => {
    const q = req.query;
    const page = await catalog.list({
      locale: config.defaultLocale,
      status: q.status,
      text: q.q || undefined,
      collectionId: q.collectionId,
      sort: q.sort,
      page: q.page,
      perPage: q.perPage,
    });
    // At most perPage (100) products, each loaded in a fixed number of queries.
    const full = await Promise.all(page.items.map((c) => catalog.products.get(c.id)));
    const items = full.flatMap((p) => (p ? [presentProduct(p, base())] : []));
    return { items, page: page.page, perPage: page.perPage, total: page.total, pages: page.pages };
  });

  api.get('/products/:id', {
    schema: {
      tags,
      security,
      summary: 'Get a product',
      params: IdParamsSchema,
      response: { 200: json('The product', ProductViewSchema), ...errors(400, 404) },
    },
  }, async (req) => presentProduct(await load(req.params.id), base()));

  api.post('/products', {
    schema: {
      tags,
      security,
      summary: 'Create a product',
      description:
        'Unknown fields are refused. A SKU or handle already in use (in the body or by another product) is refused with 400 VALIDATION_FAILED naming the field. ' +
        'Prices must be in the shop currency. `onHand` sets the stock of a variant and records a movement in the stock ledger.',
      body: ProductInputSchema,
      response: { 201: json('Created; Location names the new product', ProductViewSchema), ...errors(400) },
    },
  }, async (req, reply) => {
    const p = await catalog.products.create(req.body, apiActor(req));
    reply.code(201).header('location', `/api/admin/products/${p.id}`);
    return presentProduct(p, base());
  });

  api.patch('/products/:id', {
    schema: {
      tags,
      security,
      summary: 'Update part of a product',
      description:
        'Fields left out keep their value. `translations` and `variants`, when given, replace the whole set: variants left out are removed, ' +
        'variants given with their `id` are updated in place and keep their stock unless `onHand` is given.',
      params: IdParamsSchema,
      body: ProductPatchSchema,
      response: { 200: json('The updated product', ProductViewSchema), ...errors(400, 404) },
    },
  }, async (req) => presentProduct(await catalog.products.update(req.params.id, req.body, apiActor(req)), base()));

  const archiveSchema = { tags, security, params: IdParamsSchema, response: { 200: json('The archived product', ProductViewSchema), ...errors(400, 404) } };
  const archive = async (req: FastifyRequest & { params: { id: number } }) => presentProduct(await catalog.products.archive(req.params.id, apiActor(req)), base());

  api.post('/products/:id/archive', {
    schema: { ...archiveSchema, summary: 'Archive a product', description: 'The product leaves the storefront; it stays in past orders and can be made active again with PATCH.' },
  }, archive);

  // Products are never deleted (orders refer to their variants): DELETE archives, like POST .../archive.
  api.delete('/products/:id', {
    schema: { ...archiveSchema, summary: 'Archive a product (DELETE)', description: 'Same as POST /api/admin/products/{id}/archive: products are archived, never erased, because orders refer to them.' },
  }, archive);
}
