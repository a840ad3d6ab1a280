import { z } from 'zod';
import type { CartView } from '../cart/index.ts';
import { CheckoutInputSchema, InsufficientStock, PaymentDeclined, postalCodeProblem, type CheckoutInput } from '../checkout/index.ts';
import { MIN_PASSWORD } from '../customers/index.ts';
import { t, tp, type Locale, type MessageKey } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';
import type { PaymentProvider } from '../payments/index.ts';
import { SHIPPING_COUNTRIES } from '../tax/rates.ts';
import { field, type FormBody } from './form-values.ts';
import { variantLabel } from './variant-choice.ts';

// The checkout form: what the shopper typed, the problems to show beside each field, and the
// translation between the form's flat fields and the checkout service's input and errors.

export const CHECKOUT_FIELDS = [
  'email', 'name', 'line1', 'line2', 'postalCode', 'city', 'country', 'phone',
  'shippingMethodId', 'discountCode', 'paymentProvider', 'cardNumber', 'createAccount', 'password', 'terms',
] as const;
export type CheckoutField = (typeof CHECKOUT_FIELDS)[number];

/** Each field's element id, for labels, error links and browser tests. */
export const fieldId = (name: CheckoutField): string => `checkout-${name}`;

export type CheckoutValues = {
  email: string;
  name: string;
  line1: string;
  line2: string;
  postalCode: string;
  city: string;
  country: string;
  phone: string;
  shippingMethodId: string;
  discountCode: string;
  paymentProvider: string;
  /** Read from the post but never written back into a page. */
  cardNumber: string;
  createAccount: boolean;
  /** Read from the post but never written back into a page. */
  password: string;
  terms: boolean;
  /** The Idempotency-Key of this form: the same key places the same order once. */
  checkoutKey: string;
};

export type Problems = { fields: Partial<Record<CheckoutField, string>>; general: string[] };
export const noProblems = (): Problems => ({ fields: {}, general: [] });
export const hasProblems = (p: Problems) => p.general.length > 0 || Object.keys(p.fields).length > 0;

export const DEFAULT_COUNTRY = 'FR';
const KEY = /^[A-Za-z0-9_-]{16,64}$/;

export function initialValues(opts: { email: string; provider: string; checkoutKey: string }): CheckoutValues {
  return {
    email: opts.email, name: '', line1: '', line2: '', postalCode: '', city: '', country: DEFAULT_COUNTRY, phone: '',
    shippingMethodId: '', discountCode: '', paymentProvider: opts.provider, cardNumber: '', createAccount: false, password: '', terms: false,
    checkoutKey: opts.checkoutKey,
  };
}

export function readCheckoutForm(body: FormBody, fallbackKey: string): CheckoutValues {
  const text = (name: string, max: number) => field(body, name).trim().slice(0, max);
  const key = field(body, 'checkoutKey');
  return {
    email: text('email', 300),
    name: text('name', 300),
    line1: text('line1', 300),
    line2: text('line2', 300),
    postalCode: text('postalCode', 50),
    city: text('city', 300),
    country: text('country', 2).toUpperCase(),
    phone: text('phone', 50),
    shippingMethodId: text('shippingMethodId', 12),
    discountCode: text('discountCode', 100),
    paymentProvider: text('paymentProvider', 30),
    cardNumber: text('cardNumber', 40),
    createAccount: field(body, 'createAccount') !== '',
    password: field(body, 'password').slice(0, 300),
    terms: field(body, 'terms') !== '',
    checkoutKey: KEY.test(key) ? key : fallbackKey,
  };
}

const Email = z.email().max(255);
const PHONE = /^[+\d][\d .()-]{5,}$/;

/** Everything the form itself can tell, in the shopper's language, all at once; nothing is read from the database. */
export function formProblems(v: CheckoutValues, locale: Locale, providers: Map<string, PaymentProvider>, loggedIn: boolean): Problems {
  const p = noProblems();
  const f = p.fields;
  const need = (name: CheckoutField, value: string, min: number, max: number, key: MessageKey) => {
    if (value.length < min) f[name] = t(locale, key);
    else if (value.length > max) f[name] = t(locale, 'checkout.error.tooLong', { max });
  };
  if (!Email.safeParse(v.email).success) f.email = t(locale, 'checkout.error.email');
  need('name', v.name, 1, 120, 'checkout.error.name');
  need('line1', v.line1, 3, 200, 'checkout.error.line1');
  need('line2', v.line2, 0, 200, 'checkout.error.line1');
  need('postalCode', v.postalCode, 2, 16, 'checkout.error.postalCode');
  need('city', v.city, 1, 100, 'checkout.error.city');
  if (!SHIPPING_COUNTRIES.includes(v.country)) f.country = t(locale, 'checkout.error.country');
  else if (!f.postalCode) {
    const problem = postalCodeProblem(v.country, v.postalCode, locale);
    if (problem) f.postalCode = capitalise(problem);
  }
  if (v.phone && (v.phone.length > 30 || !PHONE.test(v.phone))) f.phone = t(locale, 'checkout.error.phone');
  if (v.shippingMethodId && !/^\d{1,9}$/.test(v.shippingMethodId)) f.shippingMethodId = t(locale, 'checkout.error.shippingMethod');
  if (v.discountCode.length > 64) f.discountCode = t(locale, 'checkout.error.tooLong', { max: 64 });
  const provider = providers.get(v.paymentProvider);
  if (!provider) f.paymentProvider = t(locale, 'checkout.error.payment');
  else if (provider.checkToken?.(v.cardNumber)) f.cardNumber = t(locale, 'checkout.error.card');
  if (v.createAccount && !loggedIn && v.password.length < MIN_PASSWORD) f.password = t(locale, 'checkout.error.password', { min: MIN_PASSWORD });
  if (!v.terms) f.terms = t(locale, 'checkout.error.terms');
  return p;
}

