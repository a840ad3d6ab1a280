import type { Locale } from '../catalog/index.ts';

/** Language ranges of an Accept-Language header, best first (q=0 means "not this one" and is dropped). */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  const ranges: { tag: string; q: number; i: number }[] = [];
  header
    .split(',')
    .slice(0, 30)
    .forEach((part, i) => {
      const [rawTag, ...paramList] = part.trim().split(';');
      const tag = rawTag?.trim().toLowerCase();
      if (!tag || !/^(\*|[a-z]{1,8}(-[a-z0-9]{1,8})*)$/.test(tag)) return;
      let q = 1;
      for (const p of paramList) {
        const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
        if (m) q = Math.min(1, Number(m[1]));
      }
      if (q > 0) ranges.push({ tag, q, i });
    });
  // Stable: equal weights keep the order the browser sent.
  return ranges.sort((a, b) => b.q - a.q || a.i - b.i).map((r) => r.tag);
}

/** The shopper's language: the `locale` cookie first, then Accept-Language, then the shop's default. */
export function detectLocale(input: { cookie?: string | undefined; acceptLanguage?: string | undefined; fallback: Locale; supported: readonly Locale[] }): Locale {
  const { cookie, supported, fallback } = input;
  if (cookie && (supported as readonly string[]).includes(cookie)) return cookie as Locale;
  for (const tag of parseAcceptLanguage(input.acceptLanguage)) {
    if (tag === '*') return fallback;
    const primary = tag.split('-')[0]!;
    if ((supported as readonly string[]).includes(primary)) return primary as Locale;
  }
  return fallback;
}
