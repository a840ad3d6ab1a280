import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAvailable, productIssues, variantTitle } from './rules.ts';

const v = (sku: string, options: string[], amount = 1000, compareAt?: number) => ({
  sku,
  options,
  price: { amount, currency: 'EUR' },
  compareAtPrice: compareAt === undefined ? null : { amount: compareAt, currency: 'EUR' },
  weightGrams: 0,
  trackInventory: true,
  allowBackorder: false,
});

describe('catalog rules', () => {
  const cases: { name: string; options: string[]; variants: ReturnType<typeof v>[]; fields: string[] }[] = [
    { name: 'a valid product has no issues', options: ['Taille'], variants: [v('A', ['S']), v('B', ['M'])], fields: [] },
    { name: 'each variant needs one value per option', options: ['Taille', 'Couleur'], variants: [v('A', ['S'])], fields: ['variants.0.options'] },
    { name: 'SKUs are unique within a product, whatever the case', options: ['Taille'], variants: [v('A', ['S']), v('a', ['M'])], fields: ['variants.1.sku'] },
    { name: 'two variants cannot have the same options', options: ['Taille'], variants: [v('A', ['S']), v('B', ['s'])], fields: ['variants.1.options'] },
    { name: 'option names are unique', options: ['Taille', 'taille'], variants: [v('A', ['S', 'M'])], fields: ['options.1'] },
    { name: 'compare-at must be above the price', options: [], variants: [v('A', [], 1000, 900)], fields: ['variants.0.compareAtPrice'] },
    { name: 'all problems are reported at once', options: [], variants: [v('A', ['x'], 1000, 1000), v('A', [])], fields: ['variants.0.options', 'variants.0.compareAtPrice', 'variants.1.sku'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const issues = productIssues({ options: c.options, variants: c.variants }, 'EUR');
      assert.deepEqual(issues.map((i) => i.field).sort(), [...c.fields].sort());
    });
  }

  it('refuses prices in another currency', () => {
    const bad = { ...v('A', []), price: { amount: 100, currency: 'USD' } };
    assert.deepEqual(productIssues({ options: [], variants: [bad] }, 'EUR').map((i) => i.field), ['variants.0.price.currency']);
  });

  it('names variants from their options', () => {
    assert.equal(variantTitle(['M', 'Bleu', null]), 'M / Bleu');
    assert.equal(variantTitle([]), 'Default');
  });

  it('tells when a variant can be bought', () => {
    assert.equal(isAvailable({ trackInventory: true, allowBackorder: false, available: 0 }), false);
    assert.equal(isAvailable({ trackInventory: true, allowBackorder: false, available: 1 }), true);
    assert.equal(isAvailable({ trackInventory: true, allowBackorder: true, available: 0 }), true);
    assert.equal(isAvailable({ trackInventory: false, allowBackorder: false, available: -3 }), true);
  });
});
