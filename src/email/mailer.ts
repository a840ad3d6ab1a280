import type { Transporter } from 'nodemailer';
import type { Db } from '../db/connection.ts';
import { nowIso } from '../lib/clock.ts';

export type Mail = { to: string; subject: string; text: string; html: string; messageId: string; attachments?: { filename: string; content: Buffer; contentType: string }[] };
export type Mailer = { send(mail: Mail): Promise<void>; kind: 'smtp' | 'mailbox' };

/** SMTP when configured; otherwise the demo mailbox, a table the admin can read. */
export function createMailer(deps: { db: Db; smtpUrl: string | null; from: string }): Mailer {
  if (deps.smtpUrl) {
    const url = deps.smtpUrl;
    // nodemailer is loaded with the first e-mail, not at start.
    let transport: Promise<Transporter> | null = null;
    const connect = () => (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url, { from: deps.from })));
    return {
      kind: 'smtp',
      async send(mail) {
        const t = await connect();
        // A stable Message-ID: if a crash makes us send twice, mail clients show one message.
        await t.sendMail({ from: deps.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId, attachments: mail.attachments });
      },
    };
  }
  return {
    kind: 'mailbox',
    async send(mail) {
      await deps.db.insertInto('mailbox').values({ to_address: mail.to, subject: mail.subject, text_body: mail.text, html_body: mail.html, created_at: nowIso() }).execute();
    },
  };
}
