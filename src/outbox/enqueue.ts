import type { Executor } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';

/**
 * Records a message to send, in the caller's transaction: it exists only if the change it announces
 * was committed. The dedupe key makes the same event announced twice one message.
 */
export async function enqueue(db: Executor, topic: string, dedupeKey: string, payload: unknown): Promise<void> {
  const now = nowIso();
  await db
    .insertInto('outbox')
    .values({ topic, dedupe_key: dedupeKey, payload: JSON.stringify(payload), status: 'pending', attempts: 0, next_attempt_at: now, locked_until: null, last_error: null, created_at: now, sent_at: null })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}
