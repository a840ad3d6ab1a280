import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { notFound } from '../lib/errors.ts';
import { allow, ORDER_READERS } from './auth.ts';
import { adminTimeZone, formatDateTime } from './dates.ts';
import { Layout } from './layout.tsx';
import { getMail, listMail, type MailPage } from './mailbox-queries.ts';
import { Pager } from './pager.tsx';
import { sendPage } from './render.ts';
import { t } from './strings.ts';

const PER_PAGE = 50;
const m = t.mailbox;
const Params = z.object({ id: z.coerce.number().int().positive().max(2 ** 31) }).strict();
const ListQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).default(1) }).strict();

/**
 * The message page lets the mail's own inline styles apply inside the frame (mail HTML is styled that
 * way); scripts stay refused twice over, by the frame's sandbox and by script-src.
 */
function allowInlineStyles(policy: unknown): string | undefined {
  return typeof policy === 'string' ? policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'") : undefined;
}

function SmtpNote({ services }: { services: Services }) {
  return <p class={services.mailer.kind === 'smtp' ? 'notice' : 'muted'}>{services.mailer.kind === 'smtp' ? m.smtpNote : m.intro}</p>;
}

function MailList({ page, zone }: { page: MailPage; zone: string }) {
  if (page.items.length === 0) return <p class="empty-state">{m.none}</p>;
  return (
    <table class="list mailbox">
      <thead>
        <tr>
          <th scope="col">{m.subject}</th>
          <th scope="col">{m.to}</th>
          <th scope="col">{m.date}</th>
        </tr>
      </thead>
      <tbody>
        {page.items.map((mail) => (
          <tr>
            <th scope="row" class="cell-title">
              <a href={`/admin/mailbox/${mail.id}`}>{mail.subject}</a>
            </th>
            <td data-label={m.to}>{mail.to}</td>
            <td data-label={m.date}>
              <time datetime={mail.createdAt}>{formatDateTime(mail.createdAt, t.numberLocale, zone)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function registerMailboxRoutes(admin: FastifyInstance, services: Services): void {
  const r = admin.withTypeProvider<ZodTypeProvider>();
  const readers = allow(...ORDER_READERS);

  r.get('/mailbox', { config: readers, schema: { querystring: ListQuery } }, async (req, reply) => {
    const zone = adminTimeZone();
    const page = await listMail(services.conn.db, req.query.page, PER_PAGE);
    return sendPage(
      reply,
      200,
      <Layout title={m.title} session={req.adminSession} nav="mailbox" shopName={services.config.shopName}>
        <h1>{m.title}</h1>
        <SmtpNote services={services} />
        <p class="muted" aria-live="polite">
          {m.count(page.total)}
        </p>
        <MailList page={page} zone={zone} />
        <Pager page={page.page} pages={page.pages} href={(n) => (n > 1 ? `/admin/mailbox?page=${n}` : '/admin/mailbox')} />
      </Layout>,
    );
  });

  r.get(
    '/mailbox/:id',
    {
      config: readers,
      schema: { params: Params },
      onSend: async (_req, reply, payload) => {
        const policy = allowInlineStyles(reply.getHeader('content-security-policy'));
        if (policy) reply.header('content-security-policy', policy);
        return payload;
      },
    },
    async (req, reply) => {
      const mail = await getMail(services.conn.db, req.params.id);
      if (!mail) throw notFound(`E-mail ${req.params.id}`);
      const zone = adminTimeZone();
      return sendPage(
        reply,
        200,
        <Layout title={mail.subject} session={req.adminSession} nav="mailbox" shopName={services.config.shopName}>
          <p class="crumbs">
            <a href="/admin/mailbox">{m.backToList}</a>
          </p>
          <h1>{mail.subject}</h1>
          <dl class="mail-headers">
            <dt>{m.to}</dt>
            <dd>{mail.to}</dd>
            <dt>{m.date}</dt>
            <dd>
              <time datetime={mail.createdAt}>{formatDateTime(mail.createdAt, t.numberLocale, zone)}</time>
            </dd>
          </dl>
          <h2>{m.htmlPart}</h2>
          {mail.html ? (
            <>
              <p class="hint">{m.htmlNote}</p>
              {/* An empty sandbox: no scripts, no forms, no popups, no same-origin access; srcdoc is escaped by preact. */}
              <iframe class="mail-frame" title={m.htmlFrame} sandbox="" srcdoc={mail.html} referrerpolicy="no-referrer" loading="lazy" />
            </>
          ) : (
            <p class="muted">{m.noHtml}</p>
          )}
          <h2>{m.textPart}</h2>
          <pre class="mail-text">{mail.text}</pre>
        </Layout>,
      );
    },
  );
}
