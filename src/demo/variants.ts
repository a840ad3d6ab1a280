import type { DemoVariant } from './types.ts';

// Small builders so the catalog files read like a shop's price list rather than a wall of objects.

/** An option value, optionally changing price or weight (a larger size costs more). */
export type AxisValue = string | { value: string; price?: number; compareAt?: number; grams?: number };

export type VariantBase = { price: number; compareAt?: number; grams: number; backorder?: boolean };

/** A readable SKU fragment: "Gris chiné" -> "GRICHI", "300 g" -> "300G", "XL" -> "XL". */
export function skuCode(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/€/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean)
    .map((w) => (/^\d/.test(w) ? w : w.slice(0, 3)))
    .join('');
}

/**
 * Every combination of the axes, first axis slowest ("Marine/S, Marine/M, ... Rouge/S").
 * `stock` is one number for all, or one per combination in that order.
 */
export function variants(axes: AxisValue[][], base: VariantBase, stock: number | null | (number | null)[]): DemoVariant[] {
  let combos: AxisValue[][] = [[]];
  for (const axis of axes) combos = combos.flatMap((c) => axis.map((v) => [...c, v]));
  if (Array.isArray(stock) && stock.length !== combos.length) {
    throw new Error(`demo data: ${combos.length} variants but ${stock.length} stock levels`);
  }
  return combos.map((combo, i) => {
    const v: DemoVariant = {
      options: combo.map((a) => (typeof a === 'string' ? a : a.value)),
      code: '',
      price: base.price,
      compareAt: base.compareAt,
      grams: base.grams,
      stock: Array.isArray(stock) ? stock[i]! : stock,
      backorder: base.backorder,
    };
    for (const a of combo) {
      if (typeof a === 'string') continue;
      if (a.price !== undefined) v.price = a.price;
      if (a.compareAt !== undefined) v.compareAt = a.compareAt;
      if (a.grams !== undefined) v.grams = a.grams;
    }
    v.code = v.options.map(skuCode).join('-');
    return v;
  });
}

/** A product sold in one version only (no options). */
export function single(base: VariantBase, stock: number | null): DemoVariant[] {
  return [{ options: [], code: '', price: base.price, compareAt: base.compareAt, grams: base.grams, stock, backorder: base.backorder }];
}

export const SIZES = ['S', 'M', 'L', 'XL'];
