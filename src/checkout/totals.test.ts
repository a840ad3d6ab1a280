import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeTotals } from './totals.ts';

describe('order totals', () => {
  it('adds lines and shipping and extracts VAT per rate', () => {
    const t = computeTotals([{ unitPrice: 1200, quantity: 2, vatRateBp: 2000 }, { unitPrice: 1055, quantity: 1, vatRateBp: 550 }], null, 590, 2000);
    assert.equal(t.subtotal, 3455);
    assert.equal(t.total, 4045);
    assert.deepEqual(t.taxLines, [
      { rateBp: 2000, base: 2990, tax: 498 },
      { rateBp: 550, base: 1055, tax: 55 },
    ]);
    assert.equal(t.tax, 553);
  });

  const cases: { name: string; discount: Parameters<typeof computeTotals>[1]; want: { discount: number; shipping: number; total: number } }[] = [
    { name: 'a percentage discount is rounded once', discount: { kind: 'percentage', value: 1000 }, want: { discount: 346, shipping: 590, total: 3699 } },
    { name: 'a fixed discount never exceeds the subtotal', discount: { kind: 'fixed', value: 999_999 }, want: { discount: 3455, shipping: 590, total: 590 } },
    { name: 'free shipping zeroes shipping only', discount: { kind: 'free_shipping', value: 0 }, want: { discount: 0, shipping: 0, total: 3455 } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const t = computeTotals([{ unitPrice: 1200, quantity: 2, vatRateBp: 2000 }, { unitPrice: 1055, quantity: 1, vatRateBp: 550 }], c.discount, 590, 2000);
      assert.deepEqual({ discount: t.discount, shipping: t.shipping, total: t.total }, c.want);
      assert.equal(t.lines.reduce((s, l) => s + l.discount, 0), t.discount, 'line discounts add up');
      assert.equal(t.lines.reduce((s, l) => s + l.total, 0) + t.shipping, t.total, 'line totals and shipping add up');
      assert.equal(t.taxLines.reduce((s, l) => s + l.base, 0), t.total, 'tax bases cover the total');
    });
  }
});
