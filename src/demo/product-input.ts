import { ProductInputSchema, type Locale, type ProductInput } from '../catalog/index.ts';
import { demoBarcode } from './ean.ts';
import { colourOf } from './palette.ts';
import type { ImageSpec } from './product-image.ts';
import type { CollectionKey, DemoProduct, DemoText } from './types.ts';

export function translation(t: DemoText) {
  return { title: t.title, description: t.description, seoDescription: t.seo };
}

export function variantSku(p: DemoProduct, code: string): string {
  return code ? `${p.sku}-${code}` : p.sku;
}

/** The catalog service's input for a demo product; parsed, so bad demo data fails loudly here. */
export function toProductInput(p: DemoProduct, index: number, collectionIds: Map<CollectionKey, number>, currency: string): ProductInput {
  return ProductInputSchema.parse({
    status: p.status ?? 'active',
    vendor: p.vendor,
    taxCategory: p.tax ?? 'standard',
    translations: { fr: translation(p.fr), en: translation(p.en) },
    options: p.options,
    variants: p.variants.map((v, i) => ({
      sku: variantSku(p, v.code),
      barcode: v.noBarcode ? null : demoBarcode(index, i),
      options: v.options,
      price: { amount: v.price, currency },
      compareAtPrice: v.compareAt ? { amount: v.compareAt, currency } : null,
      weightGrams: v.grams,
      trackInventory: v.stock !== null,
      allowBackorder: v.backorder ?? false,
      ...(v.stock !== null ? { onHand: v.stock } : {}),
    })),
    collectionIds: p.collections.map((key) => {
      const id = collectionIds.get(key);
      if (id === undefined) throw new Error(`demo data: product ${p.sku} names unknown collection ${key}`);
      return id;
    }),
  });
}

/** The colours the product comes in, in variant order, as option values the palette knows. */
function namedColours(p: DemoProduct): string[] {
  const seen = new Set<string>();
  for (const v of p.variants) for (const o of v.options) if (colourOf(o)) seen.add(o);
  return [...seen];
}

/** One picture, or two for the products marked so: a second colour, or else a close-up. */
export function imageSpecs(p: DemoProduct, locale: Locale): { spec: ImageSpec; alt: string }[] {
  const title = p[locale].title;
  const colours = namedColours(p);
  const first = colours[0];
  const out: { spec: ImageSpec; alt: string }[] = [{ spec: { kind: p.kind, colour: first ? colourOf(first)! : p.colour }, alt: first ? `${title}, ${first.toLowerCase()}` : title }];
  if (p.twoImages) {
    const second = colours[1];
    out.push(
      second
        ? { spec: { kind: p.kind, colour: colourOf(second)! }, alt: `${title}, ${second.toLowerCase()}` }
        : { spec: { ...out[0]!.spec, closeUp: true }, alt: locale === 'fr' ? `${title}, détail` : `${title}, detail` },
    );
  }
  return out;
}
