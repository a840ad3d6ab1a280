import { OPTION_PREFIX, type ListingQuery, type SearchQuery } from './listing-query.ts';
import { optionsFromQuery } from './variant-choice.ts';

// A cached page is keyed by its path and the query parameters it understands, parsed and written
// back in one order: unknown parameters (utm_source, fbclid, cache-busters) and a different order
// share the page, and the page is rendered from that same canonical query. The order is the one
// the pages' own links use (listingQueryString, searchQueryString, the variant form), so a click
// on a link is a key as it stands, which fast-hits.ts answers without parsing anything.

export type QueryPairs = [string, string][];

export function queryString(pairs: QueryPairs): string {
  if (pairs.length === 0) return '';
  return `?${new URLSearchParams(pairs).toString()}`;
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

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The order of listingQueryString, with option names and values sorted. */
export function listingPairs(q: ListingQuery): QueryPairs {
  const pairs: QueryPairs = [];
  if (q.sort !== 'featured') pairs.push(['sort', q.sort]);
  for (const name of Object.keys(q.options).sort(byText)) for (const v of [...q.options[name]!].sort(byText)) pairs.push([OPTION_PREFIX + name, v]);
  if (q.minText) pairs.push(['min', q.minText]);
  if (q.maxText) pairs.push(['max', q.maxText]);
  if (q.page > 1) pairs.push(['page', String(q.page)]);
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
