import { Agent, request } from 'undici';
import { apiJourney } from './api-shopper.ts';
import { journey, STEPS, type Catalog, type Outcome, type Step } from './shopper.ts';

export type RushOptions = {
  url: string;
  shoppers: number;
  rampSeconds: number;
  seconds: number;
  maxJourneys: number;
  locale: 'fr' | 'en';
  /** Seconds each shopper spends filling in the checkout form (HTML journey); default 3. */
  thinkSeconds?: number;
  /** Longest wait between two questions to the waiting room; default 2 s. */
  maxPollSeconds?: number;
  /** Check out through the store API instead of the HTML pages. */
  api?: boolean;
};

export type RushReport = {
  seconds: number;
  journeys: number;
  outcomes: Record<Outcome, number>;
  pagesPerSecond: number;
  ordersPerSecond: number;
  steps: Record<Step, { count: number; p50: number; p99: number; errors: number }>;
  statuses: Record<string, number>;
  queue: { queued: number; p50: number; p99: number };
  unitsOrdered: Map<number, number>;
  /** The first exception a journey threw, if any (the rest are only counted as errors). */
  firstError: string | null;
};

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};

/** Products and variants the shoppers will buy, read through the store API like any client. */
export async function discover(url: string, locale: 'fr' | 'en', agent: Agent): Promise<Catalog> {
  const list = await request(`${url}/api/store/products?perPage=100&locale=${locale}`, { dispatcher: agent });
  if (list.statusCode !== 200) throw new Error(`${url}/api/store/products answered ${list.statusCode}: is it a Comptoir shop?`);
  const items = ((await list.body.json()) as { items: { handle: string; available: boolean }[] }).items.filter((p) => p.available).slice(0, 24);
  const products = [];
  for (const p of items) {
    const r = await request(`${url}/api/store/products/${p.handle}?locale=${locale}`, { dispatcher: agent });
    const d = (await r.body.json()) as { handle: string; variants: { id: number; available: boolean }[] };
    const variants = d.variants.filter((v) => v.available);
    if (variants.length) products.push({ handle: d.handle, variants });
  }
  if (products.length === 0) throw new Error('the shop has no product in stock to buy');
  return { locale, products };
}

export async function rush(o: RushOptions, catalog: Catalog, onProgress?: (line: string) => void): Promise<RushReport> {
  const agent = new Agent({ connections: Math.max(o.shoppers, 16), keepAliveTimeout: 30_000 });
  const durations = Object.fromEntries(STEPS.map((s) => [s, [] as number[]])) as Record<Step, number[]>;
  const errors = Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>;
  const pace = { thinkMs: (o.thinkSeconds ?? 3) * 1000, maxPollMs: (o.maxPollSeconds ?? 2) * 1000 };
  const statuses: Record<string, number> = {};
  const waits: number[] = [];
  const unitsOrdered = new Map<number, number>();
  const outcomes: Record<Outcome, number> = { ordered: 0, sold_out: 0, declined: 0, error: 0, gave_up: 0 };
  const rec = {
    step(step: Step, ms: number, status: number, timed = true) {
      // Answers that only say "wait" (waiting room, 503) are counted in statuses, not as pages served.
      if (timed) durations[step].push(ms);
      statuses[`${step} ${status}`] = (statuses[`${step} ${status}`] ?? 0) + 1;
      if (status >= 500 && status !== 503) errors[step]++;
    },
    queued: (ms: number) => void waits.push(ms),
    order: (variantId: number, units: number) => void unitsOrdered.set(variantId, (unitsOrdered.get(variantId) ?? 0) + units),
  };
  const start = Date.now();
  const deadline = start + o.seconds * 1000;
  let started = 0;
  let firstError: string | null = null;
  const progress = setInterval(() => onProgress?.(`  ${((Date.now() - start) / 1000).toFixed(0)} s: ${outcomes.ordered} orders, ${started} journeys started`), 5000);
  progress.unref();

  async function shopper(i: number) {
    // The ramp: shopper i joins after i/N of the ramp time.
    await new Promise((r) => setTimeout(r, (o.rampSeconds * 1000 * i) / o.shoppers));
    while (Date.now() < deadline && started < o.maxJourneys) {
      const n = started++;
      try {
        const outcome = o.api ? await apiJourney(o.url, agent, catalog, n, rec, deadline) : await journey(o.url, agent, catalog, n, rec, deadline, pace);
        outcomes[outcome]++;
        // The rush ended while this shopper was in line or on the form: starting over now would only
        // pile up journeys that give up at once.
        if (outcome === 'gave_up') return;
      } catch (e) {
        firstError ??= e instanceof Error ? e.message : String(e);
        outcomes.error++;
      }
    }
  }
  await Promise.all(Array.from({ length: o.shoppers }, (_, i) => shopper(i)));
  clearInterval(progress);
  await agent.close();
  const seconds = (Date.now() - start) / 1000;
  const steps = Object.fromEntries(
    STEPS.map((s) => [s, { count: durations[s].length, p50: pct(durations[s], 50), p99: pct(durations[s], 99), errors: errors[s] }]),
  ) as RushReport['steps'];
  return {
    seconds,
    journeys: started,
    outcomes,
    pagesPerSecond: (durations.home.length + durations.product.length) / seconds,
    ordersPerSecond: outcomes.ordered / seconds,
    steps,
    statuses,
    queue: { queued: waits.length, p50: pct(waits, 50), p99: pct(waits, 99) },
    unitsOrdered,
    firstError,
  };
}
