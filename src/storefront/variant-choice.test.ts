import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ProductView, VariantView } from '../catalog/index.ts';
import { chooseVariant, stockState } from './variant-choice.ts';

function variant(id: number, options: string[], over: Partial<VariantView> & { left?: number } = {}): VariantView {
  const left = over.left ?? 10;
  const trackInventory = over.trackInventory ?? true;
  const allowBackorder = over.allowBackorder ?? false;
  return {
    id,
    sku: `V${id}`,
    barcode: null,
    options,
    title: options.join(' / '),
    price: { amount: 1000, currency: 'EUR' },
    compareAtPrice: null,
    weightGrams: 0,
    trackInventory,
    allowBackorder,
    stock: { onHand: left, reserved: 0, available: left },
    available: !trackInventory || allowBackorder || left > 0,
  };
}

const product = (variants: VariantView[], options = ['Couleur', 'Taille']) => ({ options: options.map((name) => ({ name, values: [] })), variants }) as unknown as ProductView;

describe('variant choice', () => {
  const cases: [string, Partial<VariantView> & { left?: number }, string][] = [
    ['plenty left is in stock', { left: 6 }, 'in-stock'],
    ['five or fewer is low', { left: 5 }, 'low'],
    ['none left is sold out', { left: 0 }, 'sold-out'],
    ['none left with backorder allowed is backorder', { left: 0, allowBackorder: true }, 'backorder'],
    ['untracked stock is always in stock', { left: 0, trackInventory: false }, 'in-stock'],
  ];
  for (const [name, over, kind] of cases) {
    it(`stock state: ${name}`, () => assert.equal(stockState(variant(1, [], over)).kind, kind));
  }

  const p = product([variant(1, ['Bleu', 'S'], { left: 0 }), variant(2, ['Bleu', 'M']), variant(3, ['Rouge', 'S'])]);

  it('defaults to the first variant that can be bought', () => assert.equal(chooseVariant(p, {}).id, 2));
  it('takes ?variant= when it belongs to the product', () => assert.equal(chooseVariant(p, { variant: '3' }).id, 3));
  it('ignores a ?variant= of another product', () => assert.equal(chooseVariant(p, { variant: '99' }).id, 2));
  it('matches every option given', () => assert.equal(chooseVariant(p, { option1: 'Bleu', option2: 'S' }).id, 1));
  it('keeps the first option when the combination does not exist', () => assert.equal(chooseVariant(p, { option1: 'Rouge', option2: 'M' }).id, 3));
  it('ignores values of the wrong type', () => assert.equal(chooseVariant(p, { option1: { x: 1 }, variant: ['abc'] }).id, 2));
});
