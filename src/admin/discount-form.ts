import type { DiscountCode } from '../discounts/index.ts';
import type { FieldIssue } from '../lib/errors.ts';
import { amountToInput, parseAmount } from '../lib/money.ts';
import { isoToLocalInput, localToIso } from './dates.ts';
import { addError, emptyForm, type FormState, type FormValues, valueOf } from './form-fields.tsx';
import { t } from './strings.ts';

// The discount form: a percentage is typed as "10" (stored as 1000 basis points), an amount as "5.00"
// (stored in cents), and the validity window as wall-clock times in the shop's zone (stored as UTC).

const KINDS = ['percentage', 'fixed', 'free_shipping'];
const d = t.discountCodes;

/** "12.5" -> 1250 basis points; null unless a percentage above 0 and at most 100 with two decimals at most. */
export function parsePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 0 && bp <= 10_000 ? bp : null;
}

/** 1250 basis points -> "12.5". */
export const percentToInput = (bp: number): string => String(bp / 100);

export function discountValues(c: DiscountCode | null, currency: string, zone: string): FormValues {
  if (!c) return { kind: 'percentage', active: 'on' };
  return {
    code: c.code,
    kind: c.kind,
    value: c.kind === 'percentage' ? percentToInput(c.value) : c.kind === 'fixed' ? amountToInput(c.value, currency) : '',
    minSubtotal: c.minSubtotal ? amountToInput(c.minSubtotal, currency) : '',
    startsAt: c.startsAt ? isoToLocalInput(c.startsAt, zone) : '',
    endsAt: c.endsAt ? isoToLocalInput(c.endsAt, zone) : '',
    usageLimit: c.usageLimit === null ? '' : String(c.usageLimit),
    ...(c.active ? { active: 'on' } : {}),
  };
}

/** Reads the posted form into DiscountInputSchema's shape, noting what the schema cannot see. */
export function readDiscountForm(values: FormValues, currency: string, zone: string): { form: FormState; draft: Record<string, unknown> } {
  const form = emptyForm(values);
  const str = (name: string) => valueOf(values, name).trim();

  const code = str('code');
  if (!/^[A-Za-z0-9_-]{3,64}$/.test(code)) addError(form, 'code', t.discountCodes.codeInvalid);

  const kind = str('kind');
  if (!KINDS.includes(kind)) addError(form, 'kind', t.productErrors.badChoice);

  let value = 0;
  if (kind === 'percentage') {
    const bp = parsePercent(str('value'));
    if (bp === null) addError(form, 'value', d.percent);
    value = bp ?? 1;
  } else if (kind === 'fixed') {
    const cents = parseAmount(str('value'), currency);
    if (!cents) addError(form, 'value', d.amount);
    value = cents || 1;
  }

  const minText = str('minSubtotal');
  const minSubtotal = minText === '' ? 0 : parseAmount(minText, currency);
  if (minSubtotal === null) addError(form, 'minSubtotal', d.amount);

  const when = (name: 'startsAt' | 'endsAt'): string | null => {
    const text = str(name).replace(' ', 'T');
    if (text === '') return null;
    const iso = /T/.test(text) ? localToIso(text, zone) : null;
    if (!iso) addError(form, name, d.dateTime);
    return iso;
  };
  const startsAt = when('startsAt');
  const endsAt = when('endsAt');

  const limitText = str('usageLimit');
  const usageLimit = limitText === '' ? null : /^\d{1,9}$/.test(limitText) && Number(limitText) > 0 ? Number(limitText) : undefined;
  if (usageLimit === undefined) addError(form, 'usageLimit', d.wholePositive);

  const draft = {
    code: form.errors.code ? 'PLACEHOLDER' : code,
    kind: KINDS.includes(kind) ? kind : 'free_shipping',
    value,
    minSubtotal: minSubtotal ?? 0,
    startsAt,
    endsAt,
    usageLimit: usageLimit ?? null,
    active: valueOf(values, 'active') !== '',
  };
  return { form, draft };
}

const TOP = ['code', 'kind', 'value', 'minSubtotal', 'startsAt', 'endsAt', 'usageLimit', 'active'];

export function addDiscountIssues(form: FormState, issues: FieldIssue[]): void {
  for (const i of issues) {
    const top = i.field.split('.')[0]!;
    const name = TOP.includes(top) ? top : undefined;
    if (name && form.errors[name]) continue;
    addError(form, name, i.message);
  }
}

export function discountFieldLabel(name: string): string {
  const labels: Record<string, string> = {
    code: d.code,
    kind: d.kind,
    value: d.value,
    minSubtotal: d.minSubtotal,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    usageLimit: d.usageLimit,
    active: d.active,
  };
  return labels[name] ?? name;
}
