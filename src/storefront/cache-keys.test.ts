import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { listingPairs, productPairs, queryObject, queryString, searchPairs } from './cache-keys.ts';
import { listingQueryString, parseListingQuery, parseSearchQuery, searchQueryString } from './listing-query.ts';

const listing = (raw: Record<string, unknown>) => queryString(listingPairs(parseListingQuery(raw, 'EUR')));

describe('page cache keys', () => {
  it('keeps only the parameters a listing understands, in one order', () => {
    const a = listing({ utm_source: 'mail', page: '2', 'o.Taille': ['M', 'L'], sort: 'title', 'o.Couleur': 'Bleu', fbclid: 'x' });
    const b = listing({ 'o.Couleur': ['Bleu'], sort: 'title', 'o.Taille': ['L', 'M'], page: ['2'] });
    assert.equal(a, b);
    assert.equal(a, '?sort=title&o.Couleur=Bleu&o.Taille=L&o.Taille=M&page=2');
    assert.equal(listing({ sort: 'nonsense', page: '1', junk: '1' }), '', 'defaults and junk leave no query');
  });

  it('writes the same query as the links the pages make, so a click on one is a key as it stands', () => {
    const q = parseListingQuery(queryObject(listingPairs(parseListingQuery({ 'o.Taille': ['M', 'L'], sort: 'price-asc', min: '10', max: '40', page: '3' }, 'EUR'))), 'EUR');
    assert.equal(listingQueryString(q, q.page), queryString(listingPairs(q)));
    const s = parseSearchQuery({ q: 'bol bleu', page: '2' });
    assert.equal(searchQueryString(s, s.page), queryString(searchPairs(s)));
  });

  it('keeps the variant asked for, and the options of the variant form in their order', () => {
    assert.equal(queryString(productPairs({ variant: '12', ref: 'x' })), '?variant=12');
    assert.equal(queryString(productPairs({ option2: 'M', option1: 'Bleu' })), '?option1=Bleu&option2=M');
    assert.equal(queryString(productPairs({ variant: 'abc' })), '', 'a variant that cannot be one is dropped');
  });
});
