import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the SMTP server received it: the envelope, and the message parsed as a mail client would. */
export type ReceivedMail = { from: string | null; to: string[]; mail: ParsedMail };

export type TestSmtp = {
  /** For SMTP_URL: plain SMTP on loopback, no TLS, no login. */
  url: string;
  messages: ReceivedMail[];
  /** The first message (already received or still to come) for which `pred` holds; rejects after `ms`. */
  waitFor: (pred: (m: ReceivedMail) => boolean, ms?: number) => Promise<ReceivedMail>;
  close: () => Promise<void>;
};

/**
 * A real SMTP server on a free loopback port, keeping every message it accepts, so tests see what
 * nodemailer really sent over the wire (headers, encodings, both parts) rather than what we meant to send.
 */
export async function startSmtp(): Promise<TestSmtp> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<{ pred: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }>();

  const server = new SMTPServer({
    authOptional: true,
    secure: false,
    // Not advertised, so nodemailer does not try to upgrade a loopback connection to TLS.
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A test must not wait 30 s for a client that forgot to say QUIT.
    closeTimeout: 1_000,
    async onData(stream, session, callback) {
      try {
        const mail = await simpleParser(stream);
        const { mailFrom, rcptTo } = session.envelope;
        const received: ReceivedMail = { from: mailFrom ? mailFrom.address : null, to: rcptTo.map((r) => r.address), mail };
        messages.push(received);
        for (const w of waiters) {
          if (w.pred(received)) {
            waiters.delete(w);
            w.resolve(received);
          }
        }
        callback();
      } catch (e) {
        callback(e as Error);
      }
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after start (a client dropping the line) are the client's problem, not a crash of the test run.
  server.on('error', () => {});
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  function waitFor(pred: (m: ReceivedMail) => boolean, ms = 10_000): Promise<ReceivedMail> {
    const found = messages.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const waiter = {
        pred,
        resolve: (m: ReceivedMail) => {
          clearTimeout(timer);
          resolve(m);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        const got = messages.map((m) => `${m.to.join(', ')}: ${m.mail.subject ?? ''}`);
        reject(new Error(`no matching e-mail within ${ms} ms; received ${got.length ? got.join(' | ') : 'nothing'}`));
      }, ms);
      waiters.add(waiter);
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
