import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants as zlib, gzip, gzipSync } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

// Rendered pages for anonymous visitors, kept in memory with their compressed forms made once,
// tagged with what they show so a change removes exactly the pages that show it.
// Facts are the few values a page shows that change without an edit (a variant's stock state, the
// navigation): reconcile() compares them with fresh reads and drops only the pages that now differ.
export type RenderedPage = {
  status: number;
  body: string | Buffer;
  contentType: string;
  tags: string[];
  facts?: Record<string, string>;
  /** False for a page reached by a query that names nothing real (made-up variant ids...): served, not kept. */
  keep?: boolean;
};

export type CachedPage = {
  status: number;
  contentType: string;
  identity: Buffer;
  gzip: Buffer;
  br: Buffer;
  etag: string;
  tags: string[];
  facts: Record<string, string>;
  storedAt: number;
};

export type CacheStats = { hits: number; misses: number; coalesced: number; renders: number; entries: number; bytes: number; invalidations: number };

export function createPageCache(opts: { maxBytes?: number } = {}) {
  const maxBytes = opts.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, CachedPage>(); // insertion order = least recently used first
  const byTag = new Map<string, Set<string>>();
  const inFlight = new Map<string, Promise<CachedPage | null>>();
  const stats: CacheStats = { hits: 0, misses: 0, coalesced: 0, renders: 0, entries: 0, bytes: 0, invalidations: 0 };
  /**
   * A render that started before an invalidation of one of its tags (or before a fresh read of a fact
   * it shows with another value) must not be stored after it. Ticks order renders and invalidations;
   * the records are only kept while some render is in flight, since later renders read fresh data.
   */
  let clock = 0;
  let clearedAt = 0;
  const fencedAt = new Map<string, number>();
  const knownAt = new Map<string, { value: string; at: number }>();
  /** Changes announced but not yet applied (set by whoever keeps the cache true to the catalog). */
  let pendingChanges: () => Promise<void> | null = () => null;

  const size = (p: CachedPage) => p.identity.length + p.gzip.length + p.br.length;

  function remove(key: string): void {
    const p = entries.get(key);
    if (!p) return;
    entries.delete(key);
    stats.bytes -= size(p);
    for (const t of p.tags) {
      const keys = byTag.get(t);
      keys?.delete(key);
      if (keys && keys.size === 0) byTag.delete(t);
    }
  }

  function store(key: string, p: CachedPage): void {
    remove(key);
    entries.set(key, p);
    stats.bytes += size(p);
    for (const t of p.tags) {
      let keys = byTag.get(t);
      if (!keys) byTag.set(t, (keys = new Set()));
      keys.add(key);
    }
    for (const oldest of entries.keys()) {
      if (stats.bytes <= maxBytes) break;
      remove(oldest);
    }
  }

  async function prepare(r: RenderedPage): Promise<CachedPage> {
    const identity = Buffer.from(r.body);
    const [g, b] = await Promise.all([
      gz(identity, { level: 6 }),
      brotli(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: identity.length } }),
    ]);
    const etag = `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`;
    return { status: r.status, contentType: r.contentType, identity, gzip: g, br: b, etag, tags: [...new Set(r.tags)], facts: r.facts ?? {}, storedAt: Date.now() };
  }

  function uncached(r: RenderedPage): CachedPage {
    const identity = Buffer.from(r.body);
    let g: Buffer | null = null;
    let b: Buffer | null = null;
    return {
      status: r.status,
      contentType: r.contentType,
      identity,
      get gzip() {
        return (g ??= gzipSync(identity, { level: 6 }));
      },
      get br() {
        return (b ??= brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } }));
      },
      etag: `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
      tags: [...new Set(r.tags)],
      facts: r.facts ?? {},
      storedAt: Date.now(),
    };
  }

  function hit(key: string): CachedPage | undefined {
    const p = entries.get(key);
    if (!p) return undefined;
    stats.hits++;
    entries.delete(key); // refresh its place in the LRU order
    entries.set(key, p);
    return p;
  }

  function stillTrue(p: CachedPage, started: number): boolean {
    if (clearedAt > started) return false;
    for (const t of p.tags) if ((fencedAt.get(t) ?? 0) > started) return false;
    for (const [k, v] of Object.entries(p.facts)) {
      const known = knownAt.get(k);
      if (known && known.at > started && known.value !== v) return false;
    }
    return true;
  }

  function shows(p: CachedPage, facts: Map<string, string>): boolean {
    for (const [k, v] of Object.entries(p.facts)) if (facts.has(k) && facts.get(k) !== v) return true;
    return false;
  }

  return {
    stats: () => ({ ...stats, entries: entries.size }),

    peek: (key: string) => entries.get(key),

    /** The page if in memory, counted as a hit (for a caller that answers without get()). */
    hit,

    /** Resolves once every change announced so far has reached the cache; null when none is pending. */
    whenCurrent: (): Promise<void> | null => pendingChanges(),

    trackPendingChanges(f: () => Promise<void> | null): void {
      pendingChanges = f;
    },

    /**
     * The page from memory, or rendered once however many requests ask for it at the same moment.
     * Only 200 pages are kept; others are returned to the request that rendered them.
     */
    async get(key: string, render: () => Promise<RenderedPage>): Promise<{ page: CachedPage; hit: boolean }> {
      // PAGE_CACHE_MB=0: every request renders its page, and compresses only what it sends.
      if (maxBytes === 0) {
        stats.misses++;
        stats.renders++;
        return { page: uncached(await render()), hit: false };
      }
      const found = hit(key);
      if (found) return { page: found, hit: true };
      const pending = inFlight.get(key);
      if (pending) {
        stats.coalesced++;
        const p = await pending;
        if (p) return { page: p, hit: true };
      }
      stats.misses++;
      const started = clock;
      let resolveShared!: (p: CachedPage | null) => void;
      const shared = new Promise<CachedPage | null>((r) => (resolveShared = r));
      inFlight.set(key, shared);
      try {
        stats.renders++;
        const rendered = await render();
        const page = await prepare(rendered);
        const cacheable = page.status === 200 && rendered.keep !== false && stillTrue(page, started);
        if (cacheable) store(key, page);
        resolveShared(cacheable ? page : null);
        return { page, hit: false };
      } catch (e) {
        resolveShared(null);
        throw e;
      } finally {
        inFlight.delete(key);
        if (inFlight.size === 0) {
          fencedAt.clear();
          knownAt.clear();
        }
      }
    },

    /** Removes every page carrying one of the tags; returns how many. */
    invalidate(tags: string[]): number {
      clock++;
      stats.invalidations++;
      if (inFlight.size) for (const t of tags) fencedAt.set(t, clock);
      let n = 0;
      for (const t of tags) {
        for (const key of [...(byTag.get(t) ?? [])]) {
          remove(key);
          n++;
        }
      }
      return n;
    },

    /**
     * Fresh values of facts (read after the change that moved them): removes the pages among those
     * carrying one of `scope`'s tags that show another value, and keeps renders in flight that read
     * an older value from being stored. Returns how many pages were removed.
     */
    reconcile(facts: Map<string, string>, scope: string[]): number {
      clock++;
      if (inFlight.size) for (const [k, value] of facts) knownAt.set(k, { value, at: clock });
      const keys = new Set<string>();
      for (const t of scope) for (const key of byTag.get(t) ?? []) keys.add(key);
      let n = 0;
      for (const key of keys) {
        const p = entries.get(key);
        if (p && shows(p, facts)) {
          remove(key);
          n++;
        }
      }
      if (n) stats.invalidations++;
      return n;
    },

    clear(): void {
      clock++;
      clearedAt = clock;
      for (const key of [...entries.keys()]) remove(key);
    },
  };
}

export type PageCache = ReturnType<typeof createPageCache>;
