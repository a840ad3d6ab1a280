import { z } from 'zod';
import { CollectionInputSchema, MoneySchema, SORTS, TranslationsSchema } from '../catalog/index.ts';

// Request and response shapes of the admin JSON API; the same schemas validate requests,
// serialize responses and produce the OpenAPI document. Response objects are not strict:
// the serializer drops whatever a view holds beyond what is documented.
// Ids "Product" and "Collection" cannot be used: the OpenAPI generator names the request
// variant of every schema "<id>Input", which would collide with ProductInput and CollectionInput.

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('A stable code: VALIDATION_FAILED, NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA, ...'),
      message: z.string().describe('What went wrong, for a person'),
      fields: z
        .array(z.object({ field: z.string().describe('Path of the field at fault, such as variants.0.price.amount'), message: z.string() }))
        .optional(),
      requestId: z.string().optional(),
    }),
  })
  .meta({ id: 'Error', description: 'Every error answer has this shape' });

const nullableString = z.string().nullable();

export const TranslationViewSchema = z
  .object({ title: z.string(), description: z.string(), seoTitle: nullableString, seoDescription: nullableString })
  .meta({ id: 'Translation' });

const TranslationsViewSchema = z.object({ fr: TranslationViewSchema.optional(), en: TranslationViewSchema.optional() }).describe('Only the languages the item has');

export const StockSchema = z
  .object({
    onHand: z.number().int().describe('Units on the shelf'),
    reserved: z.number().int().describe('Units held for carts in checkout and unshipped orders'),
    available: z.number().int().describe('onHand - reserved'),
  })
  .meta({ id: 'Stock' });

export const VariantViewSchema = z
  .object({
    id: z.number().int(),
    sku: z.string(),
    barcode: nullableString,
    options: z.array(z.string()).describe('One value per product option, in option order'),
    title: z.string().describe('The option values joined, or "Default"'),
    price: MoneySchema,
    compareAtPrice: MoneySchema.nullable(),
    weightGrams: z.number().int(),
    trackInventory: z.boolean(),
    allowBackorder: z.boolean(),
    stock: StockSchema,
    available: z.boolean().describe('Can be bought now: untracked, in stock, or allowed on backorder'),
  })
  .meta({ id: 'Variant' });

export const ImageViewSchema = z
  .object({
    id: z.number().int(),
    url: z.string().describe('Absolute URL of the largest WebP rendition'),
    width: z.number().int().describe('Width of the uploaded image, in pixels'),
    height: z.number().int(),
    alt: z.string(),
    sizes: z
      .array(z.object({ width: z.number().int(), webp: z.string(), avif: z.string() }))
      .describe('Every stored width, smallest first, for a srcset'),
  })
  .meta({ id: 'ProductImage' });

export const ProductViewSchema = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    status: z.enum(['draft', 'active', 'archived']),
    vendor: nullableString,
    taxCategory: z.enum(['standard', 'reduced', 'super_reduced', 'zero']),
    translations: TranslationsViewSchema,
    options: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
    variants: z.array(VariantViewSchema),
    images: z.array(ImageViewSchema),
    collections: z.array(z.object({ id: z.number().int(), handle: z.string(), title: z.string() })),
    priceRange: z.object({ min: MoneySchema, max: MoneySchema }),
    createdAt: z.string().describe('ISO 8601, UTC'),
    updatedAt: z.string().describe('ISO 8601, UTC'),
  })
  .meta({ id: 'ProductView', description: 'A product with its variants, stock levels, images and collections' });

const pageFields = {
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int().describe('Items matching the filter, on all pages'),
  pages: z.number().int(),
};

export const ProductListSchema = z.object({ items: z.array(ProductViewSchema), ...pageFields }).meta({ id: 'ProductList' });

const positiveInt = (what: string) => z.coerce.number({ error: `${what} must be a number` }).int(`${what} must be a whole number`).min(1, `${what} must be 1 or more`);

export const ProductListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional().describe('Words found in the title, handle or a SKU'),
    status: z.enum(['draft', 'active', 'archived', 'any']).default('any'),
    collectionId: positiveInt('collectionId').optional(),
    sort: z.enum(SORTS).default('featured').describe('featured: oldest first, or collection order when collectionId is given'),
    page: positiveInt('page').default(1),
    perPage: positiveInt('perPage').max(100, 'perPage must be 100 or less').default(24),
  })
  .strict();

export const IdParamsSchema = z.object({ id: positiveInt('id').describe('Numeric id') }).strict();
export const ImageParamsSchema = z.object({ id: positiveInt('id'), imageId: positiveInt('imageId') }).strict();

/** Documents the multipart body; the route reads the parts itself (see image routes). */
export const ImageUploadSchema = z
  .object({
    image: z.string().meta({ format: 'binary', contentMediaType: 'application/octet-stream' }).describe('A JPEG, PNG, WebP, AVIF, GIF or TIFF file'),
    alt: z.string().max(255).optional().describe('Text alternative for people who cannot see the image'),
  })
  .meta({ id: 'ImageUpload' });

export const CollectionViewSchema = z
  .object({
    id: z.number().int(),
    handle: z.string(),
    position: z.number().int(),
    translations: TranslationsViewSchema,
    productCount: z.number().int().describe('Active products in the collection'),
    updatedAt: z.string(),
  })
  .meta({ id: 'CollectionView' });

export const CollectionListSchema = z.object({ items: z.array(CollectionViewSchema) }).meta({ id: 'CollectionList' });

// No defaults: a field left out keeps its stored value.
const collectionBase = CollectionInputSchema.shape;
export const CollectionPatchSchema = z
  .object({
    handle: collectionBase.handle,
    position: collectionBase.position.unwrap().optional(),
    translations: TranslationsSchema.optional().describe('When given, replaces every translation'),
  })
  .strict()
  .meta({ id: 'CollectionPatch' });
export type CollectionPatch = z.output<typeof CollectionPatchSchema>;
