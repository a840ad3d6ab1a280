import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';

export function inventoryAndStaffMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      const id = (c: any) => (dialect === 'postgres' ? c : c.autoIncrement()).primaryKey();
      const idType = dialect === 'postgres' ? 'serial' : 'integer';

      await db.schema
        .createTable('locations')
        .addColumn('id', idType, id)
        .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(120)', (c) => c.notNull())
        .execute();
      await db.insertInto('locations').values({ code: 'main', name: 'Main stock' }).execute();

      // Counters guarded by CHECKs: no code path can drive stock below zero or reserve what is not there.
      await db.schema
        .createTable('stock_levels')
        .addColumn('variant_id', 'integer', (c) => c.notNull().references('variants.id').onDelete('cascade'))
        .addColumn('location_id', 'integer', (c) => c.notNull().references('locations.id'))
        .addColumn('on_hand', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reserved', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('stock_levels_pk', ['variant_id', 'location_id'])
        .addCheckConstraint('stock_levels_on_hand_ck', sql`on_hand >= 0`)
        .addCheckConstraint('stock_levels_reserved_ck', sql`reserved >= 0 and reserved <= on_hand`)
        .execute();

      // Append-only ledger: the counters always equal the sum of their movements.
      await db.schema
        .createTable('stock_movements')
        .addColumn('id', idType, id)
        .addColumn('variant_id', 'integer', (c) => c.notNull().references('variants.id').onDelete('cascade'))
        .addColumn('location_id', 'integer', (c) => c.notNull().references('locations.id'))
        .addColumn('on_hand_delta', 'integer', (c) => c.notNull())
        .addColumn('reserved_delta', 'integer', (c) => c.notNull())
        .addColumn('reason', 'varchar(32)', (c) => c.notNull())
        .addColumn('reference', 'varchar(255)')
        .addColumn('staff_id', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('stock_movements_variant_idx').on('stock_movements').columns(['variant_id', 'id']).execute();

      await db.schema
        .createTable('staff')
        .addColumn('id', idType, id)
        .addColumn('email', 'varchar(255)', (c) => c.notNull().unique())
        .addColumn('name', 'varchar(120)', (c) => c.notNull())
        .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
        .addColumn('role', 'varchar(16)', (c) => c.notNull().check(sql`role in ('owner','packer','support')`))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('disabled_at', 'varchar(32)')
        .execute();
      await db.schema
        .createTable('staff_sessions')
        .addColumn('id_hash', 'char(64)', (c) => c.primaryKey())
        .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
        .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('api_keys')
        .addColumn('id', idType, id)
        .addColumn('name', 'varchar(120)', (c) => c.notNull())
        .addColumn('prefix', 'varchar(16)', (c) => c.notNull())
        .addColumn('key_hash', 'char(64)', (c) => c.notNull().unique())
        .addColumn('scopes', 'varchar(255)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('last_used_at', 'varchar(32)')
        .addColumn('revoked_at', 'varchar(32)')
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', idType, id)
        .addColumn('actor', 'varchar(120)', (c) => c.notNull())
        .addColumn('action', 'varchar(64)', (c) => c.notNull())
        .addColumn('entity', 'varchar(32)', (c) => c.notNull())
        .addColumn('entity_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('detail', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_entity_idx').on('audit_log').columns(['entity', 'entity_id']).execute();
    },
  };
}
