import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app.ts';
import { toErrorBody } from '../http/errors.ts';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';
import { t } from './strings.ts';

const TITLES: Record<number, string> = {
  403: t.errors.forbiddenTitle,
  404: t.errors.notFoundTitle,
  429: t.errors.tooManyTitle,
};

export function sendErrorPage(req: FastifyRequest, reply: FastifyReply, services: Services, status: number, message: string): FastifyReply {
  const title = TITLES[status] ?? (status >= 500 ? t.errors.serverTitle : t.errors.badRequestTitle);
  return sendPage(
    reply,
    status,
    <Layout title={title} session={req.adminSession} shopName={services.config.shopName}>
      <h1>{title}</h1>
      <p class="error-message">{message}</p>
      {req.adminSession && (
        <p>
          <a href="/admin">{t.errors.backToDashboard}</a>
        </p>
      )}
    </Layout>,
  );
}

/** Errors under /admin become pages for people; the wording for known statuses is ours, the rest comes from the edge mapping. */
export function adminErrorHandler(services: Services) {
  return (err: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = toErrorBody(err, req);
    if (status >= 500) req.log.error({ err }, 'admin request failed');
    else req.log.info({ code: body.error.code, message: body.error.message }, 'admin request refused');
    const message =
      status === 429 ? t.errors.tooMany : status >= 500 ? t.errors.server(String(req.id)) : body.error.message;
    return sendErrorPage(req, reply, services, status, message);
  };
}
