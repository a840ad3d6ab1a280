import { z } from 'zod';
import type { Db } from '../db/connection.ts';
import { audit, SYSTEM } from '../audit/index.ts';
import { nowIso } from '../lib/clock.ts';
import { invalid } from '../lib/errors.ts';
import { decoyHash, hashPassword, verifyPassword } from './passwords.ts';
import { randomToken, sha256 } from './tokens.ts';

export const ROLES = ['owner', 'packer', 'support'] as const;
export type Role = (typeof ROLES)[number];
export type StaffMember = { id: number; email: string; name: string; role: Role };
export type Session = { staff: StaffMember; csrfToken: string; expiresAt: string };

export const SESSION_DAYS = 14;

export const StaffInputSchema = z
  .object({
    email: z.email('give a valid e-mail address').max(255).transform((e) => e.toLowerCase()),
    name: z.string().trim().min(1).max(120),
    password: z.string().min(12, 'the password needs at least 12 characters').max(200),
    role: z.enum(ROLES).default('owner'),
  })
  .strict();

export function createStaffService(db: Db) {
  return {
    async create(input: z.input<typeof StaffInputSchema>): Promise<StaffMember> {
      const parsed = StaffInputSchema.safeParse(input);
      if (!parsed.success) throw invalid(parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })));
      const s = parsed.data;
      const clash = await db.selectFrom('staff').select('id').where('email', '=', s.email).executeTakeFirst();
      if (clash) throw invalid([{ field: 'email', message: `${s.email} already has a staff account` }]);
      const password_hash = await hashPassword(s.password);
      const r = await db
        .insertInto('staff')
        .values({ email: s.email, name: s.name, password_hash, role: s.role, created_at: nowIso(), disabled_at: null })
        .returning(['id', 'email', 'name', 'role'])
        .executeTakeFirstOrThrow();
      await audit(db, SYSTEM, 'staff.create', 'staff', r.id, { email: r.email, role: r.role });
      return r;
    },

    async setPassword(email: string, password: string): Promise<boolean> {
      if (password.length < 12) throw invalid([{ field: 'password', message: 'the password needs at least 12 characters' }]);
      const r = await db.updateTable('staff').set({ password_hash: await hashPassword(password) }).where('email', '=', email.toLowerCase()).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    /** Returns the member for a right e-mail and password, null otherwise (same timing either way). */
    async authenticate(email: string, password: string): Promise<StaffMember | null> {
      const row = await db.selectFrom('staff').selectAll().where('email', '=', email.trim().toLowerCase()).where('disabled_at', 'is', null).executeTakeFirst();
      if (!row) {
        await verifyPassword(await decoyHash(), password);
        return null;
      }
      if (!(await verifyPassword(row.password_hash, password))) return null;
      return { id: row.id, email: row.email, name: row.name, role: row.role };
    },

    /** A new session: the cookie holds the token, the database only its hash. */
    async openSession(staff: StaffMember): Promise<{ token: string; session: Session }> {
      const token = randomToken();
      const csrfToken = randomToken(24);
      const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
      await db.insertInto('staff_sessions').values({ id_hash: sha256(token), staff_id: staff.id, csrf_token: csrfToken, created_at: nowIso(), expires_at: expiresAt }).execute();
      await audit(db, { label: staff.email, staffId: staff.id }, 'staff.login', 'staff', staff.id);
      return { token, session: { staff, csrfToken, expiresAt } };
    },

    async session(token: string): Promise<Session | null> {
      const row = await db
        .selectFrom('staff_sessions as s')
        .innerJoin('staff as m', 'm.id', 's.staff_id')
        .select(['m.id', 'm.email', 'm.name', 'm.role', 's.csrf_token', 's.expires_at'])
        .where('s.id_hash', '=', sha256(token))
        .where('m.disabled_at', 'is', null)
        .executeTakeFirst();
      if (!row || row.expires_at < nowIso()) return null;
      return { staff: { id: row.id, email: row.email, name: row.name, role: row.role }, csrfToken: row.csrf_token, expiresAt: row.expires_at };
    },

    async closeSession(token: string): Promise<void> {
      await db.deleteFrom('staff_sessions').where('id_hash', '=', sha256(token)).execute();
    },
  };
}

export type StaffService = ReturnType<typeof createStaffService>;
