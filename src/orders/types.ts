import type { Money } from '../lib/money.ts';
import type { OrderStatus } from './rules.ts';

export type Address = { name: string; line1: string; line2?: string | null; postalCode: string; city: string; country: string; phone?: string | null };

export type OrderLineView = {
  id: number;
  variantId: number | null;
  productId: number | null;
  sku: string;
  title: string;
  variantTitle: string;
  unitPrice: Money;
  quantity: number;
  vatRateBp: number;
  discount: Money;
  total: Money;
  backordered: boolean;
};

export type OrderView = {
  id: number;
  number: number;
  token: string;
  status: OrderStatus;
  email: string;
  locale: 'fr' | 'en';
  subtotal: Money;
  discount: Money;
  shipping: Money;
  tax: Money;
  total: Money;
  taxLines: { rateBp: number; base: Money; tax: Money }[];
  lines: OrderLineView[];
  shippingAddress: Address;
  shippingMethod: { id: number | null; name: string };
  discountCode: string | null;
  payment: { provider: string; reference: string | null };
  reservationExpiresAt: string | null;
  placedAt: string;
  paidAt: string | null;
  updatedAt: string;
};

export type OrderEvent = { id: number; fromStatus: string | null; toStatus: string; note: string | null; actor: string; createdAt: string };
