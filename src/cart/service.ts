import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { pickTranslation, type Locale } from '../catalog/index.ts';
import { nowIso } from '../lib/clock.ts';
import { AppError, invalid, notFound } from '../lib/errors.ts';
import type { Money } from '../lib/money.ts';
import { variantTitle } from '../catalog/rules.ts';

export type CartLineView = {
  id: number;
  variantId: number;
  productId: number;
  handle: string;
  title: string;
  variantTitle: string;
  sku: string;
  unitPrice: Money;
  compareAtPrice: Money | null;
  quantity: number;
  total: Money;
  weightGrams: number;
  taxCategory: 'standard' | 'reduced' | 'super_reduced' | 'zero';
  image: { key: string; width: number; height: number; alt: string } | null;
  /** Units that can still be bought (null when stock is not counted or backorders are allowed). */
  availableQuantity: number | null;
  trackInventory: boolean;
  allowBackorder: boolean;
  /** The product can still be bought at all (active, variant exists). */
  purchasable: boolean;
};

export type CartView = {
  id: string;
  status: 'open' | 'completed';
  orderId: number | null;
  currency: string;
  lines: CartLineView[];
  itemCount: number;
  subtotal: Money;
  weightGrams: number;
};

export const newCartId = (): string => randomBytes(16).toString('base64url');

