import type { Money } from '../lib/money.ts';
import type { Locale } from './schemas.ts';

export type Translation = { title: string; description: string; seoTitle: string | null; seoDescription: string | null };

export type StockView = { onHand: number; reserved: number; available: number };

export type VariantView = {
  id: number;
  sku: string;
  barcode: string | null;
  options: string[];
  title: string;
  price: Money;
  compareAtPrice: Money | null;
  weightGrams: number;
  trackInventory: boolean;
  allowBackorder: boolean;
  stock: StockView;
  /** Can be bought now: untracked, in stock, or allowed on backorder. */
  available: boolean;
};

export type ImageView = { id: number; key: string; width: number; height: number; alt: string };

export type ProductView = {
  id: number;
  handle: string;
  status: 'draft' | 'active' | 'archived';
  vendor: string | null;
  taxCategory: 'standard' | 'reduced' | 'super_reduced' | 'zero';
  locale: Locale;
  title: string;
  description: string;
  seoTitle: string | null;
  seoDescription: string | null;
  translations: Partial<Record<Locale, Translation>>;
  options: { name: string; values: string[] }[];
  variants: VariantView[];
  images: ImageView[];
  collections: { id: number; handle: string; title: string }[];
  priceRange: { min: Money; max: Money };
  createdAt: string;
  updatedAt: string;
};

export type ProductCard = {
  id: number;
  handle: string;
  status: 'draft' | 'active' | 'archived';
  title: string;
  price: Money;
  maxPrice: Money;
  compareAtPrice: Money | null;
  image: ImageView | null;
  available: boolean;
  variantCount: number;
  onHand: number;
  updatedAt: string;
};

export type ProductPage = {
  items: ProductCard[];
  total: number;
  page: number;
  perPage: number;
  pages: number;
};

export type Facets = {
  options: { name: string; values: { value: string; count: number }[] }[];
  price: { min: number; max: number } | null;
};

export type CollectionView = {
  id: number;
  handle: string;
  position: number;
  locale: Locale;
  title: string;
  description: string;
  seoTitle: string | null;
  seoDescription: string | null;
  translations: Partial<Record<Locale, Translation>>;
  productCount: number;
  updatedAt: string;
};
