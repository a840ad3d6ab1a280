import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';

// Portable DDL: integer ids, 64-bit money, ISO text timestamps. Only full-text search differs per dialect.
export function catalogMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      const id = (c: any) => (dialect === 'postgres' ? c : c.autoIncrement()).primaryKey();
      const idType = dialect === 'postgres' ? 'serial' : 'integer';

      await db.schema
        .createTable('products')
        .addColumn('id', idType, id)
        .addColumn('handle', 'varchar(120)', (c) => c.notNull().unique())
        .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('draft','active','archived')`))
        .addColumn('vendor', 'varchar(120)')
        .addColumn('tax_category', 'varchar(16)', (c) => c.notNull().defaultTo('standard'))
        .addColumn('min_price_amount', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('max_price_amount', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('products_status_idx').on('products').columns(['status', 'created_at']).execute();

      await db.schema
        .createTable('product_translations')
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('locale', 'varchar(8)', (c) => c.notNull())
        .addColumn('title', 'varchar(255)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('seo_title', 'varchar(255)')
        .addColumn('seo_description', 'varchar(320)')
        .addPrimaryKeyConstraint('product_translations_pk', ['product_id', 'locale'])
        .execute();

      await db.schema
        .createTable('product_options')
        .addColumn('id', idType, id)
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'varchar(60)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('product_options_product_idx').on('product_options').column('product_id').execute();

      await db.schema
        .createTable('variants')
        .addColumn('id', idType, id)
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('sku', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('barcode', 'varchar(64)')
        .addColumn('option1', 'varchar(60)')
        .addColumn('option2', 'varchar(60)')
        .addColumn('option3', 'varchar(60)')
        .addColumn('price_amount', 'bigint', (c) => c.notNull().check(sql`price_amount >= 0`))
        .addColumn('compare_at_amount', 'bigint', (c) => c.check(sql`compare_at_amount >= 0`))
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('weight_grams', 'integer', (c) => c.notNull().defaultTo(0).check(sql`weight_grams >= 0`))
        .addColumn('track_inventory', 'smallint', (c) => c.notNull().defaultTo(1))
        .addColumn('allow_backorder', 'smallint', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('variants_product_idx').on('variants').columns(['product_id', 'position']).execute();
      await db.schema.createIndex('variants_barcode_idx').on('variants').column('barcode').execute();

      await db.schema
        .createTable('product_images')
        .addColumn('id', idType, id)
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('storage_key', 'varchar(80)', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('alt', 'varchar(255)', (c) => c.notNull().defaultTo(''))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('product_images_product_idx').on('product_images').columns(['product_id', 'position']).execute();

      await db.schema
        .createTable('collections')
        .addColumn('id', idType, id)
        .addColumn('handle', 'varchar(120)', (c) => c.notNull().unique())
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('collection_translations')
        .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
        .addColumn('locale', 'varchar(8)', (c) => c.notNull())
        .addColumn('title', 'varchar(255)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('seo_title', 'varchar(255)')
        .addColumn('seo_description', 'varchar(320)')
        .addPrimaryKeyConstraint('collection_translations_pk', ['collection_id', 'locale'])
        .execute();
      await db.schema
        .createTable('collection_products')
        .addColumn('collection_id', 'integer', (c) => c.notNull().references('collections.id').onDelete('cascade'))
        .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('collection_products_pk', ['collection_id', 'product_id'])
        .execute();
      await db.schema.createIndex('collection_products_product_idx').on('collection_products').column('product_id').execute();

      if (dialect === 'sqlite') {
        // FTS5 with diacritics folded, so "ete" finds "été".
        await sql`create virtual table product_search using fts5(
          product_id unindexed, locale unindexed, title, body,
          tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
        await sql`insert into product_search (product_search, rank) values ('rank', 'bm25(0, 0, 10.0, 1.0)')`.execute(db);
      }
    },
  };
}
