import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Stands in for Stripe's servers (not for our code): answers PaymentIntent creation like the real API. */
export async function fakeStripeApi(): Promise<{ url: string; server: Server; created: Record<string, string>[] }> {
  const created: Record<string, string>[] = [];
  const byKey = new Map<string, string>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/payment_intents') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { type: 'invalid_request_error', message: 'unknown' } }));
        return;
      }
      const form = Object.fromEntries(new URLSearchParams(body));
      created.push(form);
      // Like Stripe, the same Idempotency-Key gives back the same intent.
      const key = String(req.headers['idempotency-key'] ?? '');
      const id = byKey.get(key) ?? `pi_test_${created.length}`;
      if (key) byKey.set(key, id);
      const intent = {
        id,
        object: 'payment_intent',
        client_secret: `${id}_secret_x`,
        status: 'requires_payment_method',
        amount: Number(form.amount),
        currency: form.currency,
        metadata: { order_id: form['metadata[order_id]'], order_number: form['metadata[order_number]'] },
      };
      res.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${created.length}` }).end(JSON.stringify(intent));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, created };
}

