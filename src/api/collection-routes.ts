import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../app.ts';
import { CollectionInputSchema, type CollectionView } from '../catalog/index.ts';
import { invalid, notFound } from '../lib/errors.ts';
import { API_KEY_SECURITY, apiActor } from './auth.ts';
import { errors, json } from './responses.ts';
import { presentCollection } from './presenters.ts';
import { CollectionListSchema, CollectionPatchSchema, CollectionViewSchema, IdParamsSchema, type CollectionPatch } from './schemas.ts';

const tags = ['Collections'];
const security = API_KEY_SECURITY;

/** Collection reads and writes under /api/admin. */
export function registerCollectionRoutes(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const { collections } = services.catalog;

  api.get('/collections', {
    schema: { tags, security, summary: 'List collections', description: 'Every collection, in display order.', response: { 200: json('Every collection', CollectionListSchema), ...errors() } },
  }, async () => ({ items: (await collections.list()).map(presentCollection) }));

  api.get('/collections/:id', {
    schema: {
      tags,
      security,
      summary: 'Get a collection',
      params: IdParamsSchema,
      response: { 200: json('The collection', CollectionViewSchema), ...errors(400, 404) },
    },
  }, async (req) => {
    const c = await collections.get(req.params.id);
    if (!c) throw notFound(`Collection ${req.params.id}`);
    return presentCollection(c);
  });

  api.post('/collections', {
    schema: {
      tags,
      security,
      summary: 'Create a collection',
      description: 'A handle already used by another collection is refused with 400 VALIDATION_FAILED naming `handle`.',
      body: CollectionInputSchema,
      response: { 201: json('Created; Location names the new collection', CollectionViewSchema), ...errors(400) },
    },
  }, async (req, reply) => {
    const c = await collections.create(req.body, apiActor(req));
    reply.code(201).header('location', `/api/admin/collections/${c.id}`);
    return presentCollection(c);
  });

  api.patch('/collections/:id', {
    schema: {
      tags,
      security,
      summary: 'Update part of a collection',
      description: 'Fields left out keep their value; `translations`, when given, replaces every translation.',
      params: IdParamsSchema,
      body: CollectionPatchSchema,
      response: { 200: json('The updated collection', CollectionViewSchema), ...errors(400, 404) },
    },
  }, async (req) => {
    const current = await collections.get(req.params.id);
    if (!current) throw notFound(`Collection ${req.params.id}`);
    const input = merge(current, req.body);
    return presentCollection(await collections.update(req.params.id, input, apiActor(req)));
  });
}

function merge(current: CollectionView, patch: CollectionPatch) {
  const merged = CollectionInputSchema.safeParse({
    handle: patch.handle ?? current.handle,
    position: patch.position ?? current.position,
    translations: patch.translations ?? current.translations,
  });
  if (!merged.success) throw invalid(merged.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })));
  return merged.data;
}
