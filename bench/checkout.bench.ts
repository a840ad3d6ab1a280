import { fork } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/app.ts';
import { ProductInputSchema } from '../src/catalog/index.ts';
import { loadConfig } from '../src/config.ts';
import { runJourney, type JourneyResult } from './lib/journey.ts';
import { median } from './lib/load.ts';
import { freePort, startShop } from './lib/processes.ts';
import { verdict } from './lib/report.ts';

// The full buying journey (create cart, add line, check out with the test card) by concurrent buyers.
const BUYERS = Number(process.env.BENCH_BUYERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MAX_ORDERS = 200_000;

async function startJourneyBaseline(): Promise<{ url: string; stop: () => void }> {
  const child = fork(fileURLToPath(new URL('./lib/journey-baseline.mjs', import.meta.url)), [], { stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => child.once('message', (m: any) => resolve(m.port)));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export async function benchCheckout(workDir: string): Promise<void> {
  const dir = join(workDir, 'checkout');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { DATA_DIR: dir, DATABASE_URL: join(dir, 'shop.db'), LOG_LEVEL: 'silent' };

  // 1. Products with deep stock, and the SQL statements of one order, counted in-process.
  // The faults hook (a seam for failure tests) marks the moment the order is committed, before payment.
  let committedAt = 0;
  let conn: { queryCount: () => number } | null = null;
  const app = await buildApp(loadConfig({ ...process.env, ...env, WORKER: '0' }), {
    faults: (step) => {
      if (step === 'after-commit' && conn) committedAt = conn.queryCount();
    },
  });
  const s = app.services;
  conn = s.conn;
  const variantIds: number[] = [];
  for (let i = 0; i < 8; i++) {
    const p = await s.catalog.products.create(
      ProductInputSchema.parse({
        status: 'active',
        translations: { fr: { title: `Article de banc ${i}`, description: '' } },
        variants: [{ sku: `BENCH-${i}`, price: { amount: 1500 + i * 100, currency: 'EUR' }, onHand: 1_000_000, weightGrams: 300 }],
      }),
      { label: 'bench' },
    );
    variantIds.push(p.variants[0]!.id);
  }
  const buy = async () => {
    const cart = await s.cart.create('fr');
    await s.cart.addLine(cart, variantIds[0]!, 1);
    const before = s.conn.queryCount();
    await s.checkout.placeOrder(
      cart,
      { email: 'a@example.com', shippingAddress: { name: 'A B', line1: '1 rue X', postalCode: '75002', city: 'Paris', country: 'FR' }, payment: { provider: 'test', token: '4242424242424242' } },
      `count-${cart}`,
    );
    return before;
  };
  await buy(); // the first order also loads the shipping methods into memory
  const before = await buy();
  const placement = committedAt - before;
  const whole = s.conn.queryCount() - before;
  console.log(`  SQL statements per order with the test card: placement ${placement} (cart read, BEGIN, order number, order, stock reservation, ledger, lines, history, cart, COMMIT), payment ${whole - placement}, whole checkout ${whole}`);
  console.log(verdict(placement <= 10, '10 SQL statements or fewer per order placement (BEGIN and COMMIT counted)'));
  await app.close();

  // 2. Load: the shop in its own process, the baseline with the same generator.
  const shop = await startShop(env, await freePort());
  const base = await startJourneyBaseline();
  const shopRuns: JourneyResult[] = [];
  const baseRuns: JourneyResult[] = [];
  try {
    await runJourney(shop.url, { buyers: BUYERS, seconds: 1, maxOrders: MAX_ORDERS, variantIds });
    for (let i = 0; i < ROUNDS; i++) {
      baseRuns.push(await runJourney(base.url, { buyers: BUYERS, seconds: SECONDS, maxOrders: MAX_ORDERS, variantIds }));
      shopRuns.push(await runJourney(shop.url, { buyers: BUYERS, seconds: SECONDS, maxOrders: MAX_ORDERS, variantIds }));
    }
  } finally {
    base.stop();
    await shop.stop();
  }
  const b = median(baseRuns.map((r) => r.ordersPerSecond));
  const o = median(shopRuns.map((r) => r.ordersPerSecond));
  const p99 = median(shopRuns.map((r) => r.journeyP99));
  const co = median(shopRuns.map((r) => r.p99.checkout!));
  const last = shopRuns[shopRuns.length - 1]!;
  console.log(`\n  checkout journey, ${BUYERS} concurrent buyers, median of ${ROUNDS} × ${SECONDS} s:`);
  console.log(`    baseline (raw node:http, same 3 calls):  ${b.toFixed(0)} journeys/s`);
  console.log(`    Comptoir on SQLite:                      ${o.toFixed(0)} orders/s (${((o / b) * 100).toFixed(1)}% of baseline)`);
  console.log(`    p50 per step: cart ${last.p50.cart} ms, line ${last.p50.line} ms, checkout ${last.p50.checkout} ms`);
  console.log(`    p99 per step: cart ${last.p99.cart} ms, line ${last.p99.line} ms, checkout ${co} ms (median of rounds); whole journey p99 ${p99} ms`);
  console.log(`    errors: ${shopRuns.reduce((n, r) => n + r.errors, 0)}; statuses of the last round: ${JSON.stringify(last.statuses)}`);
  console.log(verdict(o >= 1000, '1,000 complete orders/s or more'));
  console.log(verdict(co < 100, 'checkout p99 under 100 ms at 50 buyers'));
}
