import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../app.ts';
import type { Locale } from '../catalog/index.ts';
import { rateLimitFor } from '../http/protection.ts';
import { notFound } from '../lib/errors.ts';
import { presentCart } from './store-presenters.ts';
import {
  CartCreateSchema,
  CartLineParamsSchema,
  CartParamsSchema,
  LocaleQuerySchema,
  StoreCartSchema,
  cartLineAddSchema,
  cartLineUpdateSchema,
  storeErrors,
  storeJson as json,
} from './store-schemas.ts';

const tags = ['Store'];

/** Cart ids are 128 random bits in base64url; anything else cannot be a cart. */
const CART_ID = /^[A-Za-z0-9_-]{16,64}$/;

export function cartIdOf(id: string): string {
  if (!CART_ID.test(id)) throw notFound('This cart');
  return id;
}

/** Carts under /api/store: whoever holds a cart id owns the cart (ids cannot be guessed). */
export function registerStoreCartRoutes(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const { cart, config } = services;
  const AddLine = cartLineAddSchema(config.cartMaxQuantity);
  const UpdateLine = cartLineUpdateSchema(config.cartMaxQuantity);
  // Every change to a cart counts against one per-IP allowance, shared with the cart pages.
  const limited = { rateLimit: rateLimitFor('cart', config) };

  async function view(id: string, locale: Locale | undefined) {
    const c = await cart.get(id, locale ?? config.defaultLocale);
    if (!c) throw notFound('This cart');
    return presentCart(c, config.publicUrl);
  }

  api.post('/carts', {
    config: limited,
    schema: {
      tags,
      summary: 'Create a cart',
      description: 'Answers an empty cart; keep its id (it is the only key to the cart). Location names the cart.',
      body: CartCreateSchema,
      response: { 201: json('The new, empty cart', StoreCartSchema), ...storeErrors(400, 429) },
    },
  }, async (req, reply) => {
    const locale = req.body?.locale ?? config.defaultLocale;
    const id = await cart.create(locale);
    reply.code(201).header('location', `/api/store/carts/${id}`);
    return view(id, locale);
  });

  api.get('/carts/:id', {
    schema: {
      tags,
      summary: 'Get a cart',
      description: 'Lines carry today’s prices and whether they can be bought now.',
      params: CartParamsSchema,
      querystring: LocaleQuerySchema,
      response: { 200: json('The cart', StoreCartSchema), ...storeErrors(400, 404) },
    },
  }, async (req) => view(cartIdOf(req.params.id), req.query.locale));

  api.post('/carts/:id/lines', {
    config: limited,
    schema: {
      tags,
      summary: 'Add units of a variant',
      description: `Adds to the line of the same variant if there is one. At most ${config.cartMaxQuantity} units of one item; more than is in stock is 409.`,
      params: CartParamsSchema,
      querystring: LocaleQuerySchema,
      body: AddLine,
      response: { 201: json('The cart with the line', StoreCartSchema), ...storeErrors(400, 404, 409, 429) },
    },
  }, async (req, reply) => {
    const id = cartIdOf(req.params.id);
    await cart.addLine(id, req.body.variantId, req.body.quantity);
    reply.code(201);
    return view(id, req.query.locale);
  });

  api.patch('/carts/:id/lines/:lineId', {
    config: limited,
    schema: {
      tags,
      summary: 'Change the quantity of a line',
      params: CartLineParamsSchema,
      querystring: LocaleQuerySchema,
      body: UpdateLine,
      response: { 200: json('The cart', StoreCartSchema), ...storeErrors(400, 404, 409, 429) },
    },
  }, async (req) => {
    const id = cartIdOf(req.params.id);
    await cart.setQuantity(id, req.params.lineId, req.body.quantity);
    return view(id, req.query.locale);
  });

  api.delete('/carts/:id/lines/:lineId', {
    config: limited,
    schema: {
      tags,
      summary: 'Remove a line',
      params: CartLineParamsSchema,
      querystring: LocaleQuerySchema,
      response: { 200: json('The cart', StoreCartSchema), ...storeErrors(400, 404, 409, 429) },
    },
  }, async (req) => {
    const id = cartIdOf(req.params.id);
    await cart.removeLine(id, req.params.lineId);
    return view(id, req.query.locale);
  });
}
