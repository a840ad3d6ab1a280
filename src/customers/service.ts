import type { Db, Executor } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';
import { invalid } from '../lib/errors.ts';
import { decoyHash, hashPassword, verifyPassword } from '../staff/passwords.ts';
import { randomToken, sha256 } from '../staff/index.ts';

export type Customer = { id: number; email: string; name: string; locale: string };
export const CUSTOMER_SESSION_DAYS = 30;
export const MIN_PASSWORD = 10;

export function createCustomerService(db: Db) {
  return {
    /** Checks an account can be made for this e-mail, before any order is written. */
    async checkNew(email: string, password: string, locale: 'fr' | 'en'): Promise<void> {
      const issues = [];
      if (password.length < MIN_PASSWORD) {
        issues.push({ field: 'account.password', message: locale === 'fr' ? `le mot de passe doit avoir au moins ${MIN_PASSWORD} caractères` : `the password needs at least ${MIN_PASSWORD} characters` });
      }
      const taken = await db.selectFrom('customers').select('id').where('email', '=', email.toLowerCase()).executeTakeFirst();
      if (taken) issues.push({ field: 'account', message: locale === 'fr' ? 'un compte existe déjà pour cette adresse : connectez-vous' : 'an account exists for this e-mail: log in instead' });
      if (issues.length) throw invalid(issues);
    },

    /** Writes the account in the caller's transaction (checkout), with a hash computed beforehand. */
    async insert(trx: Executor, c: { email: string; name: string; passwordHash: string; locale: string }): Promise<number> {
      const r = await trx
        .insertInto('customers')
        .values({ email: c.email.toLowerCase(), name: c.name, password_hash: c.passwordHash, locale: c.locale, created_at: nowIso() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return r.id;
    },

    hash: hashPassword,

    async authenticate(email: string, password: string): Promise<Customer | null> {
      const row = await db.selectFrom('customers').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
      if (!row) {
        await verifyPassword(await decoyHash(), password);
        return null;
      }
      if (!(await verifyPassword(row.password_hash, password))) return null;
      return { id: row.id, email: row.email, name: row.name, locale: row.locale };
    },

    async openSession(customerId: number): Promise<string> {
      const token = randomToken();
      await db
        .insertInto('customer_sessions')
        .values({ id_hash: sha256(token), customer_id: customerId, created_at: nowIso(), expires_at: new Date(Date.now() + CUSTOMER_SESSION_DAYS * 86_400_000).toISOString() })
        .execute();
      return token;
    },

    async session(token: string): Promise<Customer | null> {
      const r = await db
        .selectFrom('customer_sessions as s')
        .innerJoin('customers as c', 'c.id', 's.customer_id')
        .select(['c.id', 'c.email', 'c.name', 'c.locale', 's.expires_at'])
        .where('s.id_hash', '=', sha256(token))
        .executeTakeFirst();
      if (!r || r.expires_at < nowIso()) return null;
      return { id: r.id, email: r.email, name: r.name, locale: r.locale };
    },

    async closeSession(token: string): Promise<void> {
      await db.deleteFrom('customer_sessions').where('id_hash', '=', sha256(token)).execute();
    },

    /** The customer's orders, newest first (orders placed as a guest with the same e-mail are not included). */
    async orders(customerId: number) {
      return db
        .selectFrom('orders')
        .select(['id', 'number', 'token', 'status', 'total_amount', 'currency', 'placed_at'])
        .where('customer_id', '=', customerId)
        .orderBy('id', 'desc')
        .limit(100)
        .execute();
    },
  };
}

export type CustomerService = ReturnType<typeof createCustomerService>;
