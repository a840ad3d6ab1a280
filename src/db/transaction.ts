import type { Db, Tx } from './connection.ts';

/** Runs fn in one transaction, passed explicitly; commits on return, rolls back on throw. */
export function transaction<T>(db: Db, fn: (trx: Tx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
