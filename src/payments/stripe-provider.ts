import type Stripe from 'stripe';
import type { PaymentProvider } from './provider.ts';

export type StripeSettings = { secretKey: string; webhookSecret: string; publishableKey: string | null; apiHost?: string | null };

/** The SDK is loaded when Stripe is first used, not at start (most shops never load it). */
export async function stripeClient(s: StripeSettings): Promise<Stripe> {
  const { default: StripeSdk } = await import('stripe');
  // apiHost lets tests and staging point the SDK at another Stripe-compatible host.
  const host = s.apiHost ? new URL(s.apiHost) : null;
  return new StripeSdk(s.secretKey, {
    maxNetworkRetries: 2,
    timeout: 15_000,
    ...(host ? { host: host.hostname, port: Number(host.port || (host.protocol === 'http:' ? 80 : 443)), protocol: host.protocol.replace(':', '') as 'http' | 'https' } : {}),
  });
}

/** Card payments through Payment Intents: the shopper confirms in the browser, the webhook tells us the result. */
export function createStripeProvider(s: StripeSettings): PaymentProvider {
  let client: Promise<Stripe> | null = null;
  return {
    id: 'stripe',
    offline: false,
    async start(req) {
      const stripe = await (client ??= stripeClient(s));
      const intent = await stripe.paymentIntents.create(
        {
          amount: req.amount.amount,
          currency: req.amount.currency.toLowerCase(),
          receipt_email: req.email,
          metadata: { order_id: String(req.orderId), order_number: String(req.orderNumber) },
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: `comptoir-order-${req.orderId}` },
      );
      return { status: 'pending', reference: intent.id, clientSecret: intent.client_secret };
    },
  };
}

export type StripeOutcome =
  | { kind: 'paid' | 'failed'; orderId: number; reference: string; amount: number; currency: string; reason?: string }
  | { kind: 'ignored'; type: string };

/** Verifies the signature on the raw body and reads what the event means for an order. Throws on a bad signature. */
export async function readStripeEvent(s: StripeSettings, rawBody: string | Buffer, signature: string): Promise<StripeOutcome> {
  const event = (await stripeClient(s)).webhooks.constructEvent(rawBody, signature, s.webhookSecret);
  if (event.type !== 'payment_intent.succeeded' && event.type !== 'payment_intent.payment_failed') return { kind: 'ignored', type: event.type };
  const intent = event.data.object as Stripe.PaymentIntent;
  const orderId = Number(intent.metadata?.order_id);
  if (!Number.isSafeInteger(orderId) || orderId <= 0) return { kind: 'ignored', type: event.type };
  const money = { amount: intent.amount, currency: String(intent.currency ?? '').toUpperCase() };
  if (event.type === 'payment_intent.succeeded') return { kind: 'paid', orderId, reference: intent.id, ...money };
  return { kind: 'failed', orderId, reference: intent.id, ...money, reason: intent.last_payment_error?.message ?? 'the card payment failed' };
}
