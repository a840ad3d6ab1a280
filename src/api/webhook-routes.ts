import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { readStripeEvent, type StripeOutcome } from '../payments/index.ts';
import { storeErrors, storeJson as json } from './store-schemas.ts';

const tags = ['Webhooks'];

const StripeHeadersSchema = z.looseObject({
  'stripe-signature': z.string().max(4096).optional().describe('Set by Stripe: t=<time>,v1=<HMAC of the raw body>'),
});

const WebhookAnswerSchema = z
  .object({
    received: z.literal(true),
    outcome: z.enum(['paid', 'noted', 'unchanged', 'ignored']).describe('What the event did: noted for a failed attempt or a payment staff must look at; unchanged for a replay'),
  })
  .meta({ id: 'WebhookAnswer' });

type Answer = z.infer<typeof WebhookAnswerSchema>;

/**
 * Payment providers' callbacks under /api/webhooks. The Stripe signature is an HMAC of the exact bytes
 * received, so this plugin keeps JSON bodies as raw strings; the parser is scoped to the plugin.
 */
export async function registerWebhooks(server: FastifyInstance, services: Services): Promise<void> {
  await server.register(
    async (scope) => {
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 512 * 1024 }, (_req, body, done) => done(null, body));
      scope.addHook('onRequest', async (_req, reply) => {
        reply.header('cache-control', 'no-store');
      });
      registerStripeWebhook(scope, services);
    },
    { prefix: '/api/webhooks' },
  );
}

function registerStripeWebhook(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const { config, orders } = services;

  api.post('/stripe', {
    schema: {
      tags,
      summary: 'Stripe events',
      description:
        'Point a Stripe webhook endpoint here (events payment_intent.succeeded and payment_intent.payment_failed) and set STRIPE_WEBHOOK_SECRET. ' +
        'The signature is checked against the raw body; a bad signature is 400 and changes nothing. Replays answer 200 and change nothing. 404 when Stripe is not configured.',
      headers: StripeHeadersSchema,
      // The body stays the string Stripe signed; it is read as JSON only once the signature holds.
      body: z.string().max(512 * 1024).describe('A Stripe event object (JSON), exactly as Stripe sent it'),
      response: { 200: json('The event was taken into account (or ignored)', WebhookAnswerSchema), ...storeErrors(400, 404) },
    },
  }, async (req): Promise<Answer> => {
    if (!config.stripe) throw notFound('Stripe webhooks (Stripe is not configured)');
    const signature = req.headers['stripe-signature'];
    if (!signature) throw new AppError('VALIDATION_FAILED', 'the Stripe-Signature header is missing', [{ field: 'stripe-signature', message: 'required' }]);
    const raw = typeof req.body === 'string' ? req.body : '';
    let event: StripeOutcome;
    try {
      event = await readStripeEvent(config.stripe, raw, signature);
    } catch (e) {
      req.log.warn({ err: e }, 'stripe webhook refused');
      throw new AppError('VALIDATION_FAILED', 'the Stripe-Signature header does not match this body (or it is too old)', [{ field: 'stripe-signature', message: 'signature check failed' }]);
    }
    if (event.kind === 'ignored') return { received: true, outcome: 'ignored' };

    const order = await orders.get(event.orderId);
    if (!order) {
      // Not ours (another shop on the same Stripe account) or erased: retrying would not help.
      req.log.warn({ orderId: event.orderId, reference: event.reference }, 'stripe event for an unknown order');
      return { received: true, outcome: 'ignored' };
    }
    // The intent must be the one this order started: another shop (or staging) on the same Stripe account
    // can have an order with the same id.
    if (order.payment.reference && order.payment.reference !== event.reference) {
      req.log.warn({ orderId: order.id, reference: event.reference, expected: order.payment.reference }, 'stripe event for another payment intent');
      return { received: true, outcome: 'ignored' };
    }
    const actor = { label: 'stripe' };
    const note = (status: 'paid' | 'declined', text: string) =>
      orders.notePayment(order.id, { provider: 'stripe', status, reference: event.reference, amount: event.amount, currency: event.currency, note: text, actor });
    if (event.kind === 'paid' && (event.amount !== order.total.amount || event.currency !== order.total.currency)) {
      req.log.error({ orderId: order.id, reference: event.reference, paid: event.amount, due: order.total.amount }, 'stripe payment amount differs from the order total');
      const noted = await note('paid', `payment of ${event.amount} ${event.currency} does not match the order total ${order.total.amount} ${order.total.currency}: check it in Stripe before shipping`);
      return { received: true, outcome: noted ? 'noted' : 'unchanged' };
    }
    if (order.status !== 'pending_payment') {
      if (event.kind === 'paid' && !order.paidAt) {
        // Money taken for an order cancelled meanwhile (its hold ran out): staff must refund or reinstate it.
        req.log.error({ orderId: order.id, reference: event.reference, status: order.status }, 'stripe payment succeeded for an order that is not awaiting payment');
        const noted = await note('paid', 'payment received after the order was cancelled: refund it, or reinstate the order if the stock is there');
        return { received: true, outcome: noted ? 'noted' : 'unchanged' };
      }
      return { received: true, outcome: 'unchanged' };
    }
    if (event.kind === 'failed') {
      // Stripe lets the shopper retry the same payment: keep the order and its hold; the sweeper ends it if nobody pays.
      const noted = await note('declined', `card payment failed: ${event.reason ?? 'the card payment failed'}`);
      return { received: true, outcome: noted ? 'noted' : 'unchanged' };
    }
    try {
      await orders.markPaid(order.id, { provider: 'stripe', reference: event.reference, actor, sendConfirmation: true });
      return { received: true, outcome: 'paid' };
    } catch (e) {
      // The same event delivered twice at once: the other delivery moved the order first.
      if (e instanceof AppError && e.code === 'CONFLICT') return { received: true, outcome: 'unchanged' };
      throw e;
    }
  });
}
