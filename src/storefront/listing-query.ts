import { z } from 'zod';
import { SORTS, type Sort } from '../catalog/index.ts';
import { parseAmount } from '../lib/money.ts';

// Shoppers and crawlers send anything in query strings: a value that does not parse is
// ignored (the default applies) rather than refused, so a mangled shared link still shows products.

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const text = (max: number) => z.preprocess(first, z.string().trim().max(max)).catch('');
const pageNumber = z.preprocess(first, z.string().regex(/^\d{1,5}$/).transform(Number).pipe(z.number().int().min(1))).catch(1);

const ListingSchema = z.looseObject({
  sort: z.preprocess(first, z.enum(SORTS)).catch('featured'),
  page: pageNumber,
  min: text(20),
  max: text(20),
});

// A search longer than anyone types is cut rather than refused.
const cut = (v: unknown) => {
  const s = first(v);
  return typeof s === 'string' ? s.slice(0, 200) : s;
};
const searchText = z.preprocess(cut, z.string().trim()).catch('');
const SearchSchema = z.looseObject({ q: searchText, page: pageNumber });

const OptionValues = z.array(z.string().trim().min(1).max(60)).max(30);

/** Filter option params are named `o.<option name>`, one per ticked value: `o.Couleur=Bleu&o.Couleur=Rouge`. */
export const OPTION_PREFIX = 'o.';
const MAX_OPTION_FILTERS = 3;

export type ListingQuery = {
  sort: Sort;
  page: number;
  options: Record<string, string[]>;
  /** Minor units, from what was typed in whole currency units. */
  minPrice?: number;
  maxPrice?: number;
  /** As typed, to fill the form again (only when valid). */
  minText: string;
  maxText: string;
};

export function parseListingQuery(raw: unknown, currency: string): ListingQuery {
  const input = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const q = ListingSchema.parse(input);
  const options: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!key.startsWith(OPTION_PREFIX) || Object.keys(options).length >= MAX_OPTION_FILTERS) continue;
    const name = key.slice(OPTION_PREFIX.length).trim();
    const values = OptionValues.safeParse(Array.isArray(value) ? value : [value]);
    if (name && name.length <= 60 && values.success && values.data.length) options[name] = [...new Set(values.data)];
  }
  let minPrice = q.min ? (parseAmount(q.min, currency) ?? undefined) : undefined;
  let maxPrice = q.max ? (parseAmount(q.max, currency) ?? undefined) : undefined;
  let minText = minPrice === undefined ? '' : q.min;
  let maxText = maxPrice === undefined ? '' : q.max;
  // A range typed the wrong way round is what the shopper meant the right way round.
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) {
    [minPrice, maxPrice, minText, maxText] = [maxPrice, minPrice, maxText, minText];
  }
  return { sort: q.sort, page: q.page, options, minPrice, maxPrice, minText, maxText };
}

export function hasFilters(q: ListingQuery): boolean {
  return Object.keys(q.options).length > 0 || q.minPrice !== undefined || q.maxPrice !== undefined;
}

/** The query string for this listing at another page; defaults are left out so URLs stay short and canonical. */
export function listingQueryString(q: ListingQuery, page: number): string {
  const p = new URLSearchParams();
  if (q.sort !== 'featured') p.set('sort', q.sort);
  for (const [name, values] of Object.entries(q.options)) for (const v of values) p.append(OPTION_PREFIX + name, v);
  if (q.minText) p.set('min', q.minText);
  if (q.maxText) p.set('max', q.maxText);
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export type SearchQuery = { q: string; page: number };

export function parseSearchQuery(raw: unknown): SearchQuery {
  return SearchSchema.parse(raw && typeof raw === 'object' ? raw : {});
}

export function searchQueryString(q: SearchQuery, page: number): string {
  const p = new URLSearchParams({ q: q.q });
  if (page > 1) p.set('page', String(page));
  return `?${p.toString()}`;
}
