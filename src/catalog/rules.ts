import type { FieldIssue } from '../lib/errors.ts';
import type { ProductInput } from './schemas.ts';

/** Checks across fields that a schema cannot express; returns every problem at once. */
export function productIssues(input: Pick<ProductInput, 'options' | 'variants'>, currency: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const optionCount = input.options.length;
  const names = new Set<string>();
  input.options.forEach((name, i) => {
    const key = name.toLowerCase();
    if (names.has(key)) issues.push({ field: `options.${i}`, message: `option "${name}" is listed twice` });
    names.add(key);
  });
  const skus = new Map<string, number>();
  const combos = new Map<string, number>();
  input.variants.forEach((v, i) => {
    const at = `variants.${i}`;
    if (v.options.length !== optionCount) {
      issues.push({
        field: `${at}.options`,
        message: optionCount === 0 ? 'this product has no options: leave option values empty' : `give one value for each option (${input.options.join(', ')})`,
      });
    }
    const sku = v.sku.toUpperCase();
    if (skus.has(sku)) issues.push({ field: `${at}.sku`, message: `SKU ${v.sku} is used by variant ${skus.get(sku)! + 1} too` });
    skus.set(sku, i);
    const combo = v.options.map((o) => o.toLowerCase()).join('\u0000');
    if (combos.has(combo)) issues.push({ field: `${at}.options`, message: `variant ${combos.get(combo)! + 1} has the same options` });
    combos.set(combo, i);
    if (v.price.currency !== currency) issues.push({ field: `${at}.price.currency`, message: `prices are in ${currency} in this shop` });
    if (v.compareAtPrice) {
      if (v.compareAtPrice.currency !== currency) issues.push({ field: `${at}.compareAtPrice.currency`, message: `prices are in ${currency} in this shop` });
      if (v.compareAtPrice.amount <= v.price.amount) issues.push({ field: `${at}.compareAtPrice`, message: 'the compare-at price must be higher than the price' });
    }
  });
  return issues;
}

export function variantTitle(options: (string | null)[]): string {
  const parts = options.filter((o): o is string => !!o);
  return parts.length ? parts.join(' / ') : 'Default';
}

export function isAvailable(v: { trackInventory: boolean; allowBackorder: boolean; available: number }): boolean {
  return !v.trackInventory || v.allowBackorder || v.available > 0;
}
