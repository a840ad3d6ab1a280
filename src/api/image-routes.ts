import type { FastifyInstance, FastifyRequest } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { AppError, invalid } from '../lib/errors.ts';
import { API_KEY_SECURITY, apiActor } from './auth.ts';
import { errors, json } from './responses.ts';
import { presentImage } from './presenters.ts';
import { IdParamsSchema, ImageParamsSchema, ImageUploadSchema, ImageViewSchema } from './schemas.ts';

const tags = ['Product images'];
const security = API_KEY_SECURITY;

/** Image upload and removal under /api/admin/products/{id}/images. */
export function registerImageRoutes(server: FastifyInstance, services: Services): void {
  const api = server.withTypeProvider<ZodTypeProvider>();
  const limitMb = Math.round(services.config.maxUploadBytes / (1024 * 1024));

  api.post('/products/:id/images', {
    schema: {
      tags,
      security,
      summary: 'Add an image to a product',
      description: `multipart/form-data with a file field \`image\` (at most ${limitMb} MB) and an optional text field \`alt\`. The image is resized into WebP and AVIF renditions at upload.`,
      consumes: ['multipart/form-data'],
      params: IdParamsSchema,
      body: ImageUploadSchema,
      response: { 201: json('The stored image with the URLs of its renditions', ImageViewSchema), ...errors(400, 404, 413, 415) },
    },
    // The body schema only documents the form: the parts are streamed and checked below.
    validatorCompiler: skipBodyValidation,
  }, async (req, reply) => {
    const { file, alt } = await readUpload(req, limitMb);
    const image = await services.catalog.images.add(req.params.id, file, alt, apiActor(req));
    reply.code(201);
    return presentImage(image, services.config.publicUrl);
  });

  api.delete('/products/:id/images/:imageId', {
    schema: {
      tags,
      security,
      summary: 'Remove an image from a product',
      params: ImageParamsSchema,
      response: { 204: z.undefined().describe('Removed, with its files'), ...errors(400, 404) },
    },
  }, async (req, reply) => {
    await services.catalog.images.remove(req.params.id, req.params.imageId, apiActor(req));
    return reply.code(204).send();
  });
}

type ZodRouteSchema = Parameters<typeof validatorCompiler>[0];
/** Params are still checked by zod; the multipart body is not parsed by fastify, so it is left to readUpload. */
function skipBodyValidation(route: { httpPart?: string }) {
  return route.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(route as unknown as ZodRouteSchema);
}

async function readUpload(req: FastifyRequest, limitMb: number): Promise<{ file: Buffer; alt: string }> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA', 'send the image as multipart/form-data with a file field named "image"', [{ field: 'image', message: 'expected a multipart/form-data upload' }]);
  }
  let file: Buffer | null = null;
  let alt = '';
  for await (const part of req.parts()) {
    if (part.type === 'file') {
      if (part.fieldname !== 'image') throw invalid([{ field: part.fieldname, message: 'unknown file field: send the image in the field "image"' }]);
      if (file) throw invalid([{ field: 'image', message: 'send one image per request' }]);
      try {
        file = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('PAYLOAD_TOO_LARGE', `the image is larger than ${limitMb} MB: make it smaller (the limit is MAX_UPLOAD_MB)`, [{ field: 'image', message: `larger than ${limitMb} MB` }]);
        }
        throw e;
      }
    } else if (part.fieldname === 'alt') {
      alt = String(part.value ?? '').trim();
      if (alt.length > 255) throw invalid([{ field: 'alt', message: 'alt text must be 255 characters or fewer' }]);
    } else {
      throw invalid([{ field: part.fieldname, message: 'unknown field: only "image" and "alt" are accepted' }]);
    }
  }
  if (!file || file.length === 0) throw invalid([{ field: 'image', message: 'attach an image file in the field "image"' }]);
  return { file, alt };
}
