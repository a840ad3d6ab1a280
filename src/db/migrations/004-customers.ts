import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';

// Shopper accounts: optional, created at checkout or later; orders keep their e-mail either way.
export function customersMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      const id = (c: any) => (dialect === 'postgres' ? c : c.autoIncrement()).primaryKey();
      const idType = dialect === 'postgres' ? 'serial' : 'integer';
      await db.schema
        .createTable('customers')
        .addColumn('id', idType, id)
        .addColumn('email', 'varchar(255)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(120)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('locale', 'varchar(8)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('customer_sessions')
        .addColumn('id_hash', 'char(64)', (c) => c.primaryKey())
        .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('orders').addColumn('customer_id', 'integer').execute();
      await db.schema.createIndex('orders_customer_idx').on('orders').column('customer_id').execute();
    },
  };
}
