import type { CollectionView, ImageView, ProductView } from '../catalog/index.ts';
import { imageUrl, storedWidths } from '../media/images.ts';

// Turns service views into the documented API shapes: absolute image URLs, no display-only fields.

export function presentImage(i: ImageView, baseUrl: string) {
  const sizes = storedWidths(i.width).map((w) => ({ width: w, webp: baseUrl + imageUrl(i.key, w, 'webp'), avif: baseUrl + imageUrl(i.key, w, 'avif') }));
  return { id: i.id, url: sizes[sizes.length - 1]!.webp, width: i.width, height: i.height, alt: i.alt, sizes };
}

export function presentProduct(p: ProductView, baseUrl: string) {
  return {
    id: p.id,
    handle: p.handle,
    status: p.status,
    vendor: p.vendor,
    taxCategory: p.taxCategory,
    translations: p.translations,
    options: p.options,
    variants: p.variants,
    images: p.images.map((i) => presentImage(i, baseUrl)),
    collections: p.collections,
    priceRange: p.priceRange,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function presentCollection(c: CollectionView) {
  return { id: c.id, handle: c.handle, position: c.position, translations: c.translations, productCount: c.productCount, updatedAt: c.updatedAt };
}
