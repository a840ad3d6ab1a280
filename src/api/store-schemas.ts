import { z } from 'zod';
import { LOCALES, MoneySchema } from '../catalog/index.ts';
import { AddressSchema } from '../checkout/index.ts';
import { HANDLE_PATTERN } from '../lib/slug.ts';
import { ImageViewSchema } from './schemas.ts';

// Shapes of the store JSON API (what a storefront or an app on the shopper's side sees): no stock
// counts, no costs, no staff data. Ids avoid "X" next to "XInput" (the OpenAPI generator names the
// request form of every schema "<id>Input"), so request bodies are named for the action.

/** "x is required" when left out, "x must be a number" for anything else that is not a number. */
const numberOf = (what: string) => z.number({ error: (iss) => (iss.input === undefined ? `${what} is required` : `${what} must be a number`) });

const positiveInt = (what: string) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(1, `${what} must be 1 or more`);

export const LocaleSchema = z.enum(LOCALES, `locale must be ${LOCALES.join(' or ')}`).describe('Language of titles and messages; the shop default when left out');

export const LocaleQuerySchema = z.object({ locale: LocaleSchema.optional() }).strict();

// ---- catalog

export const StoreVariantSchema = z
  .object({
    id: z.number().int(),
    sku: z.string(),
    title: z.string().describe('The option values joined, or "Default"'),
    options: z.array(z.string()).describe('One value per product option, in option order'),
    price: MoneySchema,
    compareAtPrice: MoneySchema.nullable(),
    available: z.boolean().describe('Can be added to a cart now'),
  })
  .meta({ id: 'StoreVariant' });

export const StoreProductSummarySchema = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    title: z.string(),
    price: MoneySchema.describe('The lowest variant price'),
    maxPrice: MoneySchema.describe('The highest variant price'),
    compareAtPrice: MoneySchema.nullable(),
    available: z.boolean().describe('At least one variant can be bought now'),
    image: ImageViewSchema.nullable(),
  })
  .meta({ id: 'StoreProductSummary' });

export const StoreProductListSchema = z
  .object({
    items: z.array(StoreProductSummarySchema),
    page: z.number().int(),
    perPage: z.number().int(),
    total: z.number().int().describe('Products matching, on all pages'),
    pages: z.number().int(),
  })
  .meta({ id: 'StoreProductList' });

export const StoreProductSchema = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    title: z.string(),
    description: z.string(),
    vendor: z.string().nullable(),
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    variants: z.array(StoreVariantSchema),
    images: z.array(ImageViewSchema),
    collections: z.array(z.object({ handle: z.string(), title: z.string() })),
    priceRange: z.object({ min: MoneySchema, max: MoneySchema }),
    available: z.boolean(),
  })
  .meta({ id: 'StoreProduct', description: 'An active product as shoppers see it' });

export const StoreProductListQuerySchema = z
  .object({
    q: z.string().trim().min(1, 'q must not be empty').max(200).optional().describe('Search words; results best match first'),
    collection: z.string().max(120).regex(HANDLE_PATTERN, 'collection is a collection handle such as "mugs"').optional().describe('Handle of a collection'),
    page: positiveInt('page').default(1),
    perPage: positiveInt('perPage').max(100, 'perPage must be 100 or less').default(24),
    locale: LocaleSchema.optional(),
  })
  .strict();

export const HandleParamsSchema = z.object({ handle: z.string().max(200).describe('The product handle, as in /{locale}/products/{handle}') }).strict();

// ---- carts

export const CartParamsSchema = z.object({ id: z.string().max(200).describe('The cart id returned when the cart was created') }).strict();
export const CartLineParamsSchema = z.object({ id: z.string().max(200), lineId: positiveInt('lineId') }).strict();

export const CartCreateSchema = z
  .object({ locale: LocaleSchema.optional() })
  .strict()
  .nullish()
  .meta({ id: 'CartCreate', description: 'Optional: the shopper’s language, kept with the cart' });

/** Quantities are positive whole numbers up to the shop's per-item limit (CART_MAX_QUANTITY). */
export function quantitySchema(max: number) {
  return numberOf('quantity')
    .int('quantity must be a whole number')
    .min(1, 'quantity must be at least 1')
    .max(max, `quantity must be ${max} or less`);
}

export function cartLineAddSchema(maxQuantity: number) {
  return z
    .object({ variantId: numberOf('variantId').int('variantId must be a whole number').min(1, 'variantId must be 1 or more'), quantity: quantitySchema(maxQuantity) })
    .strict();
}

export function cartLineUpdateSchema(maxQuantity: number) {
  return z.object({ quantity: quantitySchema(maxQuantity) }).strict();
}

