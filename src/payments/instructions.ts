/** What the shopper must do to pay an offline order, in their language; null for card payments. */
export function paymentInstructions(provider: string, orderNumber: number, locale: 'fr' | 'en', bankDetails: string): string | null {
  if (provider === 'bank_transfer') {
    return locale === 'fr' ? `Virement à ${bankDetails}, référence VIR-${orderNumber}.` : `Bank transfer to ${bankDetails}, reference VIR-${orderNumber}.`;
  }
  if (provider === 'cod') return locale === 'fr' ? 'Paiement en espèces à la livraison.' : 'Pay in cash on delivery.';
  return null;
}
