import { z } from 'zod';
import { HANDLE_PATTERN } from '../lib/slug.ts';

// One set of schemas validates the admin API and the admin forms, and produces the OpenAPI document.
export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const MoneySchema = z
  .object({
    amount: z.number().int('amount must be a whole number of minor units (cents)').min(0, 'amount cannot be negative').max(1e12),
    currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR'),
  })
  .strict()
  .meta({ id: 'Money', description: 'An amount in integer minor units (cents for EUR), VAT included' });

const handle = z.string().max(120).regex(HANDLE_PATTERN, 'use lower-case letters, digits and single hyphens');

export const TranslationSchema = z
  .object({
    title: z.string().trim().min(1, 'title is required').max(255),
    description: z.string().max(20_000).default(''),
    seoTitle: z.string().trim().max(255).nullish(),
    seoDescription: z.string().trim().max(320).nullish(),
  })
  .strict();

export const TranslationsSchema = z
  .object({ fr: TranslationSchema.optional(), en: TranslationSchema.optional() })
  .strict()
  .refine((t) => t.fr || t.en, { message: 'at least one translation (fr or en) is required' });

export const VariantInputSchema = z
  .object({
    id: z.number().int().positive().optional().describe('Give the id to update an existing variant; omit it to add one'),
    sku: z.string().trim().min(1, 'SKU is required').max(64).regex(/^[A-Za-z0-9._\-/]+$/, 'SKU may hold letters, digits and . _ - /'),
    barcode: z.string().trim().max(64).regex(/^[A-Za-z0-9\-]*$/, 'barcode may hold letters, digits and -').nullish(),
    options: z.array(z.string().trim().min(1).max(60)).max(3).default([]),
    price: MoneySchema,
    compareAtPrice: MoneySchema.nullish(),
    weightGrams: z.number().int('weight must be whole grams').min(0).max(1_000_000).default(0),
    trackInventory: z.boolean().default(true),
    allowBackorder: z.boolean().default(false),
    onHand: z.number().int('stock must be a whole number').min(0, 'stock cannot be negative').max(1_000_000).optional()
      .describe('Units on hand at the main location; setting it records a movement in the stock ledger'),
  })
  .strict();

export const ProductInputSchema = z
  .object({
    handle: handle.optional().describe('URL handle; made from the title when omitted'),
    status: z.enum(['draft', 'active', 'archived']).default('draft'),
    vendor: z.string().trim().max(120).nullish(),
    taxCategory: z.enum(['standard', 'reduced', 'super_reduced', 'zero']).default('standard'),
    translations: TranslationsSchema,
    options: z.array(z.string().trim().min(1).max(60)).max(3).default([]).describe('Option names, such as ["Taille", "Couleur"]'),
    variants: z.array(VariantInputSchema).min(1, 'a product needs at least one variant').max(100),
    collectionIds: z.array(z.number().int().positive()).max(50).default([]),
  })
  .strict()
  .meta({ id: 'ProductInput' });
export type ProductInput = z.output<typeof ProductInputSchema>;
export type VariantInput = z.output<typeof VariantInputSchema>;

const base = ProductInputSchema.shape;
// No defaults here: a field left out of a patch keeps its stored value.
export const ProductPatchSchema = z
  .object({
    handle: base.handle,
    status: base.status.unwrap().optional(),
    vendor: base.vendor,
    taxCategory: base.taxCategory.unwrap().optional(),
    translations: base.translations.optional(),
    options: base.options.unwrap().optional(),
    variants: base.variants.optional().describe('When given, the complete list of variants: variants left out are removed'),
    collectionIds: base.collectionIds.unwrap().optional(),
  })
  .strict()
  .meta({ id: 'ProductPatch' });
export type ProductPatch = z.output<typeof ProductPatchSchema>;

export const CollectionInputSchema = z
  .object({
    handle: handle.optional(),
    position: z.number().int().min(0).default(0),
    translations: TranslationsSchema,
  })
  .strict()
  .meta({ id: 'CollectionInput' });
export type CollectionInput = z.output<typeof CollectionInputSchema>;

export const SORTS = ['featured', 'price-asc', 'price-desc', 'newest', 'title'] as const;
export type Sort = (typeof SORTS)[number];
