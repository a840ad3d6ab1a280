import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, type Transaction } from 'kysely';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres' | 'mysql';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export type Connection = {
  db: Db;
  dialect: Dialect;
  /** Counts statements sent, so tests and benchmarks can hold hot paths to a budget. */
  queryCount: () => number;
  close: () => Promise<void>;
};

export function dialectOf(url: string): Dialect {
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  if (/^(mysql|mariadb):\/\//.test(url)) return 'mysql';
  return 'sqlite';
}

/** COMPTOIR_TRACE_SQL=1 prints every statement: for counting hot-path queries, never in production. */
const traceSql = process.env.COMPTOIR_TRACE_SQL === '1';

export function connect(url: string): Connection {
  const dialect = dialectOf(url);
  if (dialect !== 'sqlite') {
    throw new Error(`DATABASE_URL ${dialect}:// is not supported yet: use a SQLite file path`);
  }
  const file = url === ':memory:' ? url : resolve(url.replace(/^sqlite:(\/\/)?/, ''));
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  let count = 0;
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    log: (event) => {
      count++;
      if (traceSql) console.error(`[sql] ${event.query.sql}`);
    },
  });
  return {
    db,
    dialect,
    queryCount: () => count,
    close: () => db.destroy(),
  };
}

/**
 * Kysely prepares every statement again on each query; preparing is a large share of a fast read.
 * Statements are kept by SQL text (the shapes are few and fixed: values are bound, never inlined).
 */
function withStatementCache(sqlite: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, prop, receiver) {
      if (prop === 'prepare') {
        return (source: string) => {
          let stmt = cache.get(source);
          if (!stmt) {
            if (cache.size >= 1000) cache.clear();
            stmt = prepare(source);
            cache.set(source, stmt);
          }
          return stmt;
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
