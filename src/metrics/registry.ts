import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// A small façade over prom-client so any capability can report a figure with one call and no
// prom-client import: names are prefixed `comptoir_`, a gauge is a function read at scrape time,
// and a gauge registered again under the same name replaces the first (the shop registers 0-valued
// defaults, such as queue_length, that the capability owning the figure then takes over).

export const PREFIX = 'comptoir_';

export type Labels = Record<string, string>;
export type LabelledValue = { labels: Labels; value: number };
export type CounterHandle = { inc(labels?: Labels, by?: number): void };
export type HistogramHandle = { observe(value: number, labels?: Labels): void };
type Read<T> = () => T | Promise<T>;

const NAME = /^[a-z_][a-z0-9_]*$/;

function fullName(name: string): string {
  if (!NAME.test(name)) throw new Error(`metric name ${JSON.stringify(name)}: use lower-case letters, digits and _`);
  return name.startsWith(PREFIX) ? name : PREFIX + name;
}

// Process figures (CPU, memory, event-loop delay, GC) belong to the process, not to one shop: they
// are collected once per process, however many shops a test starts in it.
let processRegistry: Registry | null = null;
function processFigures(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry, prefix: PREFIX, eventLoopMonitoringPrecision: 10 });
  }
  return processRegistry;
}

export function createRegistry() {
  processFigures(); // from boot, so the event-loop delay covers the whole run
  const registry = new Registry();
  const readers = new Map<string, Read<number>>();

  function fresh(full: string): void {
    if (registry.getSingleMetric(full)) registry.removeSingleMetric(full);
  }

  return {
    /** A figure read when asked for: `gauge('queue_length', 'Shoppers waiting', () => queue.size)`. */
    gauge(name: string, help: string, read: Read<number>): void {
      const full = fullName(name);
      fresh(full);
      readers.set(full, read);
      new Gauge({
        name: full,
        help,
        registers: [registry],
        async collect() {
          this.set(await read());
        },
      });
    },

    /** Several values of one figure told apart by labels (keep the label values few and bounded). */
    labelledGauge(name: string, help: string, labelNames: string[], read: Read<LabelledValue[]>): void {
      const full = fullName(name);
      fresh(full);
      readers.delete(full);
      new Gauge({
        name: full,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          const values = await read();
          this.reset();
          for (const v of values) this.set(v.labels, v.value);
        },
      });
    },

    /** A running total kept elsewhere (a database count, a cache's hit count), read when asked for. */
    counterFrom(name: string, help: string, read: Read<number>): void {
      const full = fullName(name);
      fresh(full);
      readers.set(full, read);
      new Counter({
        name: full,
        help,
        registers: [registry],
        async collect() {
          this.reset();
          this.inc(Math.max(0, await read()));
        },
      });
    },

    /** A counter this process increments; asking again for the same name returns the same counter. */
    counter(name: string, help: string, labelNames: string[] = []): CounterHandle {
      const full = fullName(name);
      const existing = registry.getSingleMetric(full);
      const c = existing instanceof Counter ? existing : new Counter({ name: full, help, labelNames, registers: [registry] });
      return { inc: (labels = {}, by = 1) => c.inc(labels, by) };
    },

    /** Durations and sizes in buckets, observed in base units (seconds, bytes). Same name, same histogram. */
    histogram(name: string, help: string, opts: { labelNames?: string[]; buckets?: number[] } = {}): HistogramHandle {
      const full = fullName(name);
      const existing = registry.getSingleMetric(full);
      const h =
        existing instanceof Histogram
          ? existing
          : new Histogram({ name: full, help, labelNames: opts.labelNames ?? [], registers: [registry], ...(opts.buckets ? { buckets: opts.buckets } : {}) });
      return { observe: (value, labels = {}) => h.observe(labels, value) };
    },

    /** The current value of a figure registered with gauge() or counterFrom(); 0 when nothing reports it. */
    async value(name: string): Promise<number> {
      const read = readers.get(fullName(name));
      const v = read ? await read() : 0;
      return Number.isFinite(v) ? v : 0;
    },

    /** Every figure in the Prometheus text format. */
    async exposition(): Promise<{ contentType: string; body: string }> {
      const [proc, shop] = await Promise.all([processFigures().metrics(), registry.metrics()]);
      return { contentType: registry.contentType, body: `${proc.trimEnd()}\n\n${shop.trimEnd()}\n` };
    },
  };
}

export type MetricsRegistry = ReturnType<typeof createRegistry>;
