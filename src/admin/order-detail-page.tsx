import { formatMoney, type Money } from '../lib/money.ts';
import type { PaymentRecord } from '../orders/admin-queries.ts';
import type { OrderEvent, OrderView } from '../orders/index.ts';
import type { Session } from '../staff/index.ts';
import { formatDateTime } from './dates.ts';
import { CsrfField, ErrorSummary, Flash, type FormState, TextArea } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { OrderStatusBadge } from './order-list-routes.tsx';
import { t } from './strings.ts';

/** Offline payments are the only ones staff confirm by hand; card providers confirm themselves. */
export const MANUAL_PAYMENT_PROVIDERS = ['bank_transfer', 'cod'];

export const canMarkPaid = (o: OrderView) => o.status === 'pending_payment' && MANUAL_PAYMENT_PROVIDERS.includes(o.payment.provider);
export const canCancel = (o: OrderView) => o.status === 'pending_payment' || o.status === 'paid';

export type OrderPageProps = {
  order: OrderView;
  history: OrderEvent[];
  payments: PaymentRecord[];
  session: Session;
  shopName: string;
  zone: string;
  /** What the last action did, or why it was refused. */
  flash?: { kind: 'ok' | 'error'; message: string } | null;
  cancelForm: FormState;
};

const money = (m: Money) => formatMoney(m, t.numberLocale);
const rate = (bp: number) => `${(bp / 100).toLocaleString(t.numberLocale)}%`;

