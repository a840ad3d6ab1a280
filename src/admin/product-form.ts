import type { z } from 'zod';
import type { Locale, ProductView } from '../catalog/index.ts';
import { slugify } from '../lib/slug.ts';
import type { FieldIssue } from '../lib/errors.ts';
import { amountToInput, parseAmount } from '../lib/money.ts';
import { addError, emptyForm, type FormState, type FormValues, valueOf, valuesOf } from './form-fields.tsx';
import { t } from './strings.ts';
import { readTranslations, translationLabel, translationValues } from './translation-fields.tsx';

// The product form is flat: inputs are named by path ("variants.2.price"), so a message from the
// service about `variants.1.sku` can be put back beside the input the person typed it in.

export const MAX_OPTIONS = 3;
export const BLANK_ROWS = 3;
const MAX_ROWS = 100 + BLANK_ROWS;
const STATUSES = ['draft', 'active', 'archived'];
const TAX = ['standard', 'reduced', 'super_reduced', 'zero'];
const ROW_TEXT = ['sku', 'barcode', 'price', 'compareAtPrice', 'weightGrams', 'onHand', 'options.0', 'options.1', 'options.2'];

/** Where each entry of the built input came from in the form, to map messages back. */
export type FieldMap = { rowOf: number[]; slots: number[] };

/** Only strings and lists of strings from a posted form; anything else is dropped. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

/** The form filled from a stored product, or the defaults for a new one. */
export function productValues(p: ProductView | null): FormValues {
  const v: FormValues = { status: 'draft', taxCategory: 'standard' };
  if (!p) return v;
  Object.assign(v, { handle: p.handle, status: p.status, vendor: p.vendor ?? '', taxCategory: p.taxCategory });
  Object.assign(v, translationValues(p.translations));
  p.options.forEach((o, i) => (v[`options.${i}`] = o.name));
  p.variants.forEach((variant, i) => {
    const at = `variants.${i}`;
    v[`${at}.id`] = String(variant.id);
    v[`${at}.sku`] = variant.sku;
    v[`${at}.barcode`] = variant.barcode ?? '';
    variant.options.forEach((o, k) => (v[`${at}.options.${k}`] = o));
    v[`${at}.price`] = amountToInput(variant.price.amount, variant.price.currency);
    v[`${at}.compareAtPrice`] = variant.compareAtPrice ? amountToInput(variant.compareAtPrice.amount, variant.compareAtPrice.currency) : '';
    v[`${at}.weightGrams`] = String(variant.weightGrams);
    if (variant.trackInventory) v[`${at}.trackInventory`] = 'on';
    if (variant.allowBackorder) v[`${at}.allowBackorder`] = 'on';
    v[`${at}.onHand`] = String(variant.stock.onHand);
    v[`${at}.onHandWas`] = String(variant.stock.onHand);
  });
  v.collectionIds = p.collections.map((c) => String(c.id));
  return v;
}

function rowIndexes(values: FormValues): number[] {
  const rows = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = /^variants\.(\d{1,3})\./.exec(k);
    if (m && Number(m[1]) < MAX_ROWS) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

const isBlankRow = (values: FormValues, i: number) =>
  !valueOf(values, `variants.${i}.id`) && ROW_TEXT.every((f) => valueOf(values, `variants.${i}.${f}`).trim() === '');

/** How many variant rows to show: every row in use, then a few blank ones (new rows track stock by default). */
export function variantRows(values: FormValues): number {
  const used = rowIndexes(values).filter((i) => !isBlankRow(values, i));
  const count = Math.min((used.length ? used[used.length - 1]! + 1 : 0) + BLANK_ROWS, MAX_ROWS);
  for (let i = 0; i < count; i++) {
    if (!Object.keys(values).some((k) => k.startsWith(`variants.${i}.`))) values[`variants.${i}.trackInventory`] = 'on';
  }
  return count;
}

function stock(text: string, form: FormState, name: string): number | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^\d{1,9}$/.test(s)) return Number(s);
  addError(form, name, /^-/.test(s) ? t.productErrors.stockNegative : t.productErrors.stockWhole);
  return undefined;
}

/**
 * Reads the posted form into the shape ProductInputSchema expects, noting every problem the schema
 * cannot see (prices typed as text, blank rows, stock typed as text). Values that fail here are
 * replaced by harmless placeholders so the schema can still report the other fields.
 */
