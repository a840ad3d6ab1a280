// Money is an integer count of the currency's minor units; never a float.
export type Money = { amount: number; currency: string };

const decimalsCache = new Map<string, number>();

/** ISO 4217 minor-unit digits (EUR 2, JPY 0, KWD 3), as the runtime's ICU knows them. */
export function currencyDecimals(currency: string): number {
  let d = decimalsCache.get(currency);
  if (d === undefined) {
    d = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    decimalsCache.set(currency, d);
  }
  return d;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer, got ${amount}`);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function times(a: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) throw new RangeError('quantity must be an integer');
  return money(a.amount * quantity, a.currency);
}

/** Integer division rounded half away from zero: the one rounding rule we use. */
export function divRound(numerator: number, denominator: number): number {
  const q = Math.trunc(numerator / denominator);
  const r = numerator - q * denominator;
  if (Math.abs(r) * 2 >= Math.abs(denominator)) return q + Math.sign(numerator) * Math.sign(denominator);
  return q;
}

/** A share in basis points (1% = 100 bp) of an amount, rounded once. */
export function percentOf(a: Money, basisPoints: number): Money {
  return money(divRound(a.amount * basisPoints, 10_000), a.currency);
}

/** The VAT contained in a VAT-inclusive price: gross × rate / (1 + rate). */
export function vatIncluded(gross: Money, rateBasisPoints: number): Money {
  return money(divRound(gross.amount * rateBasisPoints, 10_000 + rateBasisPoints), gross.currency);
}

/**
 * Split a total in proportion to weights with the largest-remainder method,
 * so the parts always add up to the total exactly.
 */
export function allocate(total: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(total)) throw new RangeError('total must be an integer');
  const sum = weights.reduce((s, w) => s + w, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) {
    const parts = weights.map(() => 0);
    parts[0] = total;
    return parts;
  }
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map((x) => Math.floor(x));
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k]!.i]! += 1;
  return parts;
}

/**
 * Parse what a person types ("12", "12.5", "12,50") into minor units without floats.
 * Returns null when the text is not a valid non-negative amount for the currency.
 */
export function parseAmount(text: string, currency: string): number | null {
  const decimals = currencyDecimals(currency);
  const t = text.trim().replace(/\s|\u00a0|\u202f/g, '');
  const m = /^(\d{1,12})(?:[.,](\d*))?$/.exec(t);
  if (!m) return null;
  const frac = m[2] ?? '';
  if (frac.length > decimals) return null;
  const value = Number(m[1]) * 10 ** decimals + Number(frac.padEnd(decimals, '0') || '0');
  return Number.isSafeInteger(value) ? value : null;
}

/** Minor units back to a plain decimal string for form fields ("1250" EUR -> "12.50"). */
export function amountToInput(amount: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  if (decimals === 0) return String(amount);
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  const s = String(abs).padStart(decimals + 1, '0');
  return `${sign}${s.slice(0, -decimals)}.${s.slice(-decimals)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/** For views only. */
export function formatMoney(m: Money, locale: string): string {
  const key = `${locale}|${m.currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency });
    formatters.set(key, f);
  }
  return f.format(m.amount / 10 ** currencyDecimals(m.currency));
}
