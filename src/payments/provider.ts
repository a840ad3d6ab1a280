import type { Money } from '../lib/money.ts';

// Every way of paying sits behind this interface; checkout never knows which one it talks to.
export type PaymentRequest = { orderId: number; orderNumber: number; amount: Money; email: string; token?: string | null };

export type PaymentStart =
  /** Money taken now (test provider). */
  | { status: 'paid'; reference: string }
  /** Refused: the order is cancelled and its stock released. */
  | { status: 'declined'; reason: string; code: string; reference?: string | null }
  /** Paid later: bank transfer, cash on delivery, or a card that needs the shopper's action (Stripe). */
  | { status: 'pending'; reference?: string | null; clientSecret?: string | null };

export type PaymentProvider = {
  id: string;
  /** Offline methods keep their stock hold for days, not minutes, and confirm the order at once. */
  offline: boolean;
  /** Checks the token's shape before any order is written; returns a message for the shopper, or null. */
  checkToken?(token: string | null | undefined): string | null;
  start(req: PaymentRequest): Promise<PaymentStart>;
};
