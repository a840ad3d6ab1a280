import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../connection.ts';

// Carts, shipping, discounts, orders, payments, the outbox and the demo mailbox.
export function buyingMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<any>) {
      const id = (c: any) => (dialect === 'postgres' ? c : c.autoIncrement()).primaryKey();
      const idType = dialect === 'postgres' ? 'serial' : 'integer';

      // Counters that must never skip or repeat (order numbers, later invoice numbers).
      await db.schema
        .createTable('sequences')
        .addColumn('name', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();
      await db.insertInto('sequences').values({ name: 'order', value: 1000 }).execute();

      await db.schema
        .createTable('carts')
        .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('locale', 'varchar(8)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('open'))
        .addColumn('order_id', 'integer')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('cart_lines')
        .addColumn('id', idType, id)
        .addColumn('cart_id', 'varchar(32)', (c) => c.notNull().references('carts.id').onDelete('cascade'))
        .addColumn('variant_id', 'integer', (c) => c.notNull().references('variants.id').onDelete('cascade'))
        .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addUniqueConstraint('cart_lines_variant_uq', ['cart_id', 'variant_id'])
        .execute();

      await db.schema
        .createTable('shipping_methods')
        .addColumn('id', idType, id)
        .addColumn('name_fr', 'varchar(120)', (c) => c.notNull())
        .addColumn('name_en', 'varchar(120)', (c) => c.notNull())
        .addColumn('countries', 'varchar(1000)', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull().check(sql`kind in ('flat','weight')`))
        .addColumn('price_amount', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`price_amount >= 0`))
        .addColumn('free_above_amount', 'bigint')
        .addColumn('weight_rates', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
        .execute();

      // A new shop can take orders at once: France flat rate (free above 60 €), the rest of the EU by weight.
      const eu = 'AT,BE,BG,CY,CZ,DE,DK,EE,ES,FI,GR,HR,HU,IE,IT,LT,LU,LV,MT,NL,PL,PT,RO,SE,SI,SK';
      await db
        .insertInto('shipping_methods')
        .values([
          { name_fr: 'Colissimo — France', name_en: 'Colissimo — France', countries: 'FR', kind: 'flat', price_amount: 590, free_above_amount: 6000, weight_rates: '[]', position: 1, active: 1 },
          {
            name_fr: 'Colissimo — Europe',
            name_en: 'Colissimo — Europe',
            countries: eu,
            kind: 'weight',
            price_amount: 0,
            free_above_amount: null,
            weight_rates: JSON.stringify([{ upToGrams: 1000, amount: 1290 }, { upToGrams: 5000, amount: 1990 }, { upToGrams: 30000, amount: 3490 }]),
            position: 2,
            active: 1,
          },
        ])
        .execute();

      await db.schema
        .createTable('discount_codes')
        .addColumn('id', idType, id)
        .addColumn('code', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull().check(sql`kind in ('percentage','fixed','free_shipping')`))
        .addColumn('value', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`value >= 0`))
        .addColumn('min_subtotal_amount', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('starts_at', 'varchar(32)')
        .addColumn('ends_at', 'varchar(32)')
        .addColumn('usage_limit', 'integer')
        .addColumn('used_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('active', 'smallint', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addCheckConstraint('discount_codes_usage_ck', sql`usage_limit is null or used_count <= usage_limit`)
        .execute();

      await db.schema
        .createTable('orders')
        .addColumn('id', idType, id)
        .addColumn('number', 'bigint', (c) => c.notNull().unique())
        .addColumn('token', 'varchar(64)', (c) => c.notNull())
        .addColumn('cart_id', 'varchar(32)', (c) => c.unique())
        .addColumn('idempotency_key', 'varchar(128)', (c) => c.unique())
        .addColumn('status', 'varchar(24)', (c) => c.notNull())
        .addColumn('email', 'varchar(255)', (c) => c.notNull())
        .addColumn('locale', 'varchar(8)', (c) => c.notNull())
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('subtotal_amount', 'bigint', (c) => c.notNull())
        .addColumn('discount_amount', 'bigint', (c) => c.notNull())
        .addColumn('shipping_amount', 'bigint', (c) => c.notNull())
        .addColumn('tax_amount', 'bigint', (c) => c.notNull())
        .addColumn('total_amount', 'bigint', (c) => c.notNull())
        .addColumn('shipping_address', 'text', (c) => c.notNull())
        .addColumn('shipping_method_id', 'integer')
        .addColumn('shipping_method_name', 'varchar(120)', (c) => c.notNull())
        .addColumn('discount_code', 'varchar(64)')
        .addColumn('tax_lines', 'text', (c) => c.notNull())
        .addColumn('payment_provider', 'varchar(32)', (c) => c.notNull())
        .addColumn('payment_reference', 'varchar(255)')
        .addColumn('reservation_expires_at', 'varchar(32)')
        .addColumn('placed_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('paid_at', 'varchar(32)')
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('orders_status_idx').on('orders').columns(['status', 'reservation_expires_at']).execute();
      await db.schema.createIndex('orders_email_idx').on('orders').column('email').execute();
      await db.schema.createIndex('orders_placed_idx').on('orders').column('placed_at').execute();

      await db.schema
        .createTable('order_lines')
        .addColumn('id', idType, id)
        .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
        .addColumn('variant_id', 'integer')
        .addColumn('product_id', 'integer')
        .addColumn('sku', 'varchar(64)', (c) => c.notNull())
        .addColumn('title', 'varchar(255)', (c) => c.notNull())
        .addColumn('variant_title', 'varchar(255)', (c) => c.notNull())
        .addColumn('unit_price_amount', 'bigint', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull().check(sql`quantity > 0`))
        .addColumn('vat_rate_bp', 'integer', (c) => c.notNull())
        .addColumn('discount_amount', 'bigint', (c) => c.notNull())
        .addColumn('total_amount', 'bigint', (c) => c.notNull())
        .addColumn('tracked', 'smallint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('order_lines_order_idx').on('order_lines').column('order_id').execute();

      await db.schema
        .createTable('order_events')
        .addColumn('id', idType, id)
        .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
        .addColumn('from_status', 'varchar(24)')
        .addColumn('to_status', 'varchar(24)', (c) => c.notNull())
        .addColumn('note', 'varchar(1000)')
        .addColumn('actor', 'varchar(120)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('order_events_order_idx').on('order_events').columns(['order_id', 'id']).execute();

      await db.schema
        .createTable('payments')
        .addColumn('id', idType, id)
        .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
        .addColumn('provider', 'varchar(32)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('amount', 'bigint', (c) => c.notNull())
        .addColumn('currency', 'char(3)', (c) => c.notNull())
        .addColumn('reference', 'varchar(255)')
        .addColumn('detail', 'varchar(1000)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('payments_order_idx').on('payments').column('order_id').execute();
      await db.schema.createIndex('payments_reference_idx').on('payments').columns(['provider', 'reference']).execute();

      // Written in the same transaction as the change it announces, delivered after commit.
      await db.schema
        .createTable('outbox')
        .addColumn('id', idType, id)
        .addColumn('topic', 'varchar(64)', (c) => c.notNull())
        .addColumn('dedupe_key', 'varchar(191)', (c) => c.notNull().unique())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull().defaultTo('pending'))
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('locked_until', 'varchar(32)')
        .addColumn('last_error', 'varchar(1000)')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(32)')
        .execute();
      await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();

      await db.schema
        .createTable('mailbox')
        .addColumn('id', idType, id)
        .addColumn('to_address', 'varchar(255)', (c) => c.notNull())
        .addColumn('subject', 'varchar(255)', (c) => c.notNull())
        .addColumn('text_body', 'text', (c) => c.notNull())
        .addColumn('html_body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .execute();
    },
  };
}
