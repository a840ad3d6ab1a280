import type { ProductView } from '../catalog/index.ts';
import { amountToInput } from '../lib/money.ts';
import { summary } from './seo.ts';
import { stockState } from './variant-choice.ts';

const AVAILABILITY = {
  'in-stock': 'https://schema.org/InStock',
  low: 'https://schema.org/InStock',
  backorder: 'https://schema.org/BackOrder',
  'sold-out': 'https://schema.org/OutOfStock',
} as const;

/** schema.org Product with one Offer per variant, so search results can show price and stock. */
export function productJsonLd(p: ProductView, url: string, images: string[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.title,
    description: summary(p.description, 5000) || undefined,
    url,
    image: images.length ? images : undefined,
    sku: p.variants.length === 1 ? p.variants[0]!.sku : undefined,
    brand: p.vendor ? { '@type': 'Brand', name: p.vendor } : undefined,
    offers: p.variants.map((v) => ({
      '@type': 'Offer',
      name: p.variants.length > 1 ? v.title : undefined,
      sku: v.sku,
      gtin13: v.barcode && /^\d{13}$/.test(v.barcode) ? v.barcode : undefined,
      price: amountToInput(v.price.amount, v.price.currency),
      priceCurrency: v.price.currency,
      availability: AVAILABILITY[stockState(v).kind],
      itemCondition: 'https://schema.org/NewCondition',
      url: `${url}?variant=${v.id}`,
    })),
  };
}
