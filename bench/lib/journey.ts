import { Agent, request } from 'undici';
import { median } from './load.ts';

// Concurrent buyers, each repeating: create a cart, add a line, check out. Bounded in time and count.
export type JourneyResult = {
  orders: number;
  seconds: number;
  ordersPerSecond: number;
  errors: number;
  statuses: Record<string, number>;
  p50: Record<string, number>;
  p99: Record<string, number>;
  journeyP99: number;
};

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

export async function runJourney(base: string, opts: { buyers: number; seconds: number; maxOrders: number; variantIds: number[] }): Promise<JourneyResult> {
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(base)) throw new Error(`benchmarks only target loopback, not ${base}`);
  const agent = new Agent({ connections: opts.buyers * 2, pipelining: 1, keepAliveTimeout: 30_000 });
  const steps: Record<string, number[]> = { cart: [], line: [], checkout: [] };
  const journeys: number[] = [];
  const statuses: Record<string, number> = {};
  let orders = 0;
  let errors = 0;
  let started = 0;
  const deadline = Date.now() + opts.seconds * 1000;
  const t0 = performance.now();

  async function call(step: string, method: 'POST', path: string, body: unknown, headers: Record<string, string> = {}) {
    const t = performance.now();
    const r = await request(base + path, { method, dispatcher: agent, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const text = await r.body.text();
    steps[step]!.push(performance.now() - t);
    statuses[`${step} ${r.statusCode}`] = (statuses[`${step} ${r.statusCode}`] ?? 0) + 1;
    return { status: r.statusCode, json: text ? JSON.parse(text) : null };
  }

  async function buyer(n: number) {
    let i = 0;
    while (Date.now() < deadline && started < opts.maxOrders) {
      started++;
      const t = performance.now();
      try {
        const cart = await call('cart', 'POST', '/api/store/carts', {});
        if (cart.status !== 201) throw new Error(`cart ${cart.status}`);
        const variantId = opts.variantIds[(n + i++) % opts.variantIds.length]!;
        const line = await call('line', 'POST', `/api/store/carts/${cart.json.id}/lines`, { variantId, quantity: 1 });
        if (line.status !== 201) throw new Error(`line ${line.status}`);
        const order = await call(
          'checkout',
          'POST',
          `/api/store/carts/${cart.json.id}/checkout`,
          {
            email: `buyer${n}@example.com`,
            shippingAddress: { name: 'Bench Buyer', line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR' },
            payment: { provider: 'test', token: '4242424242424242' },
          },
          { 'idempotency-key': `bench-${n}-${i}-${cart.json.id}` },
        );
        if (order.status !== 201) throw new Error(`checkout ${order.status}`);
        orders++;
        journeys.push(performance.now() - t);
      } catch {
        errors++;
      }
    }
  }

  await Promise.all(Array.from({ length: opts.buyers }, (_, n) => buyer(n)));
  const seconds = (performance.now() - t0) / 1000;
  await agent.close();
  const p50: Record<string, number> = {};
  const p99: Record<string, number> = {};
  for (const [k, xs] of Object.entries(steps)) {
    p50[k] = Math.round(median(xs.length ? xs : [0]) * 10) / 10;
    p99[k] = Math.round(pct(xs, 99) * 10) / 10;
  }
  return { orders, seconds, ordersPerSecond: orders / seconds, errors, statuses, p50, p99, journeyP99: Math.round(pct(journeys, 99) * 10) / 10 };
}
