import type { Locale } from '../i18n/index.ts';
import { SHIPPING_COUNTRIES } from '../tax/rates.ts';

export type Country = { code: string; name: string };

const cache = new Map<Locale, Country[]>();

/** The countries we deliver to, named in the shopper's language and sorted as that language sorts. */
export function countries(locale: Locale): Country[] {
  let list = cache.get(locale);
  if (!list) {
    const names = new Intl.DisplayNames([locale], { type: 'region' });
    const collator = new Intl.Collator(locale);
    list = SHIPPING_COUNTRIES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
    cache.set(locale, list);
  }
  return list;
}

export function countryName(code: string, locale: Locale): string {
  return countries(locale).find((c) => c.code === code)?.name ?? code;
}
