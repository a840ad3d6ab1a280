import type { FieldIssue } from '../lib/errors.ts';
import { amountToInput, parseAmount } from '../lib/money.ts';
import type { ShippingMethod } from '../shipping/index.ts';
import { SHIPPING_COUNTRIES } from '../tax/rates.ts';
import { addError, emptyForm, type FormState, type FormValues, valueOf } from './form-fields.tsx';
import { t } from './strings.ts';

// The shipping method form: prices typed as decimals, countries as a list of codes, weight rates as
// numbered rows ("rates.2.upTo"), so each message lands beside the input it is about.

export const BLANK_RATE_ROWS = 2;
const MAX_RATE_ROWS = 20 + BLANK_RATE_ROWS;
const KINDS = ['flat', 'weight'];

export function shippingValues(m: ShippingMethod | null, currency: string): FormValues {
  if (!m) return { kind: 'flat', position: '0', active: 'on' };
  const v: FormValues = {
    nameFr: m.nameFr,
    nameEn: m.nameEn,
    countries: m.countries.join(', '),
    kind: m.kind,
    price: amountToInput(m.price, currency),
    freeAbove: m.freeAbove === null ? '' : amountToInput(m.freeAbove, currency),
    position: String(m.position),
    ...(m.active ? { active: 'on' } : {}),
  };
  [...m.weightRates]
    .sort((a, b) => a.upToGrams - b.upToGrams)
    .forEach((r, i) => {
      v[`rates.${i}.upTo`] = String(r.upToGrams);
      v[`rates.${i}.price`] = amountToInput(r.amount, currency);
    });
  return v;
}

function rateRows(values: FormValues): number[] {
  const rows = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = /^rates\.(\d{1,3})\.(upTo|price)$/.exec(k);
    if (m && Number(m[1]) < MAX_RATE_ROWS) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

/** How many rate rows to show: every row in use, then a few blank ones. */
export function rateRowCount(values: FormValues): number {
  const used = rateRows(values).filter((i) => valueOf(values, `rates.${i}.upTo`).trim() || valueOf(values, `rates.${i}.price`).trim());
  return Math.min((used.length ? used[used.length - 1]! + 1 : 0) + BLANK_RATE_ROWS, MAX_RATE_ROWS);
}

/** Reads the posted form into ShippingMethodInputSchema's shape, noting what the schema cannot see. */
export function readShippingForm(values: FormValues, currency: string): { form: FormState; draft: Record<string, unknown>; rowOf: number[] } {
  const form = emptyForm(values);
  const str = (name: string) => valueOf(values, name).trim();
  const amount = (name: string, required: boolean): number | null => {
    const text = str(name);
    if (text === '') {
      if (required) addError(form, name, t.shippingMethods.priceInvalid);
      return null;
    }
    const v = parseAmount(text, currency);
    if (v === null) addError(form, name, t.shippingMethods.priceInvalid);
    return v;
  };

  const kind = str('kind');
  if (!KINDS.includes(kind)) addError(form, 'kind', t.productErrors.badChoice);

  const codes = [...new Set(str('countries').toUpperCase().split(/[\s,;]+/).filter(Boolean))];
  const unknown = codes.filter((c) => !SHIPPING_COUNTRIES.includes(c));
  if (unknown.length) addError(form, 'countries', t.shippingMethods.unknownCountries(unknown.slice(0, 5).join(', ')));

  const price = amount('price', kind === 'flat');
  const freeAbove = amount('freeAbove', false);

  const weightRates: { upToGrams: number; amount: number }[] = [];
  const rowOf: number[] = [];
  const seen = new Map<number, number>();
  // A flat method keeps no weight rates: rows left filled in are not checked, and not saved.
  for (const row of kind === 'weight' ? rateRows(values) : []) {
    const upText = str(`rates.${row}.upTo`);
    const priceText = str(`rates.${row}.price`);
    if (!upText && !priceText) continue;
    if (!upText || !priceText) {
      addError(form, `rates.${row}.${upText ? 'price' : 'upTo'}`, t.shippingMethods.rateIncomplete);
      continue;
    }
    const grams = /^\d{1,9}$/.test(upText) && Number(upText) > 0 ? Number(upText) : null;
    if (grams === null) addError(form, `rates.${row}.upTo`, t.shippingMethods.grams);
    else if (seen.has(grams)) addError(form, `rates.${row}.upTo`, t.shippingMethods.sameLimit);
    else seen.set(grams, row);
    const ratePrice = parseAmount(priceText, currency);
    if (ratePrice === null) addError(form, `rates.${row}.price`, t.shippingMethods.priceInvalid);
    weightRates.push({ upToGrams: grams ?? 1, amount: ratePrice ?? 0 });
    rowOf.push(row);
  }

  const positionText = str('position');
  const position = positionText === '' ? 0 : /^\d{1,9}$/.test(positionText) ? Number(positionText) : null;
  if (position === null) addError(form, 'position', t.shippingMethods.wholeNumber);

  const draft = {
    nameFr: str('nameFr'),
    nameEn: str('nameEn'),
    countries: unknown.length ? ['FR'] : codes,
    kind: KINDS.includes(kind) ? kind : 'flat',
    price: price ?? 0,
    freeAbove,
    weightRates,
    position: position ?? 0,
    active: valueOf(values, 'active') !== '',
  };
  return { form, draft, rowOf };
}

const TOP = ['nameFr', 'nameEn', 'countries', 'kind', 'price', 'freeAbove', 'position', 'active'];

/** The input a message about `path` (from the schema or the service) belongs beside. */
export function shippingInputFor(path: string, rowOf: number[]): string | undefined {
  const p = path.split('.');
  if (TOP.includes(p[0]!)) return p[0];
  if (p[0] !== 'weightRates') return undefined;
  const row = p[1] !== undefined && /^\d+$/.test(p[1]) ? rowOf[Number(p[1])] : undefined;
  if (row === undefined) return `rates.${rowOf[0] ?? 0}.upTo`;
  return `rates.${row}.${p[2] === 'amount' ? 'price' : 'upTo'}`;
}

/** Schema messages in the admin's words, where the schema's own are too terse. */
function message(i: FieldIssue): string {
  if ((i.field === 'nameFr' || i.field === 'nameEn') && /too small|at least/i.test(i.message)) return t.shippingMethods.nameRequired;
  if (i.field === 'countries' && /too small|at least/i.test(i.message)) return t.shippingMethods.countriesRequired;
  return i.message;
}

export function addShippingIssues(form: FormState, issues: FieldIssue[], rowOf: number[]): void {
  for (const i of issues) {
    const name = shippingInputFor(i.field, rowOf);
    if (name && form.errors[name]) continue;
    addError(form, name, message(i));
  }
}

export function shippingFieldLabel(name: string): string {
  const m = /^rates\.(\d+)\.(upTo|price)$/.exec(name);
  if (m) return m[2] === 'upTo' ? t.shippingMethods.upTo(Number(m[1]) + 1) : t.shippingMethods.ratePrice(Number(m[1]) + 1);
  const s = t.shippingMethods;
  const labels: Record<string, string> = { nameFr: s.nameFr, nameEn: s.nameEn, countries: s.countries, kind: s.kind, price: s.price, freeAbove: s.freeAbove, position: s.position, active: s.active };
  return labels[name] ?? name;
}
