import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HANDLE_PATTERN, slugify } from './slug.ts';

describe('slugify', () => {
  const cases: [string, string][] = [
    ['Robe d’été en lin', 'robe-d-ete-en-lin'],
    ['  Bœuf & Œufs  ', 'boeuf-oeufs'],
    ['T-shirt — Bio!!', 't-shirt-bio'],
    ['Straße', 'strasse'],
    ['日本', ''],
    ['Mug 33 cl', 'mug-33-cl'],
  ];
  for (const [input, want] of cases) {
    it(`turns ${JSON.stringify(input)} into ${JSON.stringify(want)}`, () => {
      const s = slugify(input);
      assert.equal(s, want);
      if (s) assert.match(s, HANDLE_PATTERN);
    });
  }

  it('keeps handles to 80 characters without a trailing hyphen', () => {
    const s = slugify('a'.repeat(79) + ' bcd');
    assert.ok(s.length <= 80);
    assert.match(s, HANDLE_PATTERN);
  });
});
