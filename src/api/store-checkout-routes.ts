import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../app.ts';
import { CheckoutInputSchema, PaymentDeclined } from '../checkout/index.ts';
import { rateLimitFor } from '../http/protection.ts';
import { notFound } from '../lib/errors.ts';
import { cartIdOf } from './store-cart-routes.ts';
import { presentPlacedOrder, presentStoreOrder } from './store-presenters.ts';
import {
  CartParamsSchema,
  CheckoutHeadersSchema,
  OrderParamsSchema,
  OrderQuerySchema,
  PlacedOrderSchema,
  StoreOrderSchema,
  storeErrors,
  storeJson as json,
} from './store-schemas.ts';

const tags = ['Store'];

/** Order placement and the shopper's view of an order, under /api/store. */
export function registerStoreCheckoutRoutes(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const { checkout, orders, config } = services;

  api.post('/carts/:id/checkout', {
    config: { rateLimit: rateLimitFor('checkout', config) },
    schema: {
      tags,
      summary: 'Place the order for a cart',
      description:
        'Reserves the stock of every line and writes the order in one transaction, then takes the payment. ' +
        'Exactly once per cart: a retry with the same Idempotency-Key, or for the same cart, answers 200 with the same order and the header ' +
        '`Idempotent-Replayed: true`. Not enough stock is 409 INSUFFICIENT_STOCK listing every short line; a declined card is 402 and the cart can be paid again.',
      params: CartParamsSchema,
      headers: CheckoutHeadersSchema,
      body: CheckoutInputSchema,
      response: {
        201: json('The order was placed', PlacedOrderSchema),
        200: json('A replay: the order placed earlier for this key or cart', PlacedOrderSchema),
        ...storeErrors(400, 402, 404, 409, 429),
      },
    },
  }, async (req, reply) => {
    const id = cartIdOf(req.params.id);
    const locale = req.body.locale ?? config.defaultLocale;
    const placed = await checkout.placeOrder(id, { ...req.body, locale }, req.headers['idempotency-key'] ?? null);
    if (placed.replayed) {
      reply.header('idempotent-replayed', 'true');
      // The same request gets the same answer: a payment declined before is declined again.
      if (placed.payment.status === 'declined') throw new PaymentDeclined(placed, 'this payment was declined; send a new Idempotency-Key to try again');
    }
    reply.code(placed.replayed ? 200 : 201);
    return presentPlacedOrder(placed, locale, config.publicUrl);
  });

  api.get('/orders/:id', {
    schema: {
      tags,
      summary: 'Get an order with its token',
      description: 'The token comes with the placed order (and in the status link of the confirmation e-mail). A wrong or missing token is 404, as for an order that does not exist.',
      params: OrderParamsSchema,
      querystring: OrderQuerySchema,
      response: { 200: json('The order', StoreOrderSchema), ...storeErrors(400, 404) },
    },
  }, async (req) => {
    const token = req.query.token;
    const o = token ? await orders.getWithToken(req.params.id, token) : null;
    if (!o) throw notFound('This order');
    return presentStoreOrder(o);
  });
}
