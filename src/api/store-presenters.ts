import type { CartView } from '../cart/index.ts';
import type { ProductCard, ProductView } from '../catalog/index.ts';
import type { PlacedOrder } from '../checkout/index.ts';
import { orderStatusUrl } from '../email/index.ts';
import { imageUrl, storedWidths } from '../media/images.ts';
import type { OrderView } from '../orders/index.ts';
import { presentImage } from './presenters.ts';

// Service views turned into what shoppers may see: stock is a yes/no, never a count; no costs, no staff fields.

export function presentProductSummary(c: ProductCard, baseUrl: string) {
  return {
    id: c.id,
    handle: c.handle,
    title: c.title,
    price: c.price,
    maxPrice: c.maxPrice,
    compareAtPrice: c.compareAtPrice,
    available: c.available,
    image: c.image ? presentImage(c.image, baseUrl) : null,
  };
}

export function presentStoreProduct(p: ProductView, baseUrl: string) {
  return {
    id: p.id,
    handle: p.handle,
    title: p.title,
    description: p.description,
    vendor: p.vendor,
    options: p.options,
    variants: p.variants.map((v) => ({ id: v.id, sku: v.sku, title: v.title, options: v.options, price: v.price, compareAtPrice: v.compareAtPrice, available: v.available })),
    images: p.images.map((i) => presentImage(i, baseUrl)),
    collections: p.collections.map((c) => ({ handle: c.handle, title: c.title })),
    priceRange: p.priceRange,
    available: p.variants.some((v) => v.available),
  };
}

export function presentCart(c: CartView, baseUrl: string) {
  return {
    id: c.id,
    status: c.status,
    currency: c.currency,
    lines: c.lines.map((l) => {
      const width = l.image ? storedWidths(l.image.width)[0]! : 0;
      return {
        id: l.id,
        variantId: l.variantId,
        productHandle: l.handle,
        title: l.title,
        variantTitle: l.variantTitle,
        sku: l.sku,
        unitPrice: l.unitPrice,
        compareAtPrice: l.compareAtPrice,
        quantity: l.quantity,
        total: l.total,
        // The smallest rendition: a cart shows thumbnails.
        image: l.image ? { url: baseUrl + imageUrl(l.image.key, width, 'webp'), width, height: Math.round((l.image.height * width) / l.image.width), alt: l.image.alt } : null,
        purchasable: l.purchasable,
        inStock: l.purchasable && (l.availableQuantity === null || l.availableQuantity >= l.quantity),
      };
    }),
    itemCount: c.itemCount,
    subtotal: c.subtotal,
  };
}

export function presentPlacedOrder(p: PlacedOrder, locale: 'fr' | 'en', publicUrl: string) {
  const { id, number, status, total, token } = p.order;
  return {
    order: { id, number, status, total, token, statusUrl: orderStatusUrl(publicUrl, { id, token, locale }) },
    payment: {
      provider: p.payment.provider,
      status: p.payment.status,
      reference: p.payment.reference,
      // Left out rather than null, so a first answer and its replay read the same.
      ...(p.payment.clientSecret ? { clientSecret: p.payment.clientSecret } : {}),
      ...(p.payment.instructions ? { instructions: p.payment.instructions } : {}),
    },
  };
}

const PAYMENT_STATUS = {
  pending_payment: 'pending',
  paid: 'paid',
  partially_fulfilled: 'paid',
  fulfilled: 'paid',
  refunded: 'refunded',
  cancelled: 'cancelled',
} as const;

export function presentStoreOrder(o: OrderView) {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    placedAt: o.placedAt,
    paidAt: o.paidAt,
    lines: o.lines.map((l) => ({
      sku: l.sku,
      title: l.title,
      variantTitle: l.variantTitle,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      discount: l.discount,
      total: l.total,
      vatRateBp: l.vatRateBp,
      backordered: l.backordered,
    })),
    subtotal: o.subtotal,
    discount: o.discount,
    shipping: o.shipping,
    tax: o.tax,
    total: o.total,
    taxLines: o.taxLines,
    discountCode: o.discountCode,
    shippingAddress: o.shippingAddress,
    shippingMethod: o.shippingMethod.name,
    payment: { provider: o.payment.provider, status: PAYMENT_STATUS[o.status] },
  };
}
