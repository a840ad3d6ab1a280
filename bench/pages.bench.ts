import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { seedDemo } from '../src/demo/seed.ts';
import { load, median, type LoadResult } from './lib/load.ts';
import { freePort, startBaseline, startShop } from './lib/processes.ts';
import { row, verdict } from './lib/report.ts';

// Uncached storefront pages against a raw node:http server sending the same bytes, in one run.
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

export async function benchPages(workDir: string): Promise<void> {
  const dir = join(workDir, 'pages');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // The page cache is off here: this measures rendering from the database on every request.
  const env = { DATA_DIR: dir, DATABASE_URL: join(dir, 'shop.db'), LOG_LEVEL: 'silent', PAGE_CACHE_MB: '0' };

  // 1. Seed, and count SQL statements per page in-process.
  const app = await buildApp(loadConfig({ ...process.env, ...env }));
  const t0 = Date.now();
  await seedDemo(app.services, () => {});
  console.log(`  demo catalog seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  const { db } = app.services.conn;
  const product = await db
    .selectFrom('products as p')
    .innerJoin('variants as v', 'v.product_id', 'p.id')
    .select(['p.handle', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.status', '=', 'active')
    .groupBy('p.handle')
    .orderBy('n', 'desc')
    .executeTakeFirstOrThrow();
  const small = await db.selectFrom('products').select('handle').where('status', '=', 'active').orderBy('id').executeTakeFirstOrThrow();
  const collections = await app.services.catalog.collections.list('fr');
  const biggest = [...collections].sort((a, b) => b.productCount - a.productCount)[0]!;
  const smallest = [...collections].sort((a, b) => a.productCount - b.productCount)[0]!;
  const productPath = `/fr/products/${product.handle}`;
  const collectionPath = `/fr/collections/${biggest.handle}`;

  const queries = async (path: string) => {
    await app.server.inject({ url: path }); // warm the in-memory navigation
    const before = app.services.conn.queryCount();
    const r = await app.server.inject({ url: path });
    if (r.statusCode !== 200) throw new Error(`${path} answered ${r.statusCode}`);
    return app.services.conn.queryCount() - before;
  };
  console.log('\n  SQL statements per page (must not grow with the page):');
  console.log(`    product with ${product.n} variants (${productPath}): ${await queries(productPath)}`);
  console.log(`    product ${small.handle}: ${await queries(`/fr/products/${small.handle}`)}`);
  console.log(`    collection with ${biggest.productCount} products: ${await queries(collectionPath)}`);
  console.log(`    collection with ${smallest.productCount} products: ${await queries(`/fr/collections/${smallest.handle}`)}`);

  // 2. Page weight without images: HTML plus the CSS and JS it links, compressed.
  const page = await app.server.inject({ url: productPath });
  const html = page.body;
  const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  let br = brotliCompressSync(html).length;
  let gz = gzipSync(html).length;
  for (const a of new Set(assets)) {
    const r = await app.server.inject({ url: a });
    br += brotliCompressSync(r.rawPayload).length;
    gz += gzipSync(r.rawPayload).length;
  }
  console.log(`\n  product page weight without images: HTML ${(html.length / 1024).toFixed(1)} KB raw; with ${new Set(assets).size} assets ${(br / 1024).toFixed(1)} KB brotli, ${(gz / 1024).toFixed(1)} KB gzip`);
  console.log(verdict(gz < 30 * 1024, 'under 30 KB compressed'));
  await app.close();

  // 3. Throughput: the shop in its own process, the baseline sending the same bytes.
  const shop = await startShop(env, await freePort());
  const results: Record<string, LoadResult[]> = {};
  try {
    for (const [name, path] of [['product page', productPath], ['collection page', collectionPath]] as const) {
      const body = await (await fetch(shop.url + path)).text();
      const file = join(dir, `${name.replace(' ', '-')}.html`);
      writeFileSync(file, body);
      const base = await startBaseline(file, 'text/html; charset=utf-8');
      try {
        await load(base.url, { connections: CONNECTIONS, seconds: 1 });
        await load(shop.url + path, { connections: CONNECTIONS, seconds: 1 });
        for (let i = 0; i < ROUNDS; i++) {
          (results[`baseline ${name}`] ??= []).push(await load(base.url, { connections: CONNECTIONS, seconds: SECONDS }));
          (results[name] ??= []).push(await load(shop.url + path, { connections: CONNECTIONS, seconds: SECONDS }));
        }
      } finally {
        await base.stop();
      }
    }
  } finally {
    await shop.stop();
  }
  const med = (k: string): LoadResult => {
    const rs = results[k]!;
    return { rps: median(rs.map((r) => r.rps)), p50: median(rs.map((r) => r.p50)), p99: median(rs.map((r) => r.p99)), errors: rs.reduce((s, r) => s + r.errors, 0), non2xx: rs.reduce((s, r) => s + r.non2xx, 0), bytesPerReq: rs[0]!.bytesPerReq };
  };
  console.log(`\n  uncached pages, ${CONNECTIONS} connections, median of ${ROUNDS} × ${SECONDS} s (baseline: raw node:http, same bytes):`);
  for (const name of ['product page', 'collection page']) {
    const b = med(`baseline ${name}`);
    const s = med(name);
    console.log(row(`baseline ${name}`, b));
    console.log(row(name, s, b));
    if (name === 'product page') {
      console.log(verdict(s.rps >= 0.2 * b.rps, 'product page at 20% or more of the baseline'));
      console.log(verdict(s.p99 < 50, 'product page p99 under 50 ms'));
    }
  }
}
