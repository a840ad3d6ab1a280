import { z } from 'zod';
import type { ProductView, VariantView } from '../catalog/index.ts';

/** At or below this many units left, the page says "only N left". */
export const LOW_STOCK = 5;

export type StockState = { kind: 'in-stock' } | { kind: 'low'; count: number } | { kind: 'sold-out' } | { kind: 'backorder' };

export function stockState(v: Pick<VariantView, 'trackInventory' | 'allowBackorder'> & { stock: { available: number } }): StockState {
  if (!v.trackInventory) return { kind: 'in-stock' };
  const left = v.stock.available;
  if (left > LOW_STOCK) return { kind: 'in-stock' };
  if (left > 0) return { kind: 'low', count: left };
  return v.allowBackorder ? { kind: 'backorder' } : { kind: 'sold-out' };
}

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const optionValue = z.preprocess(first, z.string().max(60)).optional().catch(undefined);

// `?variant=ID` (links, structured data) or one `optionN` per option (the variant form without JavaScript).
const ProductQuerySchema = z.looseObject({
  variant: z.preprocess(first, z.string().regex(/^\d{1,12}$/).transform(Number)).optional().catch(undefined),
  option1: optionValue,
  option2: optionValue,
  option3: optionValue,
});

export function optionsFromQuery(raw: unknown): { variantId?: number; options: (string | undefined)[] } {
  const q = ProductQuerySchema.parse(raw && typeof raw === 'object' ? raw : {});
  return { variantId: q.variant, options: [q.option1, q.option2, q.option3] };
}

/**
 * The variant a request asks for. When the chosen options match no variant (the shopper changed one
 * option and that combination does not exist), the closest one wins, earlier options weighing more.
 * With nothing asked, the first variant that can be bought.
 */
export function chooseVariant(product: ProductView, raw: unknown): VariantView {
  const { variantId, options } = optionsFromQuery(raw);
  const variants = product.variants;
  const byId = variantId === undefined ? undefined : variants.find((v) => v.id === variantId);
  if (byId) return byId;
  const asked = options.slice(0, product.options.length);
  if (asked.some((o) => o !== undefined)) {
    let best = variants[0]!;
    let bestScore = -1;
    for (const v of variants) {
      let score = 0;
      asked.forEach((o, i) => {
        if (o !== undefined && v.options[i] === o) score += 2 ** (asked.length - i);
      });
      score = score * 2 + (v.available ? 1 : 0);
      if (score > bestScore) [best, bestScore] = [v, score];
    }
    return best;
  }
  return variants.find((v) => v.available) ?? variants[0]!;
}

/** For each value of option i: the variant with that value and the other options as selected (if any). */
export function variantFor(product: ProductView, selected: VariantView, optionIndex: number, value: string): VariantView | undefined {
  return product.variants.find((v) => v.options.every((o, i) => (i === optionIndex ? o === value : o === selected.options[i])));
}

/** A variant's name for shoppers: products without options have one variant called "Default", which says nothing. */
export function variantLabel(title: string): string | null {
  return title && title !== 'Default' ? title : null;
}
