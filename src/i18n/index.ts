import { LOCALES, type Locale } from '../catalog/index.ts';
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export { LOCALES, type Locale, type MessageKey };
export { detectLocale, parseAcceptLanguage } from './detect-locale.ts';

const dictionaries: Record<Locale, Record<MessageKey, string>> = { fr, en };

export type Params = Record<string, string | number>;

/** Keys that have plural forms (`x.one`, `x.other`), named without the suffix. */
export type PluralKey = { [K in MessageKey]: K extends `${infer B}.other` ? B : never }[MessageKey];

export function isLocale(value: unknown): value is Locale {
  return value === 'fr' || value === 'en';
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'fr' ? 'en' : 'fr';
}

/** The string for a key in a locale, with `{name}` parameters filled in (parameters are plain text; views escape them). */
export function t(locale: Locale, key: MessageKey, params?: Params): string {
  const text = dictionaries[locale][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const pluralRules = new Map(LOCALES.map((l) => [l, new Intl.PluralRules(l)]));

/** A plural string chosen by the locale's rules (French: 0 and 1 are singular); `{count}` is filled in. */
export function tp(locale: Locale, key: PluralKey, count: number, params?: Params): string {
  const category = pluralRules.get(locale)!.select(count);
  const full = `${key}.${category}`;
  const chosen = (full in dictionaries[locale] ? full : `${key}.other`) as MessageKey;
  return t(locale, chosen, { count, ...params });
}
