import { parseArgs } from 'node:util';
import { Agent } from 'undici';
import type { Config } from '../config.ts';
import { connect } from '../db/connection.ts';
import { discover, rush, type RushReport } from './run.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The rush may only hit this shop: its configured host, or loopback on this machine, unless told otherwise. */
export function checkTarget(url: string, config: Config, allowOther: boolean): string | null {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return `${url} is not a URL`;
  }
  const own = new URL(config.publicUrl).hostname;
  if (allowOther || LOOPBACK.has(target.hostname) || target.hostname === own) return null;
  return `refusing to send a rush to ${target.hostname}: this shop is ${own}. Pass --i-own-this-host to target another host you run.`;
}

type Stock = Map<number, { onHand: number; reserved: number }>;

async function readStock(config: Config, variantIds: number[]): Promise<Stock | null> {
  if (/^(postgres|mysql|mariadb)/.test(config.databaseUrl)) return null;
  const conn = connect(config.databaseUrl);
  try {
    const rows = await conn.db.selectFrom('stock_levels').select(['variant_id', 'on_hand', 'reserved']).where('variant_id', 'in', variantIds).execute();
    const m: Stock = new Map();
    for (const r of rows) {
      const prev = m.get(r.variant_id) ?? { onHand: 0, reserved: 0 };
      m.set(r.variant_id, { onHand: prev.onHand + r.on_hand, reserved: prev.reserved + r.reserved });
    }
    return m;
  } finally {
    await conn.close();
  }
}

export function formatReport(r: RushReport, before: Stock | null, after: Stock | null): { text: string; oversold: boolean } {
  const lines = [
    `Rush report: ${r.journeys} journeys in ${r.seconds.toFixed(1)} s`,
    `  pages/s ${r.pagesPerSecond.toFixed(0)}   orders/s ${r.ordersPerSecond.toFixed(1)}   orders ${r.outcomes.ordered}`,
    `  outcomes: ${Object.entries(r.outcomes).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '  step             count     p50 ms    p99 ms   5xx',
    // Steps this journey does not take (the API's cart, the waiting room nobody met) are left out.
    ...Object.entries(r.steps).filter(([, s]) => s.count > 0 || s.errors > 0).map(([k, s]) => `  ${k.padEnd(15)} ${String(s.count).padStart(6)} ${s.p50.toFixed(1).padStart(10)} ${s.p99.toFixed(1).padStart(9)} ${String(s.errors).padStart(5)}`),
    `  queue: ${r.queue.queued} shoppers waited; wait p50 ${(r.queue.p50 / 1000).toFixed(1)} s, p99 ${(r.queue.p99 / 1000).toFixed(1)} s`,
    `  statuses: ${Object.entries(r.statuses).sort().map(([k, v]) => `${k}: ${v}`).join(', ')}`,
    ...(r.firstError ? [`  first error: ${r.firstError}`] : []),
  ];
  let oversold = false;
  if (before && after) {
    let sold = 0;
    let stock = 0;
    for (const [variantId, units] of r.unitsOrdered) {
      const b = before.get(variantId)?.onHand ?? 0;
      sold += units;
      stock += b;
      if (units > b) {
        oversold = true;
        lines.push(`  OVERSOLD: variant ${variantId}: ${units} units ordered for ${b} in stock`);
      }
    }
    lines.push(`  units sold ${sold} from ${stock} in stock on the variants bought; oversold: ${oversold ? 'YES' : 'no'}`);
  } else {
    lines.push('  stock check skipped: run the rush on the shop’s own machine (same DATABASE_URL) to compare units sold with stock');
  }
  return { text: lines.join('\n'), oversold };
}

export async function rushCommand(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      url: { type: 'string' },
      shoppers: { type: 'string', default: '100' },
      ramp: { type: 'string', default: '10' },
      seconds: { type: 'string', default: '30' },
      'max-journeys': { type: 'string', default: '20000' },
      locale: { type: 'string', default: config.defaultLocale },
      think: { type: 'string', default: '3' },
      api: { type: 'boolean', default: false },
      'i-own-this-host': { type: 'boolean', default: false },
    },
  });
  const url = (values.url ?? `http://127.0.0.1:${config.port}`).replace(/\/$/, '');
  const refused = checkTarget(url, config, values['i-own-this-host']!);
  if (refused) {
    console.error(refused);
    return 2;
  }
  const num = (name: string, v: string, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}`);
    return n;
  };
  const seconds = (name: string, v: string, max: number) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > max) throw new Error(`--${name} must be a number of seconds from 0 to ${max}`);
    return n;
  };
  const o = {
    url,
    shoppers: num('shoppers', values.shoppers!, 5000),
    rampSeconds: num('ramp', values.ramp!, 600),
    seconds: num('seconds', values.seconds!, 600),
    maxJourneys: num('max-journeys', values['max-journeys']!, 1_000_000),
    locale: (values.locale === 'en' ? 'en' : 'fr') as 'fr' | 'en',
    thinkSeconds: seconds('think', values.think!, 600),
    api: values.api!,
  };
  const agent = new Agent();
  const catalog = await discover(url, o.locale, agent);
  await agent.close();
  const variantIds = catalog.products.flatMap((p) => p.variants.map((v) => v.id));
  const how = o.api ? 'checking out through the store API' : `checking out through the pages, ${o.thinkSeconds} s filling in the form`;
  console.log(`Rush on ${url}: ${o.shoppers} shoppers (ramp ${o.rampSeconds} s), ${o.seconds} s at most, ${catalog.products.length} products, ${how}`);
  const before = await readStock(config, variantIds);
  const report = await rush(o, catalog, (l) => console.log(l));
  const after = await readStock(config, variantIds);
  const { text, oversold } = formatReport(report, before, after);
  console.log(text);
  return oversold ? 1 : 0;
}
