import type { Executor } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';

/** Who did something: a staff member (by e-mail), an API key (by name), or the system. */
export type Actor = { label: string; staffId?: number | null };
export const SYSTEM: Actor = { label: 'system' };

/** Written in the caller's transaction, so the log never disagrees with what happened. */
export async function audit(db: Executor, actor: Actor, action: string, entity: string, entityId: string | number, detail?: unknown): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: actor.label,
      action,
      entity,
      entity_id: String(entityId),
      detail: detail === undefined ? null : JSON.stringify(detail),
      created_at: nowIso(),
    })
    .execute();
}
