import { OPTION_PREFIX, type ListingQuery, type SearchQuery } from './listing-query.ts';
import { optionsFromQuery } from './variant-choice.ts';

// A cached page is keyed by its path and the query parameters it understands, parsed and written
// back in one order: unknown parameters (utm_source, fbclid, cache-busters) and a different order
// share the page, and the page is rendered from that same canonical query.

export type QueryPairs = [string, string][];

const byKeyThenValue = (a: [string, string], b: [string, string]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);

export function queryString(pairs: QueryPairs): string {
  if (pairs.length === 0) return '';
  return `?${new URLSearchParams([...pairs].sort(byKeyThenValue)).toString()}`;
}

/** The pairs as the query object route parsers take (repeated keys become arrays). */
export function queryObject(pairs: QueryPairs): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of pairs) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

export function listingPairs(q: ListingQuery): QueryPairs {
  const pairs: QueryPairs = [];
  if (q.sort !== 'featured') pairs.push(['sort', q.sort]);
  if (q.page > 1) pairs.push(['page', String(q.page)]);
  if (q.minText) pairs.push(['min', q.minText]);
  if (q.maxText) pairs.push(['max', q.maxText]);
  for (const [name, values] of Object.entries(q.options)) for (const v of values) pairs.push([OPTION_PREFIX + name, v]);
  return pairs;
}

export function searchPairs(q: SearchQuery): QueryPairs {
  const pairs: QueryPairs = [];
  if (q.q) pairs.push(['q', q.q]);
  if (q.page > 1) pairs.push(['page', String(q.page)]);
  return pairs;
}

export function productPairs(raw: unknown): QueryPairs {
  const { variantId, options } = optionsFromQuery(raw);
  const pairs: QueryPairs = [];
  if (variantId !== undefined) pairs.push(['variant', String(variantId)]);
  options.forEach((o, i) => {
    if (o !== undefined) pairs.push([`option${i + 1}`, o]);
  });
  return pairs;
}
