import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Multipart, MultipartFile } from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import type { ProductView } from '../catalog/index.ts';
import { AppError } from '../lib/errors.ts';
import { actorOf } from './auth.ts';
import { CSRF_FIELD, sessionTokenValid } from './csrf.ts';
import { sendErrorPage } from './error-pages.tsx';
import { emptyForm } from './form-fields.tsx';
import { productValues } from './product-form.ts';
import { loadProduct, ProductParams, sendProductPage } from './product-routes.tsx';
import { redirect } from './render.ts';
import { t } from './strings.ts';

const ImageParams = ProductParams.extend({ imageId: z.coerce.number().int().positive().max(2 ** 31) }).strict();

function field(file: MultipartFile, name: string): string {
  const f = file.fields[name] as Multipart | Multipart[] | undefined;
  const one = Array.isArray(f) ? f[0] : f;
  return one && one.type === 'field' && typeof one.value === 'string' ? one.value : '';
}

const isTooLarge = (e: unknown) => (e as { statusCode?: number }).statusCode === 413;

export function registerProductImageRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const maxMb = Math.round(services.config.maxUploadBytes / (1024 * 1024));

  function uploadFailed(req: FastifyRequest, reply: FastifyReply, product: ProductView, status: number, error: string, alt = '') {
    return sendProductPage(req, reply, services, status, { product, form: emptyForm(productValues(product)), upload: { error, alt } });
  }

  // The body is read here rather than by a parser: the CSRF token is checked before the file is taken in.
  r.post('/products/:id/images', { schema: { params: ProductParams }, config: { admin: { csrf: 'multipart' } } }, async (req, reply) => {
    const product = await loadProduct(services, req.params.id);
    if (!req.isMultipart()) return uploadFailed(req, reply, product, 400, t.images.noFile);
    let file: MultipartFile | undefined;
    try {
      file = await req.file();
    } catch (e) {
      if (isTooLarge(e)) return uploadFailed(req, reply, product, 413, t.images.tooLarge(maxMb));
      throw e;
    }
    if (!file) return uploadFailed(req, reply, product, 400, t.images.noFile);
    if (!sessionTokenValid(req, field(file, CSRF_FIELD))) {
      file.file.resume();
      return sendErrorPage(req, reply, services, 403, t.errors.csrf);
    }
    const alt = field(file, 'alt').trim();
    if (file.fieldname !== 'image' || !file.filename) {
      file.file.resume();
      return uploadFailed(req, reply, product, 400, t.images.noFile, alt);
    }
    let data: Buffer;
    try {
      data = await file.toBuffer();
    } catch (e) {
      if (isTooLarge(e)) return uploadFailed(req, reply, product, 413, t.images.tooLarge(maxMb), alt);
      throw e;
    }
    if (data.length === 0) return uploadFailed(req, reply, product, 400, t.images.noFile, alt);
    try {
      await services.catalog.images.add(product.id, data, alt, actorOf(req.adminSession!));
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      return uploadFailed(req, reply, product, e.status, e.code === 'UNSUPPORTED_MEDIA' ? t.images.notImage : e.message, alt);
    }
    return redirect(reply, `/admin/products/${product.id}?flash=image-added#images`);
  });

  r.post('/products/:id/images/:imageId/delete', { schema: { params: ImageParams } }, async (req, reply) => {
    await services.catalog.images.remove(req.params.id, req.params.imageId, actorOf(req.adminSession!));
    return redirect(reply, `/admin/products/${req.params.id}?flash=image-removed#images`);
  });
}
