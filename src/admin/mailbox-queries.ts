import type { Executor } from '../db/connection.ts';

// Read-only queries for the demo mailbox, the table the mailer writes when no SMTP server is set.

export type MailSummary = { id: number; to: string; subject: string; createdAt: string };
export type Mail = MailSummary & { text: string; html: string };
export type MailPage = { items: MailSummary[]; total: number; page: number; pages: number };

/** One page of kept e-mails, newest first, and how many there are. */
export async function listMail(db: Executor, page: number, perPage: number): Promise<MailPage> {
  const [count, rows] = await Promise.all([
    db.selectFrom('mailbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    db
      .selectFrom('mailbox')
      .select(['id', 'to_address', 'subject', 'created_at'])
      .orderBy('id', 'desc')
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute(),
  ]);
  const total = Number(count.n);
  return {
    items: rows.map((r) => ({ id: r.id, to: r.to_address, subject: r.subject, createdAt: r.created_at })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}

export async function getMail(db: Executor, id: number): Promise<Mail | null> {
  const r = await db.selectFrom('mailbox').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? { id: r.id, to: r.to_address, subject: r.subject, createdAt: r.created_at, text: r.text_body, html: r.html_body } : null;
}
