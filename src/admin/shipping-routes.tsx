import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { formatMoney } from '../lib/money.ts';
import { ShippingMethodInputSchema, type ShippingMethod } from '../shipping/index.ts';
import { CheckboxField, CsrfField, emptyForm, ErrorSummary, Flash, type FormState, Section, SelectField, TextArea, TextField } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { formValues, zodIssues } from './product-form.ts';
import { redirect, sendPage } from './render.ts';
import { addShippingIssues, rateRowCount, readShippingForm, shippingFieldLabel, shippingValues } from './shipping-form.ts';
import { t } from './strings.ts';

const Params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) }).strict();
const EditQuery = z.object({ flash: z.literal('saved').optional() }).strict();
const s = t.shippingMethods;

function MethodList({ methods, currency }: { methods: ShippingMethod[]; currency: string }) {
  if (methods.length === 0) return <p class="empty-state">{s.none}</p>;
  const money = (amount: number) => formatMoney({ amount, currency }, t.numberLocale);
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">{s.name}</th>
          <th scope="col">{s.countries}</th>
          <th scope="col">{s.pricing}</th>
          <th scope="col">{s.active}</th>
          <th scope="col" class="num">
            {s.position}
          </th>
        </tr>
      </thead>
      <tbody>
        {methods.map((m) => {
          const lowest = m.weightRates.length ? Math.min(...m.weightRates.map((r) => r.amount)) : 0;
          return (
            <tr>
              <th scope="row" class="cell-title">
                <a href={`/admin/shipping/${m.id}`}>{m.nameEn}</a>
                {m.nameFr !== m.nameEn && <span class="muted handle">{m.nameFr}</span>}
              </th>
              <td data-label={s.countries}>{m.countries.join(', ')}</td>
              <td data-label={s.pricing}>
                {m.kind === 'flat' ? money(m.price) : s.fromWeight(money(lowest))}
                {m.freeAbove !== null && <span class="muted handle">{s.freeFrom(money(m.freeAbove))}</span>}
              </td>
              <td data-label={s.active}>
                <span class={`badge ${m.active ? 'status-yes' : 'status-no'}`}>{m.active ? s.activeYes : s.activeNo}</span>
              </td>
              <td class="num" data-label={s.position}>
                {m.position}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RateRows({ form }: { form: FormState }) {
  const rows = rateRowCount(form.values);
  return (
    <Section title={s.rates} id="weight-rates">
      <p class="hint">{s.ratesHint}</p>
      {Array.from({ length: rows }, (_, i) => (
        <div class="rate-row">
          <TextField name={`rates.${i}.upTo`} label={s.upTo(i + 1)} form={form} inputMode="numeric" maxLength={9} />
          <TextField name={`rates.${i}.price`} label={s.ratePrice(i + 1)} form={form} inputMode="decimal" maxLength={16} />
        </div>
      ))}
    </Section>
  );
}

export function registerShippingRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const currency = services.config.currency;

  function page(req: FastifyRequest, reply: FastifyReply, status: number, m: ShippingMethod | null, form: FormState, flash: string | null = null) {
    const title = m ? s.editTitle(m.nameEn) : s.newTitle;
    return sendPage(
      reply,
      status,
      <Layout title={title} session={req.adminSession} nav="shipping" shopName={services.config.shopName}>
        <p class="crumbs">
          <a href="/admin/shipping">{s.backToList}</a>
        </p>
        <h1>{title}</h1>
        <Flash message={flash} />
        <ErrorSummary form={form} label={shippingFieldLabel} />
        <form id="shipping-form" class="stack" method="post" action={m ? `/admin/shipping/${m.id}` : '/admin/shipping'}>
          <CsrfField token={req.adminSession!.csrfToken} />
          <Section title={t.product.general}>
            <div class="grid">
              <TextField name="nameFr" label={s.nameFr} form={form} maxLength={120} />
              <TextField name="nameEn" label={s.nameEn} form={form} maxLength={120} />
              <TextArea name="countries" label={s.countries} hint={s.countriesHint} form={form} maxLength={1000} rows={2} />
              <SelectField name="kind" label={s.kind} form={form} options={[['flat', s.kinds.flat!], ['weight', s.kinds.weight!]]} />
              <TextField name="price" label={s.price} hint={s.priceHint} form={form} inputMode="decimal" maxLength={16} />
              <TextField name="freeAbove" label={s.freeAbove} hint={s.freeAboveHint} form={form} inputMode="decimal" maxLength={16} />
              <TextField name="position" label={s.position} hint={s.positionHint} form={form} inputMode="numeric" maxLength={9} />
              <CheckboxField name="active" label={s.active} form={form} />
            </div>
          </Section>
          <RateRows form={form} />
          <div class="form-actions">
            <button type="submit" class="button primary">
              {s.save}
            </button>
          </div>
        </form>
      </Layout>,
    );
  }

  async function save(req: FastifyRequest, reply: FastifyReply, current: ShippingMethod | null) {
    const { form, draft, rowOf } = readShippingForm(formValues(req.body), currency);
    const parsed = ShippingMethodInputSchema.safeParse(draft);
    if (!parsed.success) addShippingIssues(form, zodIssues(parsed.error), rowOf);
    if (!parsed.success || form.summary.length) return page(req, reply, 400, current, form);
    try {
      const saved = current ? await services.shipping.update(current.id, parsed.data) : await services.shipping.create(parsed.data);
      return redirect(reply, `/admin/shipping/${saved.id}?flash=saved`);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      addShippingIssues(form, e.fields.length ? e.fields : [{ field: '', message: e.message }], rowOf);
      return page(req, reply, e.status, current, form);
    }
  }

  async function load(id: number): Promise<ShippingMethod> {
    const m = await services.shipping.get(id);
    if (!m) throw notFound(`Shipping method ${id}`);
    return m;
  }

  r.get('/shipping', async (req, reply) => {
    const methods = await services.shipping.list();
    return sendPage(
      reply,
      200,
      <Layout title={s.title} session={req.adminSession} nav="shipping" shopName={services.config.shopName}>
        <div class="page-head">
          <h1>{s.title}</h1>
          <a class="button primary" href="/admin/shipping/new">
            {s.newMethod}
          </a>
        </div>
        <MethodList methods={methods} currency={currency} />
      </Layout>,
    );
  });

  r.get('/shipping/new', async (req, reply) => page(req, reply, 200, null, emptyForm(shippingValues(null, currency))));
  r.post('/shipping', async (req, reply) => save(req, reply, null));

  r.get('/shipping/:id', { schema: { params: Params, querystring: EditQuery } }, async (req, reply) => {
    const m = await load(req.params.id);
    return page(req, reply, 200, m, emptyForm(shippingValues(m, currency)), req.query.flash ? t.flash.saved : null);
  });

  r.post('/shipping/:id', { schema: { params: Params } }, async (req, reply) => save(req, reply, await load(req.params.id)));
}
