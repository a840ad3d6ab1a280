import { request, type Agent } from 'undici';
import type { Catalog, Outcome, Recorder, Step } from './shopper.ts';

// The store API's journey (`comptoir rush --api`): cart, line and checkout as one JSON request each.
// An API checkout holds its admission for a single request, so it hardly ever meets the queue.

const ADDRESS = { name: 'Rush Shopper', line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' };

export async function apiJourney(base: string, agent: Agent, catalog: Catalog, n: number, rec: Recorder, deadline: number): Promise<Outcome> {
  const call = async (step: Step, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const t = performance.now();
    const r = await request(base + path, {
      method,
      dispatcher: agent,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), 'accept-encoding': 'br, gzip', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    const text = await r.body.text();
    let json: any = null;
    if ((r.headers['content-type'] ?? '').toString().includes('json') && text) json = JSON.parse(text);
    // A queued checkout (503 QUEUED) is counted in the queue wait, not as a checkout served.
    rec.step(step, performance.now() - t, r.statusCode, !(r.statusCode === 503 && json?.error?.code === 'QUEUED'));
    return { status: r.statusCode, json, headers: r.headers };
  };

  const product = catalog.products[n % catalog.products.length]!;
  const variant = product.variants[Math.floor(n / catalog.products.length) % product.variants.length]!;
  const home = await call('home', 'GET', `/${catalog.locale}/`);
  if (home.status >= 500) return 'error';
  const page = await call('product', 'GET', `/${catalog.locale}/products/${product.handle}`);
  if (page.status >= 500) return 'error';
  const cart = await call('cart', 'POST', '/api/store/carts', {});
  if (cart.status !== 201) return 'error';
  const add = await call('add', 'POST', `/api/store/carts/${cart.json.id}/lines`, { variantId: variant.id, quantity: 1 });
  if (add.status === 409) return 'sold_out';
  if (add.status !== 201) return 'error';

  const key = `rush-${cart.json.id}`;
  let ticket: string | undefined;
  const queuedAt = performance.now();
  let wasQueued = false;
  for (;;) {
    const res = await call(
      'place-order',
      'POST',
      `/api/store/carts/${cart.json.id}/checkout`,
      { email: `rush${n}@example.com`, shippingAddress: ADDRESS, payment: { provider: 'test', token: '4242424242424242' } },
      { 'idempotency-key': key, ...(ticket ? { 'x-queue-ticket': ticket } : {}) },
    );
    if (res.status === 503 && res.json?.error?.code === 'QUEUED') {
      wasQueued = true;
      ticket = res.json.error.ticket ?? (res.headers['x-queue-ticket'] as string | undefined) ?? ticket;
      const wait = Math.min(Math.max(Number(res.headers['retry-after'] ?? 1), 1), 5) * 1000;
      if (Date.now() + wait > deadline) return 'gave_up';
      await new Promise((r) => setTimeout(r, wait));
      continue;
    }
    if (wasQueued) rec.queued(performance.now() - queuedAt);
    if (res.status === 503 || res.status === 429) {
      const wait = Math.min(Math.max(Number(res.headers['retry-after'] ?? 1), 1), 5) * 1000;
      if (Date.now() + wait > deadline) return 'gave_up';
      await new Promise((r) => setTimeout(r, wait));
      continue;
    }
    if (res.status === 201 || res.status === 200) {
      rec.order(variant.id, 1);
      return 'ordered';
    }
    if (res.status === 409) return 'sold_out';
    if (res.status === 402) return 'declined';
    return 'error';
  }
}