export const StoreCartLineSchema = z
  .object({
    id: z.number().int(),
    variantId: z.number().int(),
    productHandle: z.string(),
    title: z.string(),
    variantTitle: z.string(),
    sku: z.string(),
    unitPrice: MoneySchema.describe('Today’s price: prices are read again at checkout'),
    compareAtPrice: MoneySchema.nullable(),
    quantity: z.number().int(),
    total: MoneySchema,
    image: z.object({ url: z.string(), width: z.number().int(), height: z.number().int(), alt: z.string() }).nullable(),
    purchasable: z.boolean().describe('False when the product was withdrawn from sale: remove the line before checkout'),
    inStock: z.boolean().describe('The quantity can be bought now (checkout reserves the stock)'),
  })
  .meta({ id: 'StoreCartLine' });

export const StoreCartSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'completed']).describe('completed once an order was placed from it'),
    currency: z.string(),
    lines: z.array(StoreCartLineSchema),
    itemCount: z.number().int().describe('Units in the cart'),
    subtotal: MoneySchema,
  })
  .meta({ id: 'StoreCart' });

// ---- checkout and orders

export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_\-:.]{1,128}$/;

export const CheckoutHeadersSchema = z.looseObject({
  'idempotency-key': z
    .string()
    .regex(IDEMPOTENCY_KEY, 'Idempotency-Key is 1 to 128 letters, digits, or _ - : .')
    .optional()
    .describe('A key of your choice (a UUID, say) that makes retries safe: the same key answers with the same order'),
});

const OrderSummarySchema = z.object({
  id: z.number().int(),
  number: z.number().int(),
  status: z.string().describe('pending_payment, paid or cancelled'),
  total: MoneySchema,
  token: z.string().describe('Secret of the order: with the id it reads the order (GET /api/store/orders/{id}?token=)'),
});

export const PlacedOrderSchema = z
  .object({
    order: OrderSummarySchema.extend({ statusUrl: z.string().describe('The order status page for the shopper') }),
    payment: z.object({
      provider: z.string(),
      status: z.enum(['paid', 'pending', 'declined']),
      reference: z.string().nullable(),
      clientSecret: z.string().optional().describe('Stripe: confirm the PaymentIntent with Stripe.js using this secret'),
      instructions: z.string().optional().describe('Bank transfer or cash on delivery: what the shopper must do'),
    }),
  })
  .meta({ id: 'PlacedOrder' });

export const StoreErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('VALIDATION_FAILED, NOT_FOUND, CONFLICT, INSUFFICIENT_STOCK, PAYMENT_DECLINED, ...'),
      message: z.string(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
      lines: z
        .array(z.object({ variantId: z.number().int(), requested: z.number().int(), available: z.number().int() }))
        .optional()
        .describe('INSUFFICIENT_STOCK: every line short of stock, with what is left'),
      order: OrderSummarySchema.optional().describe('PAYMENT_DECLINED: the order, now cancelled; the cart is open again'),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'StoreError', description: 'Every error of the store API has this shape' });

export const OrderParamsSchema = z.object({ id: positiveInt('id') }).strict();
export const OrderQuerySchema = z.object({ token: z.string().max(200).optional().describe('The order token returned by checkout') }).strict();

const money = MoneySchema;
export const StoreOrderSchema = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    status: z.enum(['pending_payment', 'paid', 'partially_fulfilled', 'fulfilled', 'cancelled', 'refunded']),
    placedAt: z.string(),
    paidAt: z.string().nullable(),
    lines: z.array(
      z.object({
        sku: z.string(),
        title: z.string(),
        variantTitle: z.string(),
        unitPrice: money,
        quantity: z.number().int(),
        discount: money,
        total: money,
        vatRateBp: z.number().int().describe('VAT rate in basis points (2000 = 20%)'),
        backordered: z.boolean(),
      }),
    ),
    subtotal: money,
    discount: money,
    shipping: money,
    tax: money.describe('VAT included in the total'),
    total: money,
    taxLines: z.array(z.object({ rateBp: z.number().int(), base: money, tax: money })),
    discountCode: z.string().nullable(),
    shippingAddress: AddressSchema,
    shippingMethod: z.string(),
    payment: z.object({ provider: z.string(), status: z.enum(['pending', 'paid', 'refunded', 'cancelled']) }),
  })
  .meta({ id: 'StoreOrder' });

// ---- documented answers

const json = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });

const ERRORS = {
  400: json('Invalid input: `fields` names each field at fault, and nothing was written', StoreErrorSchema),
  402: json('PAYMENT_DECLINED: the order was cancelled, its stock released and the cart opened again', StoreErrorSchema),
  404: json('No such item (or a wrong token)', StoreErrorSchema),
  409: json('CONFLICT (the cart was already ordered, or not enough stock to add) or INSUFFICIENT_STOCK listing every short line', StoreErrorSchema),
  429: json('RATE_LIMITED: too many of these requests from this address in a minute; nothing was done. Retry-After says how many seconds to wait', StoreErrorSchema),
};

export function storeErrors<S extends keyof typeof ERRORS>(...statuses: S[]): Pick<typeof ERRORS, S> {
  return Object.fromEntries(statuses.map((s) => [s, ERRORS[s]])) as Pick<typeof ERRORS, S>;
}

export { json as storeJson };
