import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippingPrice, type MethodRule } from './rules.ts';

const flat: MethodRule = { countries: ['FR'], kind: 'flat', price: 590, freeAbove: 6000, weightRates: [], active: true };
const byWeight: MethodRule = { countries: ['DE', 'BE'], kind: 'weight', price: 0, freeAbove: null, weightRates: [{ upToGrams: 5000, amount: 1990 }, { upToGrams: 1000, amount: 1290 }], active: true };

describe('shipping prices', () => {
  const cases: [string, MethodRule, { country: string; weightGrams: number; subtotal: number }, number | null][] = [
    ['flat rate in its country', flat, { country: 'FR', weightGrams: 300, subtotal: 2000 }, 590],
    ['free at the threshold', flat, { country: 'FR', weightGrams: 300, subtotal: 6000 }, 0],
    ['not served outside its countries', flat, { country: 'DE', weightGrams: 300, subtotal: 2000 }, null],
    ['lightest bracket that fits, whatever the order given', byWeight, { country: 'DE', weightGrams: 1000, subtotal: 100 }, 1290],
    ['next bracket above a limit', byWeight, { country: 'BE', weightGrams: 1001, subtotal: 100 }, 1990],
    ['too heavy for any bracket', byWeight, { country: 'BE', weightGrams: 5001, subtotal: 100 }, null],
    ['inactive methods serve nothing', { ...flat, active: false }, { country: 'FR', weightGrams: 1, subtotal: 1 }, null],
  ];
  for (const [name, m, parcel, want] of cases) it(name, () => assert.equal(shippingPrice(m, parcel), want));
});