export function createCartService(deps: { db: Db; currency: string; maxQuantity: number }) {
  const { db, currency, maxQuantity } = deps;

  async function openCart(cartId: string) {
    const cart = await db.selectFrom('carts').selectAll().where('id', '=', cartId).executeTakeFirst();
    if (!cart) throw notFound('This cart');
    if (cart.status !== 'open') throw new AppError('CONFLICT', 'this cart has already been ordered; start a new cart');
    return cart;
  }

  async function variantForSale(variantId: number) {
    const v = await db
      .selectFrom('variants as v')
      .innerJoin('products as p', 'p.id', 'v.product_id')
      .leftJoin('stock_levels as s', (j) => j.onRef('s.variant_id', '=', 'v.id').on('s.location_id', '=', 1))
      .select(['v.id', 'p.status', 'v.track_inventory', 'v.allow_backorder', sql<number>`coalesce(s.on_hand - s.reserved, 0)`.as('available')])
      .where('v.id', '=', variantId)
      .executeTakeFirst();
    if (!v) throw invalid([{ field: 'variantId', message: `variant ${variantId} does not exist` }]);
    if (v.status !== 'active') throw invalid([{ field: 'variantId', message: 'this product is no longer for sale' }]);
    return v;
  }

  function checkQuantity(quantity: number, v: { track_inventory: number; allow_backorder: number; available: number }) {
    if (!Number.isSafeInteger(quantity) || quantity < 1) throw invalid([{ field: 'quantity', message: 'the quantity must be a whole number of at least 1' }]);
    if (quantity > maxQuantity) throw invalid([{ field: 'quantity', message: `at most ${maxQuantity} of one item per order` }]);
    const available = Number(v.available);
    if (v.track_inventory === 1 && v.allow_backorder === 0 && quantity > available) {
      throw new AppError('CONFLICT', available > 0 ? `only ${available} left in stock` : 'this item is sold out', [{ field: 'quantity', message: available > 0 ? `only ${available} left` : 'sold out' }]);
    }
  }

  const touch = (cartId: string) => db.updateTable('carts').set({ updated_at: nowIso() }).where('id', '=', cartId).execute();

  return {
    async create(locale: Locale): Promise<string> {
      const id = newCartId();
      const now = nowIso();
      await db.insertInto('carts').values({ id, currency, locale, status: 'open', order_id: null, created_at: now, updated_at: now }).execute();
      return id;
    },

    async exists(cartId: string): Promise<boolean> {
      return !!(await db.selectFrom('carts').select('id').where('id', '=', cartId).executeTakeFirst());
    },

    /** Adds units of a variant (to an existing line of the same variant if there is one). */
    async addLine(cartId: string, variantId: number, quantity: number): Promise<number> {
      if (!Number.isSafeInteger(quantity) || quantity < 1) throw invalid([{ field: 'quantity', message: 'the quantity must be a whole number of at least 1' }]);
      // The cart, the variant with its free stock and any line of it already there, in one read: adding is a hot path.
      const r = await db
        .selectFrom('carts as c')
        .leftJoin('cart_lines as l', (j) => j.onRef('l.cart_id', '=', 'c.id').on('l.variant_id', '=', variantId))
        .leftJoin('variants as v', (j) => j.on('v.id', '=', variantId))
        .leftJoin('products as p', 'p.id', 'v.product_id')
        .leftJoin('stock_levels as s', (j) => j.onRef('s.variant_id', '=', 'v.id').on('s.location_id', '=', 1))
        .select([
          'c.status as cart_status', 'l.id as line_id', 'l.quantity as line_quantity', 'v.id as variant_id', 'p.status',
          'v.track_inventory', 'v.allow_backorder', sql<number>`coalesce(s.on_hand - s.reserved, 0)`.as('available'),
          (eb) => eb.selectFrom('cart_lines').select(sql<number>`count(*)`.as('n')).where('cart_id', '=', cartId).as('line_count'),
        ])
        .where('c.id', '=', cartId)
        .executeTakeFirst();
      if (!r) throw notFound('This cart');
      if (r.cart_status !== 'open') throw new AppError('CONFLICT', 'this cart has already been ordered; start a new cart');
      if (r.variant_id === null) throw invalid([{ field: 'variantId', message: `variant ${variantId} does not exist` }]);
      if (r.status !== 'active') throw invalid([{ field: 'variantId', message: 'this product is no longer for sale' }]);
      checkQuantity((r.line_quantity ?? 0) + quantity, { track_inventory: r.track_inventory!, allow_backorder: r.allow_backorder!, available: r.available });
      // Added to what is there at write time, not to what was read: two adds at once both count.
      if (r.line_id !== null) {
        await db.updateTable('cart_lines').set({ quantity: sql`quantity + ${quantity}` }).where('id', '=', r.line_id).execute();
        return r.line_id;
      }
      if (Number(r.line_count ?? 0) >= 50) throw invalid([{ field: 'variantId', message: 'a cart holds at most 50 different items' }]);
      const line = await db
        .insertInto('cart_lines')
        .values({ cart_id: cartId, variant_id: variantId, quantity, created_at: nowIso() })
        .onConflict((oc) => oc.columns(['cart_id', 'variant_id']).doUpdateSet({ quantity: sql`cart_lines.quantity + excluded.quantity` }))
        .returning('id')
        .executeTakeFirstOrThrow();
      return line.id;
    },

    async setQuantity(cartId: string, lineId: number, quantity: number): Promise<void> {
      await openCart(cartId);
      const line = await db.selectFrom('cart_lines').select(['id', 'variant_id']).where('id', '=', lineId).where('cart_id', '=', cartId).executeTakeFirst();
      if (!line) throw notFound(`Line ${lineId} of this cart`);
      checkQuantity(quantity, await variantForSale(line.variant_id));
      await db.updateTable('cart_lines').set({ quantity }).where('id', '=', lineId).execute();
      await touch(cartId);
    },

    async removeLine(cartId: string, lineId: number): Promise<void> {
      await openCart(cartId);
      const r = await db.deleteFrom('cart_lines').where('id', '=', lineId).where('cart_id', '=', cartId).executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw notFound(`Line ${lineId} of this cart`);
      await touch(cartId);
    },

    /** Units in the cart, for the header; 0 for an unknown or ordered cart. */
    async itemCount(cartId: string): Promise<number> {
      const r = await db
        .selectFrom('cart_lines as l')
        .innerJoin('carts as c', 'c.id', 'l.cart_id')
        .select(sql<number>`coalesce(sum(l.quantity), 0)`.as('n'))
        .where('l.cart_id', '=', cartId)
        .where('c.status', '=', 'open')
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** The cart with current prices and stock, in four queries whatever its size. */
    async get(cartId: string, locale: Locale): Promise<CartView | null> {
      const cart = await db.selectFrom('carts').selectAll().where('id', '=', cartId).executeTakeFirst();
      if (!cart) return null;
      const rows = await db
        .selectFrom('cart_lines as l')
        .innerJoin('variants as v', 'v.id', 'l.variant_id')
        .innerJoin('products as p', 'p.id', 'v.product_id')
        .leftJoin('stock_levels as s', (j) => j.onRef('s.variant_id', '=', 'v.id').on('s.location_id', '=', 1))
        .select([
          'l.id', 'l.quantity', 'l.variant_id', 'v.product_id', 'p.handle', 'p.status', 'p.tax_category', 'v.sku', 'v.option1', 'v.option2', 'v.option3',
          'v.price_amount', 'v.compare_at_amount', 'v.weight_grams', 'v.track_inventory', 'v.allow_backorder',
          sql<number>`coalesce(s.on_hand - s.reserved, 0)`.as('available'),
        ])
        .where('l.cart_id', '=', cartId)
        .orderBy('l.id')
        .execute();
      const productIds = [...new Set(rows.map((r) => r.product_id))];
      const [titles, images] = productIds.length
        ? await Promise.all([
            db.selectFrom('product_translations').select(['product_id', 'locale', 'title']).where('product_id', 'in', productIds).execute(),
            db.selectFrom('product_images').select(['product_id', 'storage_key', 'width', 'height', 'alt', 'position', 'id']).where('product_id', 'in', productIds).orderBy('position').orderBy('id').execute(),
          ])
        : [[], []];
      const titleOf = (pid: number): string | undefined =>
        pickTranslation<string>(Object.fromEntries(titles.filter((t) => t.product_id === pid).map((t) => [t.locale, t.title])), locale);
      const lines: CartLineView[] = rows.map((r) => {
        const img = images.find((i) => i.product_id === r.product_id);
        const unit = Number(r.price_amount);
        const tracked = r.track_inventory === 1;
        const backorder = r.allow_backorder === 1;
        return {
          id: r.id,
          variantId: r.variant_id,
          productId: r.product_id,
          handle: r.handle,
          title: titleOf(r.product_id) ?? r.handle,
          variantTitle: variantTitle([r.option1, r.option2, r.option3]),
          sku: r.sku,
          unitPrice: { amount: unit, currency: cart.currency },
          compareAtPrice: r.compare_at_amount === null ? null : { amount: Number(r.compare_at_amount), currency: cart.currency },
          quantity: r.quantity,
          total: { amount: unit * r.quantity, currency: cart.currency },
          weightGrams: r.weight_grams,
          taxCategory: r.tax_category,
          image: img ? { key: img.storage_key, width: img.width, height: img.height, alt: img.alt } : null,
          availableQuantity: tracked && !backorder ? Math.max(0, Number(r.available)) : null,
          trackInventory: tracked,
          allowBackorder: backorder,
          purchasable: r.status === 'active',
        };
      });
      return {
        id: cart.id,
        status: cart.status,
        orderId: cart.order_id,
        currency: cart.currency,
        lines,
        itemCount: lines.reduce((s, l) => s + l.quantity, 0),
        subtotal: { amount: lines.reduce((s, l) => s + l.total.amount, 0), currency: cart.currency },
        weightGrams: lines.reduce((s, l) => s + l.weightGrams * l.quantity, 0),
      };
    },
  };
}

export type CartService = ReturnType<typeof createCartService>;
