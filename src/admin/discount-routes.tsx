import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { DiscountInputSchema, type DiscountCode } from '../discounts/index.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { formatMoney } from '../lib/money.ts';
import { adminTimeZone, formatDateTime } from './dates.ts';
import { addDiscountIssues, discountFieldLabel, discountValues, percentToInput, readDiscountForm } from './discount-form.ts';
import { CheckboxField, CsrfField, emptyForm, ErrorSummary, Flash, type FormState, Section, SelectField, TextField } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { formValues, zodIssues } from './product-form.ts';
import { redirect, sendPage } from './render.ts';
import { t } from './strings.ts';

const Params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) }).strict();
const EditQuery = z.object({ flash: z.literal('saved').optional() }).strict();
const d = t.discountCodes;

function offerText(c: DiscountCode, currency: string): string {
  if (c.kind === 'free_shipping') return d.kinds.free_shipping!;
  return d.off(c.kind === 'percentage' ? `${percentToInput(c.value)}%` : formatMoney({ amount: c.value, currency }, t.numberLocale));
}

function CodeList({ codes, currency, zone }: { codes: DiscountCode[]; currency: string; zone: string }) {
  if (codes.length === 0) return <p class="empty-state">{d.none}</p>;
  const when = (iso: string) => formatDateTime(iso, t.numberLocale, zone);
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">{d.code}</th>
          <th scope="col">{d.value}</th>
          <th scope="col">{d.window}</th>
          <th scope="col" class="num">
            {d.usage}
          </th>
          <th scope="col">{d.active}</th>
        </tr>
      </thead>
      <tbody>
        {codes.map((c) => (
          <tr>
            <th scope="row" class="cell-title">
              <a href={`/admin/discounts/${c.id}`}>
                <code>{c.code}</code>
              </a>
            </th>
            <td data-label={d.value}>
              {offerText(c, currency)}
              {c.minSubtotal > 0 && <span class="muted handle">{d.minimum(formatMoney({ amount: c.minSubtotal, currency }, t.numberLocale))}</span>}
            </td>
            <td data-label={d.window}>{c.startsAt || c.endsAt ? [c.startsAt && d.from(when(c.startsAt)), c.endsAt && d.until(when(c.endsAt))].filter(Boolean).join(' ') : d.always}</td>
            <td class="num" data-label={d.usage}>
              {d.used(c.usedCount, c.usageLimit)}
            </td>
            <td data-label={d.active}>
              <span class={`badge ${c.active ? 'status-yes' : 'status-no'}`}>{c.active ? d.active : d.activeNo}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function registerDiscountRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const currency = services.config.currency;

  function page(req: FastifyRequest, reply: FastifyReply, status: number, c: DiscountCode | null, form: FormState, flash: string | null = null) {
    const title = c ? d.editTitle(c.code) : d.newTitle;
    const zone = adminTimeZone();
    return sendPage(
      reply,
      status,
      <Layout title={title} session={req.adminSession} nav="discounts" shopName={services.config.shopName}>
        <p class="crumbs">
          <a href="/admin/discounts">{d.backToList}</a>
        </p>
        <h1>{title}</h1>
        <Flash message={flash} />
        {c && <p class="muted">{d.usedSoFar(c.usedCount)}</p>}
        <ErrorSummary form={form} label={discountFieldLabel} />
        <form id="discount-form" class="stack" method="post" action={c ? `/admin/discounts/${c.id}` : '/admin/discounts'}>
          <CsrfField token={req.adminSession!.csrfToken} />
          <Section title={t.product.general}>
            <div class="grid">
              <TextField name="code" label={d.code} hint={d.codeHint} form={form} maxLength={64} autocomplete="off" />
              <SelectField name="kind" label={d.kind} form={form} options={(['percentage', 'fixed', 'free_shipping'] as const).map((k) => [k, d.kinds[k]!] as const)} />
              <TextField name="value" label={d.value} hint={d.valueHint} form={form} inputMode="decimal" maxLength={16} />
              <TextField name="minSubtotal" label={d.minSubtotal} hint={d.minSubtotalHint} form={form} inputMode="decimal" maxLength={16} />
              <TextField name="startsAt" type="datetime-local" label={d.startsAt} hint={d.dateHint(zone)} form={form} />
              <TextField name="endsAt" type="datetime-local" label={d.endsAt} hint={d.dateHint(zone)} form={form} />
              <TextField name="usageLimit" label={d.usageLimit} hint={d.usageLimitHint} form={form} inputMode="numeric" maxLength={9} />
              <CheckboxField name="active" label={d.active} form={form} />
            </div>
          </Section>
          <div class="form-actions">
            <button type="submit" class="button primary">
              {d.save}
            </button>
          </div>
        </form>
      </Layout>,
    );
  }

  async function save(req: FastifyRequest, reply: FastifyReply, current: DiscountCode | null) {
    const { form, draft } = readDiscountForm(formValues(req.body), currency, adminTimeZone());
    const parsed = DiscountInputSchema.safeParse(draft);
    if (!parsed.success) addDiscountIssues(form, zodIssues(parsed.error));
    if (!parsed.success || form.summary.length) return page(req, reply, 400, current, form);
    try {
      const saved = current ? await services.discounts.update(current.id, parsed.data) : await services.discounts.create(parsed.data);
      return redirect(reply, `/admin/discounts/${saved.id}?flash=saved`);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      addDiscountIssues(form, e.fields.length ? e.fields : [{ field: '', message: e.message }]);
      return page(req, reply, e.status, current, form);
    }
  }

  async function load(id: number): Promise<DiscountCode> {
    const c = await services.discounts.get(id);
    if (!c) throw notFound(`Discount code ${id}`);
    return c;
  }

  r.get('/discounts', async (req, reply) => {
    const codes = await services.discounts.list();
    return sendPage(
      reply,
      200,
      <Layout title={d.title} session={req.adminSession} nav="discounts" shopName={services.config.shopName}>
        <div class="page-head">
          <h1>{d.title}</h1>
          <a class="button primary" href="/admin/discounts/new">
            {d.newCode}
          </a>
        </div>
        <CodeList codes={codes} currency={currency} zone={adminTimeZone()} />
      </Layout>,
    );
  });

  r.get('/discounts/new', async (req, reply) => page(req, reply, 200, null, emptyForm(discountValues(null, currency, adminTimeZone()))));
  r.post('/discounts', async (req, reply) => save(req, reply, null));

  r.get('/discounts/:id', { schema: { params: Params, querystring: EditQuery } }, async (req, reply) => {
    const c = await load(req.params.id);
    return page(req, reply, 200, c, emptyForm(discountValues(c, currency, adminTimeZone())), req.query.flash ? t.flash.saved : null);
  });

  r.post('/discounts/:id', { schema: { params: Params } }, async (req, reply) => save(req, reply, await load(req.params.id)));
}
