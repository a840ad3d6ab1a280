import type { Locale } from '../i18n/index.ts';

/** An order's status page; the same path as the link in the confirmation e-mail (src/email/handlers.ts). */
export const orderPath = (locale: Locale, o: { id: number; token: string }, placed = false): string =>
  `/${locale}/orders/${o.id}?token=${encodeURIComponent(o.token)}${placed ? '&placed=1' : ''}`;
