import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Agent } from 'undici';
import { buildApp } from '../src/app.ts';
import { ProductInputSchema } from '../src/catalog/index.ts';
import { loadConfig } from '../src/config.ts';
import { formatReport } from '../src/rush/command.ts';
import { discover, rush } from '../src/rush/run.ts';
import { load, median, type LoadResult } from './lib/load.ts';
import { buildOnce, freePort, startBaseline, startShop } from './lib/processes.ts';
import { row, verdict } from './lib/report.ts';
import { rssMb, sampleRss } from './lib/rss.ts';

// The newsletter rush: cached pages against raw node:http, a rush at ten times the checkout
// capacity, memory, and cold start — all in one run on this machine.
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 20);
const RUSH_SECONDS = Number(process.env.BENCH_RUSH_SECONDS ?? 20);
/** Seconds each shopper spends on the checkout form, holding a place: what makes admissions overlap. */
const THINK_SECONDS = Number(process.env.BENCH_THINK_SECONDS ?? 3);
/** Deep enough that shoppers keep reaching checkout for the whole rush. */
const STOCK = 3000;

async function seed(env: Record<string, string>): Promise<void> {
  const app = await buildApp(loadConfig({ ...process.env, ...env, WORKER: '0' }));
  for (let i = 0; i < 12; i++) {
    await app.services.catalog.products.create(
      ProductInputSchema.parse({
        status: 'active',
        translations: { fr: { title: `Carnet de rush ${i}`, description: 'Papier recyclé, 96 pages.' }, en: { title: `Rush notebook ${i}`, description: 'Recycled paper, 96 pages.' } },
        options: ['Couleur'],
        variants: ['Bleu', 'Vert', 'Ocre'].map((c, j) => ({ sku: `RUSH-${i}-${j}`, options: [c], price: { amount: 1200 + 100 * j, currency: 'EUR' }, onHand: STOCK, weightGrams: 200 })),
      }),
      { label: 'bench' },
    );
  }
  await app.close();
}

export async function benchRush(workDir: string): Promise<void> {
  const dir = join(workDir, 'rush');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const env = { DATA_DIR: dir, DATABASE_URL: join(dir, 'shop.db'), LOG_LEVEL: 'silent', ADMISSION_MAX_CHECKOUTS: String(CAPACITY), RATE_LIMIT_CART: '100000', RATE_LIMIT_CHECKOUT: '100000', RATE_LIMIT_SEARCH: '100000' };
  await seed(env);

  // Cold start: process spawn to the first product page served (the compiled build, as deployed).
  buildOnce();
  const t0 = performance.now();
  const shop = await startShop(env, await freePort());
  const firstPage = await fetch(`${shop.url}/fr/products/carnet-de-rush-0`);
  const coldMs = performance.now() - t0;
  if (firstPage.status !== 200) throw new Error(`product page answered ${firstPage.status}`);
  const idle = rssMb(shop.child.pid!);
  try {
    // 1. Cached product page against the same bytes from raw node:http, 100 connections.
    const path = '/fr/products/carnet-de-rush-0';
    const body = await (await fetch(shop.url + path)).text();
    const file = join(dir, 'cached-product.html');
    writeFileSync(file, body);
    const base = await startBaseline(file, 'text/html; charset=utf-8');
    const results: Record<string, LoadResult[]> = { base: [], shop: [] };
    try {
      await load(shop.url + path, { connections: 100, seconds: 1 });
      for (let i = 0; i < ROUNDS; i++) {
        results.base!.push(await load(base.url, { connections: 100, seconds: SECONDS }));
        results.shop!.push(await load(shop.url + path, { connections: 100, seconds: SECONDS }));
      }
    } finally {
      await base.stop();
    }
    const med = (rs: LoadResult[]): LoadResult => ({ rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), errors: rs.reduce((s, r) => s + r.errors, 0), non2xx: rs.reduce((s, r) => s + r.non2xx, 0), bytesPerReq: rs[0]!.bytesPerReq });
    const b = med(results.base!);
    const s = med(results.shop!);
    console.log(`  cached product page, 100 connections, median of ${ROUNDS} × ${SECONDS} s (baseline: raw node:http, same bytes):`);
    console.log(row('baseline', b));
    console.log(row('cached product page', s, b));
    console.log(verdict(s.rps >= 0.8 * b.rps, 'cached product page at 80% or more of the baseline'));
    console.log(verdict(s.p99 < 20, 'cached product page p99 under 20 ms'));

    // 2. A rush at ten times the checkout capacity.
    const shoppers = CAPACITY * 10;
    const agent = new Agent();
    const catalog = await discover(shop.url, 'fr', agent);
    await agent.close();
    const rss = sampleRss(shop.child.pid!);
    const report = await rush({ url: shop.url, shoppers, rampSeconds: 5, seconds: RUSH_SECONDS, maxJourneys: 1_000_000, locale: 'fr', thinkSeconds: THINK_SECONDS }, catalog);
    const peak = rss.stop();
    const before = new Map(catalog.products.flatMap((p) => p.variants.map((v) => [v.id, { onHand: STOCK, reserved: 0 }] as const)));
    const { text, oversold } = formatReport(report, before, before);
    console.log(`\n  rush: ${shoppers} phone shoppers through the HTML pages (ten times a checkout capacity of ${CAPACITY}), ${THINK_SECONDS} s on the checkout form, ${RUSH_SECONDS} s`);
    console.log(text.split('\n').map((l) => `  ${l}`).join('\n'));
    const fiveXX = Object.entries(report.statuses).filter(([k]) => /\s5\d\d$/.test(k) && !/\s503$/.test(k)).reduce((n, [, v]) => n + v, 0);
    console.log(verdict(report.steps['place-order'].p99 < 250, `admitted shoppers' place-order p99 under 250 ms (${report.steps['place-order'].p99} ms)`));
    console.log(verdict(fiveXX === 0, `zero 5xx other than the queue's 503 (${fiveXX})`));
    console.log(verdict(report.queue.queued > 0, `the rest queued (${report.queue.queued} shoppers waited)`));
    console.log(verdict(!oversold, 'zero units oversold'));

    // 3. Memory and cold start.
    console.log(`\n  memory: RSS ${idle.toFixed(0)} MB idle after start, peak ${peak.toFixed(0)} MB during the rush`);
    console.log(verdict(peak < 200, 'RSS under 200 MB during the rush'));
    console.log(verdict(idle < 120, 'RSS under 120 MB idle'));
    console.log(`  cold start to first product page: ${coldMs.toFixed(0)} ms (process spawn, migrations check, first render)`);
    console.log(verdict(coldMs < 1000, 'cold start to first page under 1 s'));
  } finally {
    await shop.stop();
  }
}
