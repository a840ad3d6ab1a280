import type { Db } from '../db/connection.ts';
import { loadOrder } from '../orders/index.ts';
import type { Handler } from '../outbox/index.ts';
import { paymentInstructions } from '../payments/index.ts';
import type { Mailer } from './mailer.ts';
import { orderConfirmationMail } from './templates/order-confirmation.tsx';

export const orderStatusUrl = (publicUrl: string, o: { id: number; token: string; locale: string }) => `${publicUrl}/${o.locale}/orders/${o.id}?token=${o.token}`;

export function emailHandlers(deps: { db: Db; mailer: Mailer; shopName: string; publicUrl: () => string; bankDetails: string }): Record<string, Handler> {
  return {
    async 'email.order_confirmation'(payload: { orderId: number }, msg) {
      const o = await loadOrder(deps.db, payload.orderId);
      if (!o) return; // the order is gone (erased): nothing to say
      const instructions = paymentInstructions(o.payment.provider, o.number, o.locale, deps.bankDetails);
      const mail = orderConfirmationMail(o, { shopName: deps.shopName, statusUrl: orderStatusUrl(deps.publicUrl(), o), instructions });
      await deps.mailer.send({ to: o.email, ...mail, messageId: `<${msg.dedupeKey.replace(/[^\w.-]/g, '-')}@comptoir>` });
    },
  };
}