export function readProductForm(values: FormValues, currency: string): { form: FormState; draft: Record<string, unknown>; map: FieldMap } {
  const form = emptyForm(values);
  const str = (name: string) => valueOf(values, name).trim();
  const checked = (name: string) => valueOf(values, name) !== '';

  const status = str('status');
  if (!STATUSES.includes(status)) addError(form, 'status', t.productErrors.badChoice);
  const taxCategory = str('taxCategory');
  if (!TAX.includes(taxCategory)) addError(form, 'taxCategory', t.productErrors.badChoice);

  const translations = readTranslations(values, form);

  const names = Array.from({ length: MAX_OPTIONS }, (_, i) => str(`options.${i}`));
  const slots = names.flatMap((n, i) => (n ? [i] : []));

  const variants: Record<string, unknown>[] = [];
  const rowOf: number[] = [];
  for (const row of rowIndexes(values)) {
    const at = `variants.${row}`;
    if (isBlankRow(values, row) || checked(`${at}.remove`)) continue;
    const idText = str(`${at}.id`);
    const id = /^\d{1,12}$/.test(idText) ? Number(idText) : undefined;
    if (idText && id === undefined) addError(form, `${at}.sku`, t.productErrors.brokenVariantId);

    const price = parseAmount(str(`${at}.price`), currency);
    if (price === null) addError(form, `${at}.price`, t.productErrors.price);
    const compareText = str(`${at}.compareAtPrice`);
    const compareAt = compareText === '' ? null : parseAmount(compareText, currency);
    if (compareText !== '' && compareAt === null) addError(form, `${at}.compareAtPrice`, t.productErrors.price);

    const weightText = str(`${at}.weightGrams`);
    const weight = weightText === '' ? 0 : /^\d{1,9}$/.test(weightText) ? Number(weightText) : null;
    if (weight === null) addError(form, `${at}.weightGrams`, t.productErrors.weight);

    // Stock is only written when the person changed it, so units sold meanwhile are not overwritten.
    const onHandText = str(`${at}.onHand`);
    const onHand = id !== undefined && onHandText === str(`${at}.onHandWas`) ? undefined : stock(onHandText, form, `${at}.onHand`);

    const options = slots.map((s) => {
      const value = str(`${at}.options.${s}`);
      if (!value) addError(form, `${at}.options.${s}`, t.productErrors.optionValue);
      return value || '-';
    });

    const barcode = str(`${at}.barcode`);
    variants.push({
      ...(id !== undefined ? { id } : {}),
      sku: str(`${at}.sku`),
      barcode: barcode || null,
      options,
      price: { amount: price ?? 0, currency },
      compareAtPrice: compareAt === null ? null : { amount: compareAt, currency },
      weightGrams: weight ?? 0,
      trackInventory: checked(`${at}.trackInventory`),
      allowBackorder: checked(`${at}.allowBackorder`),
      ...(onHand !== undefined ? { onHand } : {}),
    });
    rowOf.push(row);
  }
  if (variants.length === 0) addError(form, 'variants.0.sku', t.productErrors.noVariant);

  const collectionIds = [...new Set(valuesOf(values, 'collectionIds').filter((c) => /^\d{1,12}$/.test(c)).map(Number))];
  const handle = str('handle');
  const vendor = str('vendor');
  const draft = {
    ...(handle ? { handle } : {}),
    status: STATUSES.includes(status) ? status : 'draft',
    vendor: vendor || null,
    taxCategory: TAX.includes(taxCategory) ? taxCategory : 'standard',
    translations,
    options: slots.map((s) => names[s]!),
    variants,
    collectionIds,
  };
  return { form, draft, map: { rowOf, slots } };
}

/**
 * On an edit a cleared handle means "make it again from the title", as on creation; the service
 * would otherwise keep the stored one.
 */
export function handleFromTitle(draft: Record<string, unknown>, locale: Locale): void {
  if (draft.handle !== undefined) return;
  const tr = draft.translations as Partial<Record<Locale, { title: string }>>;
  const slug = slugify(tr[locale]?.title ?? tr.fr?.title ?? tr.en?.title ?? '');
  if (slug) draft.handle = slug;
}

/** The input a message about `path` belongs beside, or undefined to show it in the summary only. */
export function inputFor(path: string, map: FieldMap): string | undefined {
  const p = path.split('.');
  const n = (s: string | undefined) => (s !== undefined && /^\d+$/.test(s) ? Number(s) : -1);
  switch (p[0]) {
    case 'handle':
    case 'status':
    case 'vendor':
    case 'taxCategory':
      return p[0];
    case 'translations':
      if (p[1] && p[2]) return `translations.${p[1]}.${p[2]}`;
      return `translations.${p[1] ?? 'fr'}.title`;
    case 'options':
      return `options.${map.slots[n(p[1])] ?? Math.max(n(p[1]), 0)}`;
    case 'collectionIds':
      return 'collectionIds';
    case 'variants': {
      const row = map.rowOf[n(p[1])];
      if (row === undefined) return 'variants.0.sku';
      const field = p[2];
      if (field === 'options') return `variants.${row}.options.${map.slots[Math.max(n(p[3]), 0)] ?? 0}`;
      if (field === 'id' || field === undefined) return `variants.${row}.sku`;
      if (field === 'price' || field === 'compareAtPrice') return `variants.${row}.${field}`;
      return `variants.${row}.${field}`;
    }
    default:
      return undefined;
  }
}

export function addIssues(form: FormState, issues: FieldIssue[], map: FieldMap): void {
  for (const issue of issues) {
    const name = inputFor(issue.field, map);
    // A field already flagged by the form reader keeps its clearer message.
    if (name && form.errors[name]) continue;
    addError(form, name, issue.message);
  }
}

const ROW_LABELS: Record<string, string> = {
  sku: t.product.sku,
  barcode: t.product.barcode,
  price: t.product.price,
  compareAtPrice: t.product.compareAtPrice,
  weightGrams: t.product.weight,
  onHand: t.product.onHand,
};

/** How the error summary names an input. */
export function productFieldLabel(name: string): string {
  const p = name.split('.');
  if (p[0] === 'translations') return translationLabel(name)!;
  if (p[0] === 'options') return t.product.optionName(Number(p[1]) + 1);
  if (p[0] === 'variants') {
    const what = p[2] === 'options' ? t.product.optionFallback(Number(p[3]) + 1) : (ROW_LABELS[p[2] ?? ''] ?? p[2]);
    return `${t.product.variant(Number(p[1]) + 1)}, ${what}`;
  }
  const top: Record<string, string> = { handle: t.product.handle, status: t.product.status, vendor: t.product.vendor, taxCategory: t.product.taxCategory, collectionIds: t.product.collections };
  return top[name] ?? name;
}

export const zodIssues = (e: z.ZodError): FieldIssue[] => e.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
