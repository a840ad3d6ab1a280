import type { Db } from '../db/connection.ts';
import { audit, SYSTEM } from '../audit/index.ts';
import { nowIso } from '../lib/clock.ts';
import { invalid } from '../lib/errors.ts';
import { randomToken, sha256 } from './tokens.ts';

// Scopes grow with the API: "admin" covers every admin endpoint; narrower ones come with later capabilities.
export const SCOPES = ['admin', 'catalog:read', 'catalog:write'] as const;
export type Scope = (typeof SCOPES)[number];
export type ApiKeyInfo = { id: number; name: string; prefix: string; scopes: Scope[] };

const KEY_PREFIX = 'ck_';

export function createApiKeyService(db: Db) {
  return {
    /** The full key is shown once, here; only its hash is stored. */
    async create(name: string, scopes: string[]): Promise<{ key: string; info: ApiKeyInfo }> {
      const bad = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
      if (bad.length || scopes.length === 0) {
        throw invalid([{ field: 'scope', message: `unknown scope ${bad.join(', ') || '(none)'}: use one of ${SCOPES.join(', ')}` }]);
      }
      const key = KEY_PREFIX + randomToken(24);
      const prefix = key.slice(0, 10);
      const r = await db
        .insertInto('api_keys')
        .values({ name: name.slice(0, 120), prefix, key_hash: sha256(key), scopes: scopes.join(' '), created_at: nowIso(), last_used_at: null, revoked_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(db, SYSTEM, 'api_key.create', 'api_key', r.id, { name, scopes });
      return { key, info: { id: r.id, name, prefix, scopes: scopes as Scope[] } };
    },

    async verify(key: string): Promise<ApiKeyInfo | null> {
      if (!key.startsWith(KEY_PREFIX)) return null;
      const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', sha256(key)).where('revoked_at', 'is', null).executeTakeFirst();
      if (!row) return null;
      return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes.split(' ') as Scope[] };
    },

    async revoke(id: number): Promise<boolean> {
      const r = await db.updateTable('api_keys').set({ revoked_at: nowIso() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

export function hasScope(info: ApiKeyInfo, needed: Scope): boolean {
  return info.scopes.includes('admin') || info.scopes.includes(needed);
}
