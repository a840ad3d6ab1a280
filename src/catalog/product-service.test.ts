import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../lib/errors.ts';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';

describe('product service', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop();
  });
  after(() => shop.close());

  it('creates a product with variants, stock and a ledger line per stocked variant', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    assert.equal(p.variants.length, 2);
    assert.equal(p.variants[0]!.stock.onHand, 5);
    assert.equal(p.variants[0]!.available, true);
    assert.equal(p.variants[1]!.available, false);
    assert.deepEqual(p.priceRange.min, { amount: 1800, currency: 'EUR' });
    assert.deepEqual(p.options, [{ name: 'Couleur', values: ['Bleu', 'Rouge'] }]);
    const moves = await shop.services.conn.db.selectFrom('stock_movements').selectAll().where('variant_id', '=', p.variants[0]!.id).execute();
    assert.equal(moves.length, 1);
    assert.equal(moves[0]!.on_hand_delta, 5);
  });

  it('refuses a SKU used by another product and writes nothing', async () => {
    const first = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const before = await shop.services.conn.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const input = productInput();
    input.variants[0]!.sku = first.variants[0]!.sku;
    await assert.rejects(shop.services.catalog.products.create(input, TEST_ACTOR), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.fields[0]!.field, 'variants.0.sku');
      return true;
    });
    const afterCount = await shop.services.conn.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    assert.deepEqual(afterCount, before);
  });

  it('updates part of a product and keeps the rest', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const u = await shop.services.catalog.products.update(p.id, { status: 'draft' }, TEST_ACTOR);
    assert.equal(u.status, 'draft');
    assert.equal(u.variants.length, 2);
    assert.equal(u.variants[0]!.stock.onHand, 5);
    assert.equal(u.title, p.title);
  });

  it('finds products by words without accents', async () => {
    await shop.services.catalog.products.create(
      productInput({ translations: { fr: { title: 'Robe d’été en lin', description: 'Légère.' }, en: { title: 'Linen summer dress', description: 'Light.' } } }),
      TEST_ACTOR,
    );
    const r = await shop.services.catalog.search('ete lin', { locale: 'fr' });
    assert.equal(r.items[0]?.title, 'Robe d’été en lin');
  });
});

describe('removing variants', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
  });
  after(() => shop.close());

  it('refuses to remove a variant that has been ordered, and removes one that never was', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const [sold, unsold] = p.variants;
    const cart = await shop.services.cart.create('fr');
    await shop.services.cart.addLine(cart, sold!.id, 1);
    await shop.services.checkout.placeOrder(cart, checkoutInput(), null);
    const keepOnly = (v: typeof sold) => ({ variants: [{ id: v!.id, sku: v!.sku, options: v!.options, price: v!.price, weightGrams: 0, trackInventory: true, allowBackorder: false }] });
    await assert.rejects(shop.services.catalog.products.update(p.id, keepOnly(unsold), TEST_ACTOR), /has been ordered and cannot be removed/);
    assert.equal((await shop.services.catalog.products.get(p.id))!.variants.length, 2);
    const updated = await shop.services.catalog.products.update(p.id, keepOnly(sold), TEST_ACTOR);
    assert.deepEqual(updated.variants.map((v) => v.id), [sold!.id]);
  });
});
