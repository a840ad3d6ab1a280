import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProductInputSchema } from '../catalog/index.ts';
import { productIssues } from '../catalog/rules.ts';
import { DEMO_COLLECTIONS, DEMO_PRODUCTS } from './catalog.ts';
import { demoBarcode, ean13, isValidEan13 } from './ean.ts';
import { colourOf } from './palette.ts';
import { productSvg } from './product-image.ts';
import { imageSpecs, toProductInput } from './product-input.ts';
import { skuCode, variants } from './variants.ts';

// Checks on the data alone, without a database: quick to run and precise when they fail.
const ids = new Map(DEMO_COLLECTIONS.map((c, i) => [c.key, i + 1]));
const inputs = DEMO_PRODUCTS.map((p, i) => toProductInput(p, i, ids, 'EUR'));
const allVariants = inputs.flatMap((p) => p.variants);

describe('demo catalog data', () => {
  it('computes EAN-13 check digits like GS1 does', () => {
    assert.equal(ean13('400638133393'), '4006381333931');
    assert.equal(ean13('978020137962'), '9780201379624');
    assert.ok(isValidEan13('3017620422003'));
    assert.ok(!isValidEan13('3017620422004'));
    assert.ok(!isValidEan13('301762042200'));
    assert.ok(isValidEan13(demoBarcode(0, 0)));
  });

  it('has at least 44 products in six collections, each collection holding several', () => {
    assert.ok(DEMO_PRODUCTS.length >= 44, `${DEMO_PRODUCTS.length} products`);
    assert.equal(DEMO_COLLECTIONS.length, 6);
    for (const c of DEMO_COLLECTIONS) {
      const n = DEMO_PRODUCTS.filter((p) => p.collections.includes(c.key)).length;
      assert.ok(n >= 5, `${c.key} holds ${n} products`);
    }
    assert.ok(DEMO_PRODUCTS.some((p) => p.collections.length > 1), 'some product is in two collections');
  });

  it('passes the catalog schema and the cross-field rules for every product', () => {
    for (const input of inputs) {
      assert.ok(ProductInputSchema.safeParse(input).success);
      assert.deepEqual(productIssues(input, 'EUR'), [], input.translations.fr?.title);
    }
  });

  it('gives unique readable SKUs and unique valid barcodes', () => {
    const skus = allVariants.map((v) => v.sku.toUpperCase());
    assert.equal(new Set(skus).size, skus.length);
    for (const sku of skus) assert.match(sku, /^[A-Z]{3}-[A-Z]{3,4}(-[A-Z0-9]+)*$/);
    const codes = allVariants.flatMap((v) => (v.barcode ? [v.barcode] : []));
    assert.ok(codes.length >= allVariants.length - 3, 'only the digital gift card goes without a barcode');
    assert.equal(new Set(codes).size, codes.length);
    for (const code of codes) assert.ok(isValidEan13(code), code);
  });

  it('prices in whole cents with realistic amounts, and a few items on sale', () => {
    for (const v of allVariants) {
      assert.ok(Number.isInteger(v.price.amount) && v.price.amount >= 500 && v.price.amount <= 20000, `${v.sku} ${v.price.amount}`);
      if (v.compareAtPrice) assert.ok(v.compareAtPrice.amount > v.price.amount);
    }
    const onSale = inputs.filter((p) => p.variants.some((v) => v.compareAtPrice));
    assert.ok(onSale.length >= 4, `${onSale.length} products on sale`);
  });

  it('mixes stock levels: mostly in stock, some low or sold out, one backorder, one untracked gift card', () => {
    const tracked = allVariants.filter((v) => v.trackInventory);
    assert.ok(tracked.filter((v) => (v.onHand ?? 0) > 3).length > tracked.length * 0.6);
    assert.ok(tracked.some((v) => v.onHand === 0));
    assert.ok(tracked.filter((v) => v.onHand! >= 1 && v.onHand! <= 3).length >= 5);
    assert.equal(inputs.filter((p) => p.variants.some((v) => v.allowBackorder)).length, 1);
    const untracked = inputs.filter((p) => p.variants.every((v) => !v.trackInventory));
    assert.equal(untracked.length, 1);
    assert.ok(untracked[0]!.variants.every((v) => v.weightGrams === 0 && !v.barcode));
    for (const v of tracked) assert.ok(v.weightGrams > 0, `${v.sku} has a weight`);
  });

  it('keeps most products active with one or two drafts, and food and books at the reduced rate', () => {
    const drafts = inputs.filter((p) => p.status === 'draft').length;
    assert.ok(drafts >= 1 && drafts <= 2);
    const reduced = DEMO_PRODUCTS.filter((p) => p.tax === 'reduced');
    assert.ok(reduced.some((p) => p.kind === 'book') && reduced.some((p) => p.kind === 'jar'));
    for (const p of reduced) assert.ok(['book', 'jar', 'tin', 'bottle'].includes(p.kind), `${p.sku} is food or a book`);
  });

  it('sells clothing in sizes, mugs in colours, and some products without options', () => {
    const tee = DEMO_PRODUCTS.find((p) => p.sku === 'VET-TSHI')!;
    assert.deepEqual(tee.options, ['Couleur', 'Taille']);
    assert.deepEqual([...new Set(tee.variants.map((v) => v.options[1]))], ['S', 'M', 'L', 'XL']);
    assert.deepEqual(DEMO_PRODUCTS.find((p) => p.kind === 'mug')!.options, ['Couleur']);
    const plain = DEMO_PRODUCTS.filter((p) => p.options.length === 0);
    assert.ok(plain.length >= 5);
    for (const p of plain) assert.deepEqual(p.variants.map((v) => v.options), [[]]);
  });

  it('writes French and English titles, descriptions of two or three sentences, and SEO text', () => {
    const texts = [...DEMO_PRODUCTS, ...DEMO_COLLECTIONS].flatMap((p) => [p.fr, p.en]);
    for (const t of texts) {
      assert.ok(t.title.length > 2);
      const sentences = t.description.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 0).length;
      assert.ok(sentences >= 2 && sentences <= 3, `${t.title}: ${sentences} sentences`);
      assert.doesNotMatch(t.description, /<[^>]+>/);
      assert.ok(t.seo.length >= 40 && t.seo.length <= 160, `${t.title}: SEO text of ${t.seo.length} characters`);
    }
    const titles = DEMO_PRODUCTS.flatMap((p) => [p.fr.title, p.en.title]);
    assert.equal(new Set(titles).size, titles.length);
  });

  it('names every colour option with a colour it can draw', () => {
    for (const p of DEMO_PRODUCTS) {
      const at = p.options.indexOf('Couleur');
      if (at < 0) continue;
      for (const v of p.variants) assert.ok(colourOf(v.options[at]!), `${p.sku}: ${v.options[at]}`);
    }
  });

  it('plans one picture per product and a second for about a third of them', () => {
    const counts = DEMO_PRODUCTS.map((p) => imageSpecs(p, 'fr').length);
    assert.ok(counts.every((n) => n === 1 || n === 2));
    const two = counts.filter((n) => n === 2).length;
    assert.ok(two >= DEMO_PRODUCTS.length / 4 && two <= DEMO_PRODUCTS.length / 2.5, `${two} with two pictures`);
    const svg = productSvg(imageSpecs(DEMO_PRODUCTS[0]!, 'fr')[0]!.spec);
    assert.match(svg, /^<svg [^>]*width="960" height="1200"/);
    assert.doesNotMatch(svg, /<text/);
  });

  it('builds variant codes and combinations in a predictable order', () => {
    assert.equal(skuCode('Gris chiné'), 'GRICHI');
    assert.equal(skuCode('300 g'), '300G');
    assert.equal(skuCode('25 €'), '25');
    const vs = variants([['Marine', 'Rouge'], ['S', 'M']], { price: 1000, grams: 100 }, [1, 2, 3, 4]);
    assert.deepEqual(vs.map((v) => [v.code, v.stock]), [['MAR-S', 1], ['MAR-M', 2], ['ROU-S', 3], ['ROU-M', 4]]);
    assert.throws(() => variants([['A', 'B']], { price: 1000, grams: 1 }, [1]), /2 variants but 1 stock levels/);
  });
});
