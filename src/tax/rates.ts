// VAT rates in basis points by destination country (EU, 2025 rates) and tax category.
// Prices are VAT-inclusive: the rate decides how much of the price is VAT, not the price.
export type TaxCategory = 'standard' | 'reduced' | 'super_reduced' | 'zero';

type Rates = { standard: number; reduced: number; super_reduced?: number };

export const EU_VAT: Record<string, Rates> = {
  AT: { standard: 2000, reduced: 1000 },
  BE: { standard: 2100, reduced: 600 },
  BG: { standard: 2000, reduced: 900 },
  CY: { standard: 1900, reduced: 500 },
  CZ: { standard: 2100, reduced: 1200 },
  DE: { standard: 1900, reduced: 700 },
  DK: { standard: 2500, reduced: 2500 },
  EE: { standard: 2400, reduced: 900 },
  ES: { standard: 2100, reduced: 1000, super_reduced: 400 },
  FI: { standard: 2550, reduced: 1000 },
  FR: { standard: 2000, reduced: 550, super_reduced: 210 },
  GR: { standard: 2400, reduced: 600 },
  HR: { standard: 2500, reduced: 500 },
  HU: { standard: 2700, reduced: 500 },
  IE: { standard: 2300, reduced: 900, super_reduced: 480 },
  IT: { standard: 2200, reduced: 500, super_reduced: 400 },
  LT: { standard: 2100, reduced: 500 },
  LU: { standard: 1700, reduced: 300, super_reduced: 300 },
  LV: { standard: 2100, reduced: 500 },
  MT: { standard: 1800, reduced: 500 },
  NL: { standard: 2100, reduced: 900 },
  PL: { standard: 2300, reduced: 500 },
  PT: { standard: 2300, reduced: 600 },
  RO: { standard: 2100, reduced: 1100 },
  SE: { standard: 2500, reduced: 600 },
  SI: { standard: 2200, reduced: 500 },
  SK: { standard: 2300, reduced: 500 },
};

export const SHIPPING_COUNTRIES = Object.keys(EU_VAT);

/** The rate for a category in a country; super-reduced falls back to reduced where a country has none. */
export function vatRate(country: string, category: TaxCategory): number {
  const r = EU_VAT[country] ?? EU_VAT.FR!;
  if (category === 'zero') return 0;
  if (category === 'super_reduced') return r.super_reduced ?? r.reduced;
  return r[category];
}