function Lines({ order }: { order: OrderView }) {
  return (
    <table class="list order-lines">
      <thead>
        <tr>
          <th scope="col">{t.order.product}</th>
          <th scope="col">{t.order.variant}</th>
          <th scope="col">{t.order.sku}</th>
          <th scope="col" class="num">{t.order.unitPrice}</th>
          <th scope="col" class="num">{t.order.quantity}</th>
          <th scope="col" class="num">{t.order.vatRate}</th>
          <th scope="col" class="num">{t.order.discount}</th>
          <th scope="col" class="num">{t.order.lineTotal}</th>
        </tr>
      </thead>
      <tbody>
        {order.lines.map((l) => (
          <tr class={l.backordered ? 'backordered' : undefined}>
            <th scope="row">
              {l.title}
              {l.backordered && (
                <span class="badge backorder" title={t.order.backorderedHint}>
                  {t.order.backordered}
                </span>
              )}
            </th>
            <td data-label={t.order.variant}>{l.variantTitle && l.variantTitle !== 'Default' ? l.variantTitle : '—'}</td>
            <td data-label={t.order.sku}>
              <code>{l.sku}</code>
            </td>
            <td class="num" data-label={t.order.unitPrice}>
              {money(l.unitPrice)}
            </td>
            <td class="num" data-label={t.order.quantity}>
              {l.quantity}
            </td>
            <td class="num" data-label={t.order.vatRate}>
              {rate(l.vatRateBp)}
            </td>
            <td class="num" data-label={t.order.discount}>
              {l.discount.amount ? `−${money(l.discount)}` : '—'}
            </td>
            <td class="num" data-label={t.order.lineTotal}>
              {money(l.total)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Totals({ order }: { order: OrderView }) {
  return (
    <dl class="totals">
      <dt>{t.order.subtotal}</dt>
      <dd>{money(order.subtotal)}</dd>
      {(order.discount.amount > 0 || order.discountCode) && (
        <>
          <dt>{order.discountCode ? t.order.discountWithCode(order.discountCode) : t.order.discount}</dt>
          <dd>−{money(order.discount)}</dd>
        </>
      )}
      <dt>{t.order.shipping(order.shippingMethod.name)}</dt>
      <dd>{money(order.shipping)}</dd>
      <dt class="grand">{t.order.total}</dt>
      <dd class="grand">{money(order.total)}</dd>
      {order.taxLines.map((l) => (
        <>
          <dt class="muted">
            {t.order.vatAt(rate(l.rateBp))} <span class="vat-base">{t.order.vatBase(money(l.base))}</span>
          </dt>
          <dd class="muted">{money(l.tax)}</dd>
        </>
      ))}
    </dl>
  );
}

function Customer({ order }: { order: OrderView }) {
  const a = order.shippingAddress;
  return (
    <section class="card">
      <h2>{t.order.customer}</h2>
      <p>
        <a href={`mailto:${order.email}`}>{order.email}</a>
      </p>
      <h3>{t.order.address}</h3>
      <address>
        {[a.name, a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country].filter(Boolean).map((line) => (
          <>
            {line}
            <br />
          </>
        ))}
        {a.phone && (
          <>
            {t.order.phone}: {a.phone}
          </>
        )}
      </address>
      <h3>{t.order.method}</h3>
      <p>{order.shippingMethod.name}</p>
    </section>
  );
}

function Payment({ order, payments, zone }: { order: OrderView; payments: PaymentRecord[]; zone: string }) {
  return (
    <section class="card">
      <h2>{t.order.payment}</h2>
      <dl class="pairs">
        <dt>{t.order.provider}</dt>
        <dd>{t.providers[order.payment.provider] ?? order.payment.provider}</dd>
        <dt>{t.order.reference}</dt>
        <dd>{order.payment.reference ? <code>{order.payment.reference}</code> : <span class="muted">{t.order.noReference}</span>}</dd>
      </dl>
      <h3>{t.order.payments}</h3>
      {payments.length === 0 ? (
        <p class="muted">{t.order.noPayments}</p>
      ) : (
        <ul class="events">
          {payments.map((p) => (
            <li>
              <time datetime={p.createdAt}>{formatDateTime(p.createdAt, t.numberLocale, zone)}</time> · {t.paymentStatus[p.status] ?? p.status} · {money(p.amount)} ·{' '}
              {t.providers[p.provider] ?? p.provider}
              {p.reference && (
                <>
                  {' '}
                  · <code>{p.reference}</code>
                </>
              )}
              {p.detail && <span class="muted handle">{p.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function History({ history, zone }: { history: OrderEvent[]; zone: string }) {
  return (
    <section class="card">
      <h2>{t.order.history}</h2>
      <ol class="events history">
        {history.map((e) => (
          <li>
            <time datetime={e.createdAt}>{formatDateTime(e.createdAt, t.numberLocale, zone)}</time>{' '}
            {e.fromStatus && e.fromStatus !== e.toStatus ? (
              <>
                {t.orderStatus[e.fromStatus] ?? e.fromStatus} → <strong>{t.orderStatus[e.toStatus] ?? e.toStatus}</strong>
              </>
            ) : e.fromStatus ? (
              <span>{t.order.noted}</span>
            ) : (
              <strong>{t.orderStatus[e.toStatus] ?? e.toStatus}</strong>
            )}{' '}
            <span class="muted">{t.order.by(e.actor)}</span>
            {e.note && <span class="note">{e.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Actions({ order, session, cancelForm }: { order: OrderView; session: Session; cancelForm: FormState }) {
  if (session.staff.role !== 'owner' || (!canMarkPaid(order) && !canCancel(order))) return null;
  return (
    <section class="card actions-card" aria-labelledby="order-actions">
      <h2 id="order-actions">{t.order.actions}</h2>
      {canMarkPaid(order) && (
        <form id="mark-paid-form" method="post" action={`/admin/orders/${order.id}/mark-paid`} data-confirm={t.order.confirmMarkPaid}>
          <CsrfField token={session.csrfToken} />
          <p class="hint">{t.order.markPaidHint}</p>
          <button type="submit" class="button primary">
            {t.order.markPaid}
          </button>
        </form>
      )}
      {canCancel(order) && (
        <form id="cancel-form" class="stack" method="post" action={`/admin/orders/${order.id}/cancel`} data-confirm={t.order.confirmCancel}>
          <CsrfField token={session.csrfToken} />
          <TextArea name="reason" label={t.order.cancelReason} hint={t.order.cancelHint(order.status === 'paid')} form={cancelForm} rows={2} maxLength={500} />
          <button type="submit" class="button danger">
            {t.order.cancel}
          </button>
        </form>
      )}
    </section>
  );
}

export function OrderPage(p: OrderPageProps) {
  const o = p.order;
  const title = t.order.title(o.number);
  return (
    <Layout title={title} session={p.session} nav="orders" shopName={p.shopName}>
      <p class="crumbs">
        <a href="/admin/orders">{t.order.backToList}</a>
      </p>
      <div class="page-head">
        <h1>{title}</h1>
        <OrderStatusBadge status={o.status} />
      </div>
      <p class="muted">
        {t.order.placed(formatDateTime(o.placedAt, t.numberLocale, p.zone))}
        {o.paidAt && ` · ${t.order.paidAt(formatDateTime(o.paidAt, t.numberLocale, p.zone))}`}
      </p>
      {p.flash?.kind === 'ok' && <Flash message={p.flash.message} />}
      {p.flash?.kind === 'error' && (
        <p class="flash error" role="alert">
          {p.flash.message}
        </p>
      )}
      <ErrorSummary form={p.cancelForm} label={() => t.order.cancelReason} />
      {o.status === 'pending_payment' && o.reservationExpiresAt && <p class="notice">{t.order.holdUntil(formatDateTime(o.reservationExpiresAt, t.numberLocale, p.zone))}</p>}
      <Actions order={o} session={p.session} cancelForm={p.cancelForm} />
      <h2>{t.order.lines}</h2>
      <Lines order={o} />
      <section class="card" aria-label={t.order.totals}>
        <Totals order={o} />
      </section>
      <div class="cards">
        <Customer order={o} />
        <Payment order={o} payments={p.payments} zone={p.zone} />
      </div>
      <History history={p.history} zone={p.zone} />
    </Layout>
  );
}