/** The checkout service's input; call only when formProblems found nothing. */
export function checkoutInput(v: CheckoutValues, locale: Locale, loggedIn: boolean): CheckoutInput {
  return CheckoutInputSchema.parse({
    email: v.email,
    shippingAddress: { name: v.name, line1: v.line1, line2: v.line2 || null, postalCode: v.postalCode, city: v.city, country: v.country, phone: v.phone || null },
    shippingMethodId: v.shippingMethodId ? Number(v.shippingMethodId) : undefined,
    discountCode: v.discountCode || undefined,
    payment: { provider: v.paymentProvider, token: v.paymentProvider === 'test' ? v.cardNumber : undefined },
    locale,
    account: v.createAccount && !loggedIn ? { password: v.password } : undefined,
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A line named as the shopper sees it in the cart. */
function lineTitle(cart: CartView, variantId: number): string {
  const l = cart.lines.find((x) => x.variantId === variantId);
  const label = l ? variantLabel(l.variantTitle) : null;
  return l ? (label ? `${l.title} (${label})` : l.title) : `#${variantId}`;
}

function declineReason(reason: string, locale: Locale): string {
  if (/insufficient/i.test(reason)) return t(locale, 'checkout.reason.funds');
  if (/declined/i.test(reason)) return t(locale, 'checkout.reason.declined');
  return t(locale, 'checkout.reason.other');
}

/**
 * What the checkout service refused, as messages beside the fields. Messages the service already
 * writes in the shopper's language (postal code, discount code, account) are kept; the others are translated.
 */
export function serviceProblems(e: unknown, locale: Locale, cart: CartView): { status: number; problems: Problems } {
  if (!(e instanceof AppError)) throw e;
  const p = noProblems();
  if (e instanceof InsufficientStock) {
    for (const l of e.lines) {
      const title = lineTitle(cart, l.variantId);
      p.general.push(l.available > 0 ? tp(locale, 'checkout.error.short', l.available, { title }) : t(locale, 'checkout.error.soldOut', { title }));
    }
    return { status: 409, problems: p };
  }
  if (e instanceof PaymentDeclined) {
    p.fields.paymentProvider = t(locale, 'checkout.error.declined', { reason: declineReason(e.fields[0]?.message ?? '', locale) });
    return { status: 402, problems: p };
  }
  for (const issue of e.fields) {
    const [head, tail] = issue.field.split('.');
    if (head === 'shippingAddress' && tail === 'country') p.fields.country = t(locale, 'checkout.error.noDelivery');
    else if (head === 'shippingAddress' && tail === 'postalCode') p.fields.postalCode = capitalise(issue.message);
    else if (head === 'shippingMethodId') p.fields.shippingMethodId = t(locale, 'checkout.error.shippingMethod');
    else if (head === 'discountCode') p.fields.discountCode = /used up/.test(issue.message) ? t(locale, 'checkout.error.codeUsedUp') : capitalise(issue.message);
    else if (head === 'payment' && tail === 'token') p.fields.cardNumber = t(locale, 'checkout.error.card');
    else if (head === 'payment') p.fields.paymentProvider = t(locale, 'checkout.error.payment');
    else if (head === 'account' && tail === 'password') p.fields.password = capitalise(issue.message);
    else if (head === 'account') p.fields.createAccount = capitalise(issue.message);
    else if (head === 'cart') p.general.push(t(locale, 'checkout.error.cartEmpty'));
    else if (head === 'lines') {
      const line = cart.lines[Number(tail)];
      p.general.push(t(locale, 'checkout.error.notForSale', { title: line ? lineTitle(cart, line.variantId) : '' }));
    } else if (head === 'email') p.fields.email = t(locale, 'checkout.error.email');
    else p.general.push(t(locale, 'checkout.error.other'));
  }
  if (!hasProblems(p)) p.general.push(t(locale, 'checkout.error.other'));
  return { status: e.status, problems: p };
}
