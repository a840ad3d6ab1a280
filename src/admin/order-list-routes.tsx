import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { formatMoney } from '../lib/money.ts';
import { listOrders, type OrderListFilter, type OrderListPage } from '../orders/admin-queries.ts';
import { ORDER_STATUSES, type OrderStatus } from '../orders/index.ts';
import { PROVIDER_IDS } from '../payments/index.ts';
import { allow, ORDER_READERS } from './auth.ts';
import { adminTimeZone, formatDateTime, localToIso, nextDay } from './dates.ts';
import { addError, emptyForm, ErrorSummary, type FormState, SelectField, TextField, valueOf } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { Pager } from './pager.tsx';
import { sendPage } from './render.ts';
import { t } from './strings.ts';

const PER_PAGE = 25;
const FIELDS = ['q', 'status', 'payment', 'from', 'to'] as const;

// Every filter arrives as text and is checked here, so a bad one is shown beside its input rather than as an error page.
const ListQuery = z
  .object({
    q: z.string().max(200).optional(),
    status: z.string().max(40).optional(),
    payment: z.string().max(40).optional(),
    from: z.string().max(40).optional(),
    to: z.string().max(40).optional(),
    page: z.string().max(12).optional(),
  })
  .strict();
type ListQuery = z.output<typeof ListQuery>;

export function readOrderFilters(q: ListQuery, zone: string): { form: FormState; filter: OrderListFilter } {
  const form = emptyForm(Object.fromEntries(FIELDS.map((k) => [k, q[k]?.trim() ?? ''])));
  const v = (k: (typeof FIELDS)[number]) => valueOf(form.values, k);
  const page = /^\d{1,6}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
  const filter: OrderListFilter = { page, perPage: PER_PAGE };

  if (v('status') && v('status') !== 'any') {
    if ((ORDER_STATUSES as readonly string[]).includes(v('status'))) filter.status = v('status') as OrderStatus;
    else addError(form, 'status', t.productErrors.badChoice);
  }
  if (v('payment')) {
    if ((PROVIDER_IDS as readonly string[]).includes(v('payment'))) filter.provider = v('payment');
    else addError(form, 'payment', t.productErrors.badChoice);
  }
  // A bare date is a whole day on the shop's clock: from its midnight to the next one.
  const day = (k: 'from' | 'to') => (/^\d{4}-\d{2}-\d{2}$/.test(v(k)) ? localToIso(v(k), zone) : null);
  if (v('from')) {
    const iso = day('from');
    if (iso) filter.placedFrom = iso;
    else addError(form, 'from', t.orders.badDate);
  }
  if (v('to')) {
    const iso = day('to') && localToIso(nextDay(v('to')), zone);
    if (iso) filter.placedBefore = iso;
    else addError(form, 'to', t.orders.badDate);
  }
  if (filter.placedFrom && filter.placedBefore && v('to') < v('from')) addError(form, 'to', t.orders.toBeforeFrom);
  if (v('q')) filter.text = v('q');
  return { form, filter };
}

function listUrl(form: FormState, page: number): string {
  const p = new URLSearchParams();
  for (const k of FIELDS) if (valueOf(form.values, k)) p.set(k, valueOf(form.values, k));
  if (page > 1) p.set('page', String(page));
  const s = p.toString();
  return '/admin/orders' + (s ? `?${s}` : '');
}

const STATUS_OPTIONS: [string, string][] = [['', t.orders.anyStatus], ...ORDER_STATUSES.map((s) => [s, t.orderStatus[s]!] as [string, string])];
const PAYMENT_OPTIONS: [string, string][] = [['', t.orders.anyPayment], ...PROVIDER_IDS.map((p) => [p, t.providers[p] ?? p] as [string, string])];

function Filters({ form, zone }: { form: FormState; zone: string }) {
  return (
    <form id="order-filters" class="filters order-filters" method="get" action="/admin/orders" role="search">
      <TextField name="q" type="search" label={t.orders.searchLabel} form={form} maxLength={200} class="grow" />
      <SelectField name="status" label={t.orders.status} form={form} options={STATUS_OPTIONS} />
      <SelectField name="payment" label={t.orders.payment} form={form} options={PAYMENT_OPTIONS} />
      <TextField name="from" type="date" label={t.orders.from} form={form} />
      <TextField name="to" type="date" label={t.orders.to} form={form} />
      <div class="filter-actions">
        <button type="submit" class="button primary">
          {t.products.filter}
        </button>
        <a class="button secondary" href="/admin/orders">
          {t.products.clear}
        </a>
      </div>
      <p class="hint filter-note">{t.orders.zoneHint(zone)}</p>
    </form>
  );
}

export function OrderStatusBadge({ status }: { status: string }) {
  return <span class={`badge order-${status}`}>{t.orderStatus[status] ?? status}</span>;
}

function OrderTable({ page, zone }: { page: OrderListPage; zone: string }) {
  if (page.items.length === 0) return <p class="empty-state">{t.orders.none}</p>;
  return (
    <table class="list orders">
      <thead>
        <tr>
          <th scope="col">{t.orders.number}</th>
          <th scope="col">{t.orders.date}</th>
          <th scope="col">{t.orders.customer}</th>
          <th scope="col">{t.orders.status}</th>
          <th scope="col">{t.orders.payment}</th>
          <th scope="col" class="num">
            {t.orders.total}
          </th>
        </tr>
      </thead>
      <tbody>
        {page.items.map((o) => (
          <tr>
            <th scope="row" class="cell-title">
              <a href={`/admin/orders/${o.id}`}>#{o.number}</a>
            </th>
            <td data-label={t.orders.date}>{formatDateTime(o.placedAt, t.numberLocale, zone)}</td>
            <td data-label={t.orders.customer}>
              {o.name}
              <span class="muted handle">{o.email}</span>
            </td>
            <td data-label={t.orders.status}>
              <OrderStatusBadge status={o.status} />
            </td>
            <td data-label={t.orders.payment}>{t.providers[o.provider] ?? o.provider}</td>
            <td class="num" data-label={t.orders.total}>
              {formatMoney(o.total, t.numberLocale)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function registerOrderListRoutes(admin: FastifyInstance, services: Services): void {
  admin.withTypeProvider<ZodTypeProvider>().get('/orders', { config: allow(...ORDER_READERS), schema: { querystring: ListQuery } }, async (req, reply) => {
    const zone = adminTimeZone();
    const { form, filter } = readOrderFilters(req.query, zone);
    const bad = form.summary.length > 0;
    const page: OrderListPage = bad ? { items: [], total: 0, page: 1, pages: 1, perPage: PER_PAGE } : await listOrders(services.conn.db, filter);
    return sendPage(
      reply,
      bad ? 400 : 200,
      <Layout title={t.orders.title} session={req.adminSession} nav="orders" shopName={services.config.shopName}>
        <h1>{t.orders.title}</h1>
        <ErrorSummary form={form} label={(name) => ({ q: t.orders.search, status: t.orders.status, payment: t.orders.payment, from: t.orders.from, to: t.orders.to })[name] ?? name} />
        <Filters form={form} zone={zone} />
        {!bad && (
          <p class="muted" aria-live="polite">
            {t.orders.count(page.total)}
          </p>
        )}
        {!bad && <OrderTable page={page} zone={zone} />}
        <Pager page={page.page} pages={page.pages} href={(n) => listUrl(form, n)} />
      </Layout>,
    );
  });
}
