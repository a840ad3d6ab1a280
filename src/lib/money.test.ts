import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { add, allocate, amountToInput, currencyDecimals, divRound, formatMoney, money, parseAmount, percentOf, times, vatIncluded } from './money.ts';

describe('money', () => {
  it('knows the minor units of each currency', () => {
    for (const [currency, d] of [['EUR', 2], ['JPY', 0], ['KWD', 3], ['CHF', 2]] as const) assert.equal(currencyDecimals(currency), d, currency);
  });

  it('refuses amounts that are not whole minor units', () => {
    assert.throws(() => money(12.5, 'EUR'), RangeError);
    assert.throws(() => times(money(100, 'EUR'), 1.5), RangeError);
  });

  it('refuses to add different currencies', () => {
    assert.throws(() => add(money(1, 'EUR'), money(1, 'USD')), /currency mismatch/);
  });

  it('rounds half away from zero', () => {
    const cases: [number, number, number][] = [[5, 2, 3], [-5, 2, -3], [4, 3, 1], [5, 3, 2], [1, 4, 0], [2, 4, 1], [-2, 4, -1]];
    for (const [n, d, want] of cases) assert.equal(divRound(n, d), want, `${n}/${d}`);
  });

  it('takes VAT out of VAT-inclusive prices', () => {
    const cases: [number, number, number][] = [
      [1200, 2000, 200], // 12.00 at 20% holds 2.00
      [1000, 2000, 167], // 10.00 at 20% holds 1.666..
      [1055, 550, 55], // 10.55 at 5.5% holds 0.55
      [0, 2000, 0],
    ];
    for (const [gross, rate, vat] of cases) assert.equal(vatIncluded(money(gross, 'EUR'), rate).amount, vat, `${gross} @ ${rate}`);
  });

  it('takes percentages in basis points', () => {
    assert.equal(percentOf(money(1999, 'EUR'), 1000).amount, 200);
    assert.equal(percentOf(money(1, 'EUR'), 5000).amount, 1);
  });

  it('splits a total into parts that always add up', () => {
    const cases: [number, number[]][] = [[100, [1, 1, 1]], [1000, [3, 3, 3, 1]], [7, [0, 0]], [1, [1, 1, 1]], [99999, [17, 23, 5, 1, 9]], [0, [1, 2]], [-10, [1, 1, 1]]];
    for (const [total, weights] of cases) {
      const parts = allocate(total, weights);
      assert.equal(parts.reduce((s, p) => s + p, 0), total, `${total} over ${weights}`);
      assert.equal(parts.length, weights.length);
      for (const p of parts) assert.ok(Number.isInteger(p));
    }
    assert.deepEqual(allocate(100, [1, 1, 1]), [34, 33, 33]);
  });

  it('parses what people type into minor units without floats', () => {
    const cases: [string, string, number | null][] = [
      ['12', 'EUR', 1200], ['12.5', 'EUR', 1250], ['12,50', 'EUR', 1250], [' 1 234,56 ', 'EUR', 123456], ['0.07', 'EUR', 7],
      ['12.345', 'EUR', null], ['-1', 'EUR', null], ['abc', 'EUR', null], ['', 'EUR', null], ['1e3', 'EUR', null], ['500', 'JPY', 500], ['5.5', 'JPY', null],
      ['0.29', 'EUR', 29], ['1.10', 'EUR', 110],
    ];
    for (const [text, currency, want] of cases) assert.equal(parseAmount(text, currency), want, JSON.stringify(text));
  });

  it('writes amounts back for form fields', () => {
    assert.equal(amountToInput(1250, 'EUR'), '12.50');
    assert.equal(amountToInput(7, 'EUR'), '0.07');
    assert.equal(amountToInput(-7, 'EUR'), '-0.07');
    assert.equal(amountToInput(500, 'JPY'), '500');
  });

  it('formats per locale', () => {
    assert.equal(formatMoney(money(123456, 'EUR'), 'en'), '€1,234.56');
    assert.match(formatMoney(money(123456, 'EUR'), 'fr'), /^1\s234,56\s€$/);
  });
});
