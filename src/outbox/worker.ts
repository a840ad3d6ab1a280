import type { Db } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';

export type Handler = (payload: any, message: { id: number; dedupeKey: string; attempts: number }) => Promise<void>;
type Log = { error: (obj: object, msg: string) => void; info?: (obj: object, msg: string) => void };

export const MAX_ATTEMPTS = 8;
/** 10 s, 40 s, 2.7 min, ... capped at 6 h: a dead SMTP server is retried for about a day. */
export const backoffMs = (attempts: number): number => Math.min(10_000 * 4 ** (attempts - 1), 6 * 3_600_000);

/**
 * Delivers outbox messages after commit. A message is claimed by a lease (locked_until) so that
 * several processes can run workers without delivering the same message at the same time.
 */
export function createOutboxWorker(deps: {
  db: Db;
  handlers: Record<string, Handler>;
  log: Log;
  batch?: number;
  leaseMs?: number;
  /** False where another process has the worker role: soon() then leaves delivery to it. */
  delivers?: boolean;
}) {
  const { db, handlers, log } = deps;
  const batch = deps.batch ?? 20;
  const leaseMs = deps.leaseMs ?? 60_000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  let again = false;

  async function claim(now: Date) {
    const nowS = now.toISOString();
    return db
      .updateTable('outbox')
      .set((eb) => ({ locked_until: new Date(now.getTime() + leaseMs).toISOString(), attempts: eb('attempts', '+', 1) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', nowS)
          .where((w) => w.or([w('locked_until', 'is', null), w('locked_until', '<', nowS)]))
          .orderBy('id')
          .limit(batch),
      )
      .returningAll()
      .execute();
  }

  async function deliver(now = new Date()): Promise<number> {
    const messages = await claim(now);
    for (const m of messages) {
      const handler = handlers[m.topic];
      try {
        if (!handler) throw new Error(`no handler for topic ${m.topic}`);
        await handler(JSON.parse(m.payload), { id: m.id, dedupeKey: m.dedupe_key, attempts: m.attempts });
        await db.updateTable('outbox').set({ status: 'sent', sent_at: nowIso(), locked_until: null, last_error: null }).where('id', '=', m.id).execute();
      } catch (e) {
        const failed = m.attempts >= MAX_ATTEMPTS;
        log.error({ err: e, outboxId: m.id, topic: m.topic, attempts: m.attempts }, failed ? 'outbox message failed for good' : 'outbox delivery failed, will retry');
        await db
          .updateTable('outbox')
          .set({
            status: failed ? 'failed' : 'pending',
            locked_until: null,
            last_error: String((e as Error).message ?? e).slice(0, 1000),
            next_attempt_at: new Date(Date.now() + backoffMs(m.attempts)).toISOString(),
          })
          .where('id', '=', m.id)
          .execute();
      }
    }
    return messages.length;
  }

  /** Runs one delivery pass now, or once more right after the pass in progress. */
  function nudge(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        let n: number;
        do {
          n = await deliver();
          total += n;
        } while (n === batch);
      } while (again);
      return total;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  let scheduled: NodeJS.Timeout | null = null;
  /**
   * A pass a few milliseconds from now, shared by every commit until then: during a rush, messages are
   * claimed and delivered in batches instead of one claim per order.
   */
  function soon(delayMs = 25): void {
    if (scheduled || deps.delivers === false) return;
    scheduled = setTimeout(() => {
      scheduled = null;
      void nudge().catch((e) => log.error({ err: e }, 'outbox pass failed'));
    }, delayMs);
    scheduled.unref();
  }

  return {
    deliver,
    nudge,
    soon,
    start(intervalMs = 1000) {
      timer ??= setInterval(() => void nudge().catch((e) => log.error({ err: e }, 'outbox pass failed')), intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (scheduled) clearTimeout(scheduled);
      timer = null;
      scheduled = null;
      await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;
