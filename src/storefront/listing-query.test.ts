import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listingQueryString, parseListingQuery, parseSearchQuery } from './listing-query.ts';

describe('listing query', () => {
  const cases: [string, Record<string, unknown>, Partial<ReturnType<typeof parseListingQuery>>][] = [
    ['an empty query gives the defaults', {}, { sort: 'featured', page: 1, options: {}, minPrice: undefined, maxPrice: undefined }],
    ['a known sort is kept', { sort: 'price-desc' }, { sort: 'price-desc' }],
    ['an unknown sort falls back to featured', { sort: 'DROP TABLE' }, { sort: 'featured' }],
    ['a repeated sort takes the first', { sort: ['newest', 'title'] }, { sort: 'newest' }],
    ['page=abc falls back to page 1', { page: 'abc' }, { page: 1 }],
    ['page=0 falls back to page 1', { page: '0' }, { page: 1 }],
    ['a negative page falls back to page 1', { page: '-3' }, { page: 1 }],
    ['a huge page falls back to page 1', { page: '1e9' }, { page: 1 }],
    ['whole euros become cents', { min: '10', max: '25' }, { minPrice: 1000, maxPrice: 2500, minText: '10', maxText: '25' }],
    ['a decimal comma is read', { max: '12,50' }, { maxPrice: 1250 }],
    ['a negative price is ignored', { min: '-5' }, { minPrice: undefined, minText: '' }],
    ['a price that is not a number is ignored', { max: 'cheap' }, { maxPrice: undefined, maxText: '' }],
    ['a reversed range is put right', { min: '50', max: '10' }, { minPrice: 1000, maxPrice: 5000, minText: '10', maxText: '50' }],
    ['option filters are collected by name', { 'o.Couleur': ['Bleu', 'Rouge', 'Bleu'], 'o.Taille': 'M' }, { options: { Couleur: ['Bleu', 'Rouge'], Taille: ['M'] } }],
    ['empty option values are dropped', { 'o.Couleur': '' }, { options: {} }],
    ['unrelated parameters are ignored', { utm_source: 'newsletter', fbclid: 'x' }, { sort: 'featured', options: {} }],
  ];
  for (const [name, raw, want] of cases) {
    it(name, () => {
      const got = parseListingQuery(raw, 'EUR');
      for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k as keyof typeof got], v, k);
    });
  }

  it('keeps at most three option filters', () => {
    const got = parseListingQuery({ 'o.a': '1', 'o.b': '2', 'o.c': '3', 'o.d': '4' }, 'EUR');
    assert.equal(Object.keys(got.options).length, 3);
  });

  it('writes back a query string that parses to the same listing', () => {
    const q = parseListingQuery({ sort: 'price-asc', 'o.Couleur': ['Bleu', 'Rouge'], min: '5' }, 'EUR');
    const s = listingQueryString(q, 2);
    assert.equal(s, '?sort=price-asc&o.Couleur=Bleu&o.Couleur=Rouge&min=5&page=2');
    const again = parseListingQuery(Object.fromEntries([...new URLSearchParams(s).keys()].map((k) => [k, new URLSearchParams(s).getAll(k)])), 'EUR');
    assert.deepEqual(again, { ...q, page: 2 });
  });

  it('reads a search query and trims it', () => {
    assert.deepEqual(parseSearchQuery({ q: '  robe lin ', page: 'x' }), { q: 'robe lin', page: 1 });
    assert.equal(parseSearchQuery({ q: 'x'.repeat(500) }).q.length, 200);
    assert.deepEqual(parseSearchQuery(undefined), { q: '', page: 1 });
  });
});
