import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { CollectionInputSchema, type CollectionView } from '../catalog/index.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { actorOf } from './auth.ts';
import { addError, CsrfField, emptyForm, ErrorSummary, Flash, type FormState, type FormValues, Section, TextField, valueOf } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { formValues, zodIssues } from './product-form.ts';
import { redirect, sendPage } from './render.ts';
import { t } from './strings.ts';
import { readTranslations, translationLabel, TranslationSections, translationValues } from './translation-fields.tsx';

const Params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) }).strict();
const EditQuery = z.object({ flash: z.literal('saved').optional() }).strict();

function collectionValues(c: CollectionView | null): FormValues {
  if (!c) return { position: '0' };
  return { handle: c.handle, position: String(c.position), ...translationValues(c.translations) };
}

function readCollectionForm(values: FormValues): { form: FormState; draft: Record<string, unknown> } {
  const form = emptyForm(values);
  const handle = valueOf(values, 'handle').trim();
  const positionText = valueOf(values, 'position').trim();
  const position = positionText === '' ? 0 : /^\d{1,9}$/.test(positionText) ? Number(positionText) : null;
  if (position === null) addError(form, 'position', t.collections.positionInvalid);
  const translations = readTranslations(values, form);
  return { form, draft: { ...(handle ? { handle } : {}), position: position ?? 0, translations } };
}

function inputFor(path: string): string | undefined {
  const p = path.split('.');
  if (p[0] === 'handle' || p[0] === 'position') return p[0];
  if (p[0] === 'translations') return p[1] && p[2] ? `translations.${p[1]}.${p[2]}` : `translations.${p[1] ?? 'fr'}.title`;
  return undefined;
}

function addIssues(form: FormState, issues: { field: string; message: string }[]) {
  for (const i of issues) {
    const name = inputFor(i.field);
    if (!(name && form.errors[name])) addError(form, name, i.message);
  }
}

const label = (name: string) => translationLabel(name) ?? ({ handle: t.collections.handle, position: t.collections.position } as Record<string, string>)[name] ?? name;

function CollectionList({ collections }: { collections: CollectionView[] }) {
  if (collections.length === 0) return <p class="empty-state">{t.collections.none}</p>;
  return (
    <table class="list">
      <thead>
        <tr>
          <th scope="col">{t.products.productTitle}</th>
          <th scope="col" class="num">{t.collections.position}</th>
          <th scope="col" class="num">{t.collections.products}</th>
        </tr>
      </thead>
      <tbody>
        {collections.map((c) => (
          <tr>
            <th scope="row" class="cell-title">
              <a href={`/admin/collections/${c.id}`}>{c.title}</a>
              <span class="muted handle">{c.handle}</span>
            </th>
            <td class="num" data-label={t.collections.position}>
              {c.position}
            </td>
            <td class="num" data-label={t.collections.products}>
              {c.productCount}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function registerCollectionRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const locale = services.config.defaultLocale;

  function page(req: FastifyRequest, reply: FastifyReply, status: number, c: CollectionView | null, form: FormState, flash: string | null = null) {
    const title = c ? t.collections.editTitle(c.title) : t.collections.newTitle;
    return sendPage(
      reply,
      status,
      <Layout title={title} session={req.adminSession} nav="collections" shopName={services.config.shopName}>
        <p class="crumbs">
          <a href="/admin/collections">{t.collections.backToList}</a>
        </p>
        <h1>{title}</h1>
        <Flash message={flash} />
        <ErrorSummary form={form} label={label} />
        <form id="collection-form" class="stack" method="post" action={c ? `/admin/collections/${c.id}` : '/admin/collections'}>
          <CsrfField token={req.adminSession!.csrfToken} />
          <Section title={t.product.general}>
            <div class="grid">
              <TextField name="handle" label={t.collections.handle} hint={t.collections.handleHint} form={form} maxLength={120} />
              <TextField name="position" label={t.collections.position} hint={t.collections.positionHint} form={form} inputMode="numeric" maxLength={9} />
            </div>
          </Section>
          <TranslationSections form={form} />
          <p class="hint">{t.collections.membershipHint}</p>
          <div class="form-actions">
            <button type="submit" class="button primary">
              {t.collections.save}
            </button>
          </div>
        </form>
      </Layout>,
    );
  }

  async function save(req: FastifyRequest, reply: FastifyReply, current: CollectionView | null) {
    const { form, draft } = readCollectionForm(formValues(req.body));
    const parsed = CollectionInputSchema.safeParse(draft);
    if (!parsed.success) addIssues(form, zodIssues(parsed.error));
    if (!parsed.success || form.summary.length) return page(req, reply, 400, current, form);
    try {
      const actor = actorOf(req.adminSession!);
      const saved = current ? await services.catalog.collections.update(current.id, parsed.data, actor) : await services.catalog.collections.create(parsed.data, actor);
      return redirect(reply, `/admin/collections/${saved.id}?flash=saved`);
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      if (e.fields.length) addIssues(form, e.fields);
      else addError(form, undefined, e.message);
      return page(req, reply, e.status, current, form);
    }
  }

  async function load(id: number): Promise<CollectionView> {
    const c = await services.catalog.collections.get(id, locale);
    if (!c) throw notFound(`Collection ${id}`);
    return c;
  }

  r.get('/collections', async (req, reply) => {
    const collections = await services.catalog.collections.list(locale);
    return sendPage(
      reply,
      200,
      <Layout title={t.collections.title} session={req.adminSession} nav="collections" shopName={services.config.shopName}>
        <div class="page-head">
          <h1>{t.collections.title}</h1>
          <a class="button primary" href="/admin/collections/new">
            {t.collections.newCollection}
          </a>
        </div>
        <CollectionList collections={collections} />
        <p class="hint">{t.collections.membershipHint}</p>
      </Layout>,
    );
  });

  r.get('/collections/new', async (req, reply) => page(req, reply, 200, null, emptyForm(collectionValues(null))));
  r.post('/collections', async (req, reply) => save(req, reply, null));

  r.get('/collections/:id', { schema: { params: Params, querystring: EditQuery } }, async (req, reply) => {
    const c = await load(req.params.id);
    return page(req, reply, 200, c, emptyForm(collectionValues(c)), req.query.flash ? t.flash.saved : null);
  });

  r.post('/collections/:id', { schema: { params: Params } }, async (req, reply) => save(req, reply, await load(req.params.id)));
}
