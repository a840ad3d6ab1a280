import type { Locale } from '../catalog/index.ts';
import { LOCALES } from '../i18n/index.ts';
import { imageUrl, ogWidth } from '../media/images.ts';
import type { ImageView } from '../catalog/index.ts';

/** What a page tells search engines and social networks about itself. */
export type Seo = {
  /** The whole <title>. */
  title: string;
  description: string;
  /** Path of this page in this locale; null for pages that must not be indexed (errors, cart). */
  canonical: string | null;
  /** The same page in each locale (hreflang). */
  alternates?: Record<Locale, string>;
  /** Where x-default points; the default-locale page when omitted. */
  xDefault?: string;
  image?: OgImage | null;
  type?: 'website' | 'product';
  noindex?: boolean;
  prev?: string | null;
  next?: string | null;
  /** Further Open Graph properties, such as product:price:amount. */
  og?: [string, string][];
};

export type OgImage = { path: string; width: number; height: number; alt: string };

/** The same path under each locale prefix: `/products/mug` -> `{ fr: '/fr/products/mug', en: '/en/products/mug' }`. */
export function localePaths(rest: string): Record<Locale, string> {
  return Object.fromEntries(LOCALES.map((l) => [l, `/${l}${rest}`])) as Record<Locale, string>;
}

/** The JPEG made for social previews (AVIF is not read everywhere). */
export function ogImage(image: ImageView, fallbackAlt: string): OgImage {
  const width = ogWidth(image.width);
  return { path: imageUrl(image.key, width, 'jpg'), width, height: Math.round((image.height * width) / image.width), alt: image.alt || fallbackAlt };
}

/** A short plain-text summary for meta descriptions: whitespace folded, cut at a word near 155 characters. */
export function summary(text: string, max = 155): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
}
