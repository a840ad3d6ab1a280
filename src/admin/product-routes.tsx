import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { ProductInputSchema, ProductPatchSchema, type ProductView } from '../catalog/index.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { actorOf } from './auth.ts';
import { addError, emptyForm, type FormState } from './form-fields.tsx';
import { addIssues, type FieldMap, formValues, handleFromTitle, productValues, readProductForm, zodIssues } from './product-form.ts';
import { ProductFormPage } from './product-form-page.tsx';
import type { UploadState } from './product-images.tsx';
import { redirect, sendPage } from './render.ts';
import { t } from './strings.ts';

export const FLASHES = {
  saved: t.flash.saved,
  archived: t.flash.archived,
  'image-added': t.flash.imageAdded,
  'image-removed': t.flash.imageRemoved,
} as const;
type FlashKey = keyof typeof FLASHES;

export const ProductParams = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) }).strict();
const EditQuery = z.object({ flash: z.enum(Object.keys(FLASHES) as [FlashKey, ...FlashKey[]]).optional() }).strict();

export async function loadProduct(services: Services, id: number): Promise<ProductView> {
  const product = await services.catalog.products.get(id, services.config.defaultLocale);
  if (!product) throw notFound(`Product ${id}`);
  return product;
}

export async function sendProductPage(
  req: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  status: number,
  p: { product: ProductView | null; form: FormState; flash?: string | null; upload?: UploadState },
): Promise<FastifyReply> {
  const collections = await services.catalog.collections.list(services.config.defaultLocale);
  return sendPage(
    reply,
    status,
    <ProductFormPage
      product={p.product}
      form={p.form}
      collections={collections}
      session={req.adminSession!}
      shopName={services.config.shopName}
      flash={p.flash ?? null}
      upload={p.upload}
    />,
  );
}

/** An expected refusal from the service goes back on the form; anything else is a bug for the edge handler. */
function refusal(e: unknown, form: FormState, map: FieldMap): number {
  if (!(e instanceof AppError) || e.status >= 500) throw e;
  if (e.fields.length) addIssues(form, e.fields, map);
  else addError(form, undefined, e.message);
  return e.status;
}

export function registerProductRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const currency = services.config.currency;

  r.get('/products/new', async (req, reply) => sendProductPage(req, reply, services, 200, { product: null, form: emptyForm(productValues(null)) }));

  r.post('/products', async (req, reply) => {
    const { form, draft, map } = readProductForm(formValues(req.body), currency);
    const parsed = ProductInputSchema.safeParse(draft);
    if (!parsed.success) addIssues(form, zodIssues(parsed.error), map);
    if (!parsed.success || form.summary.length) return sendProductPage(req, reply, services, 400, { product: null, form });
    try {
      const product = await services.catalog.products.create(parsed.data, actorOf(req.adminSession!));
      return redirect(reply, `/admin/products/${product.id}?flash=saved`);
    } catch (e) {
      return sendProductPage(req, reply, services, refusal(e, form, map), { product: null, form });
    }
  });

  r.get('/products/:id', { schema: { params: ProductParams, querystring: EditQuery } }, async (req, reply) => {
    const product = await loadProduct(services, req.params.id);
    const flash = req.query.flash ? FLASHES[req.query.flash] : null;
    return sendProductPage(req, reply, services, 200, { product, form: emptyForm(productValues(product)), flash });
  });

  r.post('/products/:id', { schema: { params: ProductParams } }, async (req, reply) => {
    const product = await loadProduct(services, req.params.id);
    const { form, draft, map } = readProductForm(formValues(req.body), currency);
    handleFromTitle(draft, services.config.defaultLocale);
    const parsed = ProductPatchSchema.safeParse(draft);
    if (!parsed.success) addIssues(form, zodIssues(parsed.error), map);
    if (!parsed.success || form.summary.length) return sendProductPage(req, reply, services, 400, { product, form });
    try {
      await services.catalog.products.update(product.id, parsed.data, actorOf(req.adminSession!));
      return redirect(reply, `/admin/products/${product.id}?flash=saved`);
    } catch (e) {
      return sendProductPage(req, reply, services, refusal(e, form, map), { product, form });
    }
  });

  r.post('/products/:id/archive', { schema: { params: ProductParams } }, async (req, reply) => {
    await services.catalog.products.archive(req.params.id, actorOf(req.adminSession!));
    return redirect(reply, `/admin/products/${req.params.id}?flash=archived`);
  });
}
