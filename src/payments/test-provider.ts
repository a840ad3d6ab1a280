import type { PaymentProvider } from './provider.ts';

// Behaves like the big providers' test cards: the card number decides the outcome. No money moves.
export const TEST_CARDS = {
  success: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
} as const;

const OUTCOMES: Record<string, { code: string; reason: string }> = {
  [TEST_CARDS.declined]: { code: 'card_declined', reason: 'the card was declined' },
  [TEST_CARDS.insufficientFunds]: { code: 'insufficient_funds', reason: 'the card has insufficient funds' },
};

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const normaliseCard = (token: string) => token.replace(/[\s-]/g, '');

export function createTestProvider(): PaymentProvider {
  return {
    id: 'test',
    offline: false,
    checkToken(token) {
      if (!token) return 'enter a card number (test card 4242 4242 4242 4242)';
      const card = normaliseCard(token);
      if (!/^\d{12,19}$/.test(card) || !luhnValid(card)) return 'this card number is not valid (test card 4242 4242 4242 4242)';
      return null;
    },
    async start(req) {
      const card = normaliseCard(req.token ?? '');
      const refused = OUTCOMES[card];
      if (refused) return { status: 'declined', ...refused, reference: `test_decline_${req.orderId}` };
      return { status: 'paid', reference: `test_ch_${req.orderId}_${card.slice(-4)}` };
    },
  };
}
