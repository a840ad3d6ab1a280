import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ProductView } from '../catalog/index.ts';
import { imageUrl, ogWidth, storedWidths } from '../media/images.ts';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { isValidEan13 } from './ean.ts';
import { seedDemo } from './seed.ts';

const run = promisify(execFile);

describe('demo seed', () => {
  let shop: TestShop;
  const lines: string[] = [];
  let products: ProductView[] = [];

  before(async () => {
    shop = await startTestShop();
    await seedDemo(shop.services, (line) => lines.push(line));
    const rows = await shop.services.conn.db.selectFrom('products').select('id').orderBy('id').execute();
    products = (await Promise.all(rows.map((r) => shop.services.catalog.products.get(r.id)))).filter((p): p is ProductView => p !== null);
  });
  after(() => shop.close());

  it('logs one line per collection and a summary with counts and seconds', () => {
    assert.equal(lines.filter((l) => l.includes('collection')).length, 6);
    assert.match(lines.at(-1)!, /^Demo catalog ready: \d+ products, \d+ variants, \d+ images, in \d+\.\d s$/);
  });

  it('creates at least 40 active products and six collections that each hold some', async () => {
    assert.ok(products.filter((p) => p.status === 'active').length >= 40);
    const collections = await shop.services.catalog.collections.list();
    assert.equal(collections.length, 6);
    assert.deepEqual(collections.map((c) => c.position), [0, 1, 2, 3, 4, 5]);
    for (const c of collections) {
      assert.ok(c.productCount >= 5, `${c.handle} holds ${c.productCount} active products`);
      assert.ok(c.translations.fr?.title && c.translations.en?.title && c.translations.fr.description && c.translations.en.description);
    }
  });

  it('gives every product at least one picture, stored on disk in every size', () => {
    const dir = join(shop.config.uploadDir, 'products');
    for (const p of products) {
      assert.ok(p.images.length >= 1, `${p.handle} has a picture`);
      for (const img of p.images) {
        assert.deepEqual([img.width, img.height], [960, 1200]);
        assert.ok(img.alt.length > 0);
        for (const w of storedWidths(img.width)) {
          for (const f of ['avif', 'webp'] as const) assert.ok(existsSync(join(dir, `${img.key}-${w}.${f}`)), `${img.key}-${w}.${f}`);
        }
        assert.ok(existsSync(join(dir, `${img.key}-${ogWidth(img.width)}.jpg`)));
      }
    }
    const withTwo = products.filter((p) => p.images.length === 2).length;
    assert.ok(withTwo >= 10, `${withTwo} products with two pictures`);
  });

  it('serves the pictures over HTTP', async () => {
    const img = products[0]!.images[0]!;
    const res = await fetch(shop.url + imageUrl(img.key, 320, 'webp'));
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /image\/webp/);
    assert.ok((await res.arrayBuffer()).byteLength > 500);
  });

  it('stores valid EAN-13 barcodes, unique SKUs and whole-cent prices', () => {
    const variants = products.flatMap((p) => p.variants);
    assert.ok(variants.length >= 100);
    const skus = variants.map((v) => v.sku);
    assert.equal(new Set(skus).size, skus.length);
    for (const v of variants) {
      if (v.barcode !== null) assert.ok(isValidEan13(v.barcode), `${v.sku}: ${v.barcode}`);
      assert.ok(Number.isInteger(v.price.amount) && v.price.amount > 0);
      assert.equal(v.price.currency, 'EUR');
    }
    assert.ok(variants.filter((v) => v.barcode).length >= variants.length - 3);
  });

  it('records stock: most variants available, some sold out, one on backorder, the gift card untracked', () => {
    const variants = products.flatMap((p) => p.variants);
    assert.ok(variants.filter((v) => v.available).length > variants.length * 0.8);
    assert.ok(variants.some((v) => v.trackInventory && v.stock.onHand === 0 && !v.available));
    const backorder = variants.find((v) => v.allowBackorder)!;
    assert.equal(backorder.stock.onHand, 0);
    assert.equal(backorder.available, true);
    const giftCard = products.find((p) => p.variants.every((v) => !v.trackInventory))!;
    assert.equal(giftCard.taxCategory, 'zero');
    assert.deepEqual(giftCard.options, [{ name: 'Montant', values: ['25 €', '50 €', '100 €'] }]);
  });

  it('writes both languages for every product', () => {
    for (const p of products) {
      for (const locale of ['fr', 'en'] as const) {
        const t = p.translations[locale];
        assert.ok(t?.title && t.description && t.seoDescription, `${p.handle} in ${locale}`);
      }
      assert.ok(p.vendor);
    }
    assert.ok(products.some((p) => p.taxCategory === 'reduced'));
  });

  it('finds products by French words typed without accents', async () => {
    const teapot = await shop.services.catalog.search('theiere', { locale: 'fr' });
    assert.equal(teapot.items[0]?.title, 'Théière en grès');
    const breton = await shop.services.catalog.search('mariniere', { locale: 'fr' });
    assert.ok(breton.items.some((i) => i.title === 'Marinière en coton bio'));
    const page = await fetch(`${shop.url}/fr/products/${products[0]!.handle}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Marinière en coton bio/);
  });

  it('is not added a second time when the CLI seeds a shop that already has products', async () => {
    const count = async () => Number((await shop.services.conn.db.selectFrom('products').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    const { stdout } = await run(process.execPath, ['bin/comptoir.mjs', 'seed', '--demo'], {
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: shop.dir, DATABASE_URL: join(shop.dir, 'shop.db'), LOG_LEVEL: 'silent' },
      timeout: 20_000,
    });
    assert.match(stdout, /already has products/);
    assert.equal(await count(), before);
  });
});
