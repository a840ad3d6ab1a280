// Which methods serve a parcel and at what price: pure, so every rule is tested on a table.
export type WeightRate = { upToGrams: number; amount: number };
export type MethodRule = {
  countries: string[];
  kind: 'flat' | 'weight';
  price: number;
  freeAbove: number | null;
  weightRates: WeightRate[];
  active: boolean;
};

/** The price for a parcel, or null when the method does not serve it (country, weight, inactive). */
export function shippingPrice(m: MethodRule, parcel: { country: string; weightGrams: number; subtotal: number }): number | null {
  if (!m.active || !m.countries.includes(parcel.country)) return null;
  let price: number;
  if (m.kind === 'flat') price = m.price;
  else {
    const rate = [...m.weightRates].sort((a, b) => a.upToGrams - b.upToGrams).find((r) => parcel.weightGrams <= r.upToGrams);
    if (!rate) return null;
    price = rate.amount;
  }
  if (m.freeAbove !== null && parcel.subtotal >= m.freeAbove) return 0;
  return price;
}
