import { randomUUID } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Executor } from '../db/connection.ts';
import { enqueue, type Handler } from '../outbox/index.ts';

// A CDN in front of the shop holds pages for s-maxage seconds; when they change, it is told to drop
// them by tag (the Surrogate-Key / Cache-Tag headers). The call goes through the outbox: retried
// with backoff when the CDN is down, and never made while a shopper waits.

export const CDN_PURGE_TOPIC = 'cdn.purge';
/** Tags per purge call: generous for any CDN, and a message stays small. */
const TAGS_PER_MESSAGE = 200;
const PURGE_TIMEOUT_MS = 10_000;

/** The outbox handler: POSTs `{ tags }` to CDN_PURGE_URL with the token; anything but 2xx is retried. */
export function cdnPurgeHandlers(config: Config, fetchImpl: typeof fetch = fetch): Record<string, Handler> {
  return {
    async [CDN_PURGE_TOPIC](payload: { tags: string[] }) {
      const target = config.cdnPurge;
      // Queued while a CDN was configured, delivered after it was removed: nothing to purge any more.
      if (!target) return;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (target.token) headers.authorization = `Bearer ${target.token}`;
      const res = await fetchImpl(target.url, { method: 'POST', headers, body: JSON.stringify({ tags: payload.tags }), signal: AbortSignal.timeout(PURGE_TIMEOUT_MS) });
      await res.body?.cancel().catch(() => undefined);
      if (!res.ok) throw new Error(`the CDN purge endpoint answered ${res.status}`);
    },
  };
}

export type CdnPurgeQueue = {
  /** Tags to purge; gathered for `delayMs` so a rush of orders makes one message, not one per order. */
  add(tags: Iterable<string>): void;
  /** Writes what is gathered now (on shutdown, and in tests). */
  flush(): Promise<void>;
};

export function createCdnPurgeQueue(deps: {
  db: Executor;
  config: Config;
  /** Asks the outbox worker for a delivery pass now. */
  nudge: () => void;
  log: { error: (obj: object, msg: string) => void };
  delayMs?: number;
}): CdnPurgeQueue {
  const delayMs = deps.delayMs ?? 1000;
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;

  async function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    if (pending.size === 0) return;
    const tags = [...pending].sort();
    pending = new Set();
    // Its own small write, after the change committed (the page cache learns of changes after commit).
    for (let i = 0; i < tags.length; i += TAGS_PER_MESSAGE) {
      await enqueue(deps.db, CDN_PURGE_TOPIC, `cdn-purge:${randomUUID()}`, { tags: tags.slice(i, i + TAGS_PER_MESSAGE) });
    }
    deps.nudge();
  }

  return {
    add(tags) {
      if (!deps.config.cdnPurge) return;
      for (const t of tags) pending.add(t);
      if (pending.size === 0 || timer) return;
      timer = setTimeout(() => void flush().catch((e) => deps.log.error({ err: e }, 'could not queue the CDN purge')), delayMs);
      timer.unref();
    },
    flush,
  };
}
