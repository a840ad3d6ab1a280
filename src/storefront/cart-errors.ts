import { t, tp, type Locale } from '../i18n/index.ts';
import { AppError } from '../lib/errors.ts';

export type CartProblem = { status: number; message: string };

/**
 * The cart service answers in English for API clients; shoppers read the same outcome in their language.
 * Stock conflicts carry `only N left` / `sold out` on the quantity field (see src/cart/service.ts).
 */
export function cartProblem(e: unknown, locale: Locale, maxQuantity: number): CartProblem {
  if (!(e instanceof AppError)) throw e;
  const field = e.fields[0];
  if (e.code === 'NOT_FOUND' || cartUnusable(e)) return { status: e.status, message: t(locale, 'cart.error.lineGone') };
  if (e.code === 'CONFLICT' && field?.field === 'quantity') {
    const left = /only (\d+) left/.exec(field.message);
    return { status: 409, message: left ? tp(locale, 'cart.error.onlyLeft', Number(left[1])) : t(locale, 'cart.error.soldOut') };
  }
  if (e.code === 'VALIDATION_FAILED' && field?.field === 'quantity') return { status: 400, message: t(locale, 'cart.error.quantity', { max: maxQuantity }) };
  if (e.code === 'VALIDATION_FAILED' && field?.field === 'variantId') {
    return { status: 400, message: /at most \d+ different/.test(field.message) ? t(locale, 'cart.error.tooManyLines') : t(locale, 'cart.error.notForSale') };
  }
  return { status: e.status, message: t(locale, 'cart.error.other') };
}

/** Whether the cart itself is gone or already ordered, so adding should start a new cart. */
export function cartUnusable(e: unknown): boolean {
  return e instanceof AppError && ((e.code === 'NOT_FOUND' && /^This cart/.test(e.message)) || (e.code === 'CONFLICT' && e.fields.length === 0));
}
