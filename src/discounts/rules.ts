// Whether a code applies to a cart now; the usage limit is enforced by the database, not here.
export type CodeRule = {
  kind: 'percentage' | 'fixed' | 'free_shipping';
  value: number;
  minSubtotal: number;
  startsAt: string | null;
  endsAt: string | null;
  usageLimit: number | null;
  usedCount: number;
  active: boolean;
};

export function codeProblem(c: CodeRule, subtotal: number, now: string, locale: 'fr' | 'en'): string | null {
  const fr = locale === 'fr';
  if (!c.active) return fr ? 'ce code n’est plus actif' : 'this code is no longer active';
  if (c.startsAt && now < c.startsAt) return fr ? 'ce code n’est pas encore valable' : 'this code is not valid yet';
  if (c.endsAt && now >= c.endsAt) return fr ? 'ce code a expiré' : 'this code has expired';
  if (c.usageLimit !== null && c.usedCount >= c.usageLimit) return fr ? 'ce code a déjà été utilisé autant de fois que prévu' : 'this code has been used up';
  if (subtotal < c.minSubtotal) return fr ? `ce code demande un panier d’au moins ${(c.minSubtotal / 100).toFixed(2)} €` : `this code needs a cart of at least €${(c.minSubtotal / 100).toFixed(2)}`;
  return null;
}
