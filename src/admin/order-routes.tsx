import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { orderPayments } from '../orders/admin-queries.ts';
import type { OrderView } from '../orders/index.ts';
import { actorOf, allow, ORDER_READERS } from './auth.ts';
import { formField } from './csrf.ts';
import { adminTimeZone } from './dates.ts';
import { addError, emptyForm, type FormState } from './form-fields.tsx';
import { canCancel, canMarkPaid, OrderPage, type OrderPageProps } from './order-detail-page.tsx';
import { redirect, sendPage } from './render.ts';
import { t } from './strings.ts';

const FLASHES = { paid: t.order.paid, 'already-paid': t.order.alreadyPaid, cancelled: t.order.cancelled } as const;
type FlashKey = keyof typeof FLASHES;

const Params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) }).strict();
const ShowQuery = z.object({ flash: z.enum(Object.keys(FLASHES) as [FlashKey, ...FlashKey[]]).optional() }).strict();
const MAX_REASON = 500;

export function registerOrderRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();

  async function load(id: number): Promise<OrderView> {
    const order = await services.orders.get(id);
    if (!order) throw notFound(`Order ${id}`);
    return order;
  }

  async function page(req: FastifyRequest, reply: FastifyReply, status: number, order: OrderView, extra: Pick<OrderPageProps, 'flash'> & { cancelForm?: FormState } = {}) {
    const [history, payments] = await Promise.all([services.orders.history(order.id), orderPayments(services.conn.db, order.id)]);
    return sendPage(
      reply,
      status,
      <OrderPage
        order={order}
        history={history}
        payments={payments}
        session={req.adminSession!}
        shopName={services.config.shopName}
        zone={adminTimeZone()}
        flash={extra.flash ?? null}
        cancelForm={extra.cancelForm ?? emptyForm()}
      />,
    );
  }

  /** A refusal the person can act on (already cancelled, paid meanwhile): shown on the order, which is read again. */
  async function refused(req: FastifyRequest, reply: FastifyReply, id: number, e: unknown) {
    if (!(e instanceof AppError) || e.code !== 'CONFLICT') throw e;
    return page(req, reply, e.status, await load(id), { flash: { kind: 'error', message: e.message } });
  }

  r.get('/orders/:id', { config: allow(...ORDER_READERS), schema: { params: Params, querystring: ShowQuery } }, async (req, reply) => {
    const order = await load(req.params.id);
    return page(req, reply, 200, order, { flash: req.query.flash ? { kind: 'ok', message: FLASHES[req.query.flash] } : null });
  });

  r.post('/orders/:id/mark-paid', { schema: { params: Params } }, async (req, reply) => {
    const order = await load(req.params.id);
    if (order.status === 'pending_payment' && !canMarkPaid(order)) {
      return page(req, reply, 409, order, { flash: { kind: 'error', message: t.order.onlyOffline } });
    }
    try {
      const outcome = await services.orders.markPaid(order.id, {
        provider: order.payment.provider,
        // Keep the reference the customer was given (VIR-1042) so the bank statement can be matched later.
        reference: order.payment.reference ?? 'manual',
        actor: actorOf(req.adminSession!),
        sendConfirmation: false,
      });
      return redirect(reply, `/admin/orders/${order.id}?flash=${outcome === 'paid' ? 'paid' : 'already-paid'}`);
    } catch (e) {
      return refused(req, reply, order.id, e);
    }
  });

  r.post('/orders/:id/cancel', { schema: { params: Params } }, async (req, reply) => {
    const order = await load(req.params.id);
    const reason = (formField(req, 'reason') ?? '').trim();
    const form = emptyForm({ reason });
    if (!reason) addError(form, 'reason', t.order.reasonRequired);
    else if (reason.length > MAX_REASON) addError(form, 'reason', t.order.reasonTooLong);
    // A missing reason matters only while the order can still be cancelled; otherwise the service says why it cannot.
    if (form.summary.length && canCancel(order)) return page(req, reply, 400, order, { cancelForm: form });
    try {
      await services.orders.cancel(order.id, actorOf(req.adminSession!), reason);
      return redirect(reply, `/admin/orders/${order.id}?flash=cancelled`);
    } catch (e) {
      return refused(req, reply, order.id, e);
    }
  });
}
