import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from '../lib/errors.ts';

// One edge handler: expected errors become 4xx with a message a person can act on; bugs become a bare 500.
export type ErrorBody = { error: { code: string; message: string; fields?: FieldIssue[]; requestId?: string } };

/** Renders an error for people (HTML pages) rather than programs; set by the storefront and admin. */
export type HtmlErrorRenderer = (req: FastifyRequest, status: number, message: string) => string;

export const wantsJson = (req: FastifyRequest) => req.url.startsWith('/api/') || !(req.headers.accept ?? '').includes('text/html');

type ZodIssueParams = { keys?: string[]; issue?: { path?: (string | number)[]; code?: string; keys?: string[] } };

/**
 * fastify-type-provider-zod reports each zod issue as { keyword: issue code, instancePath: "/a/0/b", params: the rest of the issue }.
 * Fields are named by their dotted path (variants.0.price.amount); unknown keys name the key itself.
 */
export function validationFields(validation: { keyword: string; instancePath: string; message?: string; params: unknown }[], where: string | undefined): FieldIssue[] {
  return validation.flatMap((v) => {
    const params = (v.params ?? {}) as ZodIssueParams;
    // Older versions of the type provider nested the issue under params.issue.
    const code = params.issue?.code ?? v.keyword;
    const path = params.issue?.path?.map(String) ?? v.instancePath.split('/').filter(Boolean);
    const keys = params.issue?.keys ?? params.keys;
    if (code === 'unrecognized_keys' && keys?.length) {
      return keys.map((k) => ({ field: [...path, k].join('.'), message: 'unknown field' }));
    }
    const missing = code === 'invalid_type' && /received undefined$/.test(v.message ?? '');
    return [{ field: path.join('.') || where || 'body', message: missing ? 'required' : (v.message ?? 'invalid value') }];
  });
}

export function toErrorBody(err: unknown, req: FastifyRequest): { status: number; body: ErrorBody } {
  if (err instanceof AppError) return { status: err.status, body: err.toJSON() };
  const e = err as FastifyError & { validationContext?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const fields = validationFields(e.validation, e.validationContext);
    const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message, fields } } };
  }
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) {
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA' : status === 429 ? 'RATE_LIMITED' : status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST';
    return { status, body: { error: { code, message: e.message } } };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: `something went wrong on our side; quote request id ${req.id} if it happens again`, requestId: String(req.id) } } };
}

export function installErrorHandlers(server: FastifyInstance, html: () => HtmlErrorRenderer | null): void {
  server.setErrorHandler((err, req, reply) => {
    const { status, body } = toErrorBody(err, req);
    if (status >= 500) req.log.error({ err }, 'request failed');
    else req.log.info({ code: body.error.code, message: body.error.message }, 'request refused');
    send(req, reply, status, body, html());
  });
  server.setNotFoundHandler((req, reply) => {
    send(req, reply, 404, { error: { code: 'NOT_FOUND', message: `nothing at ${req.method} ${req.url.split('?')[0]}` } }, html());
  });
}

function send(req: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody, render: HtmlErrorRenderer | null): void {
  reply.code(status);
  if (render && !wantsJson(req)) {
    reply.type('text/html; charset=utf-8').send(render(req, status, body.error.message));
  } else {
    reply.type('application/json; charset=utf-8').send(body);
  }
}
