import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { type AdminClient, loggedIn } from './test-client.ts';
import { placeOrder, stockedProduct } from './test-orders.ts';

describe('admin mailbox', () => {
  let shop: TestShop;
  let c: AdminClient;

  before(async () => {
    // The worker delivers the outbox in this process, as in the demo.
    shop = await startTestShop({ WORKER: '1', LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  async function mailTo(email: string, timeoutMs = 5000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const row = await shop.services.conn.db.selectFrom('mailbox').selectAll().where('to_address', '=', email).executeTakeFirst();
      if (row) return row;
      if (Date.now() > until) throw new Error(`no mail to ${email} after ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  it('lists the confirmation of a card order, newest first, and shows it', async () => {
    const { variant } = await stockedProduct(shop.services, 5);
    const order = await placeOrder(shop.services, { lines: [{ variantId: variant.id, quantity: 1 }], email: 'mailbox-buyer@example.com' });
    const mail = await mailTo('mailbox-buyer@example.com');
    assert.match(mail.subject, new RegExp(`${order.number}`));

    const list = await c.get('/admin/mailbox');
    assert.equal(list.status, 200);
    const html = await list.text();
    assert.match(html, new RegExp(`<a href="/admin/mailbox/${mail.id}">[^<]*${order.number}[^<]*</a></th><td data-label="To">mailbox-buyer@example.com</td>`));
    assert.match(html, /Without an SMTP server, the shop keeps the e-mails it sends here/);

    const page = await c.get(`/admin/mailbox/${mail.id}`);
    assert.equal(page.status, 200);
    const body = await page.text();
    assert.match(body, /<iframe class="mail-frame" title="HTML version of the e-mail" sandbox srcdoc="&lt;!doctype html>&lt;html lang=&quot;fr&quot;>/);
    assert.match(body, new RegExp(`<pre class="mail-text">Bonjour,\\n\\nMerci pour votre commande n° ${order.number}`));
  });

  it('keeps a mail’s HTML inside a sandboxed frame where no script can run', async () => {
    await shop.services.mailer.send({
      to: 'victim@example.com',
      subject: '<img src=x onerror=alert(1)> Subject',
      text: '</pre><script>alert("text")</script>',
      html: '<p style="color:red">Hi</p><script>alert("html")</script><img src=x onerror="alert(2)">"\'></iframe><script>alert(3)</script>',
      messageId: '<evil@test>',
    });
    const row = await mailTo('victim@example.com');
    const res = await c.get(`/admin/mailbox/${row.id}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    // The whole tag, attribute by attribute: quoted values may hold ">", never a raw quote.
    const iframe = /<iframe(?:\s+[\w-]+(?:="[^"]*")?)*\s*\/?>/.exec(html)![0];
    assert.match(iframe, / sandbox srcdoc=/, 'an empty sandbox: every restriction applies');
    assert.doesNotMatch(iframe, /allow-scripts|allow-same-origin/);
    assert.match(iframe, /srcdoc="&lt;p style=&quot;color:red&quot;>Hi&lt;\/p>&lt;script>alert\(&quot;html&quot;\)&lt;\/script>&lt;img src=x onerror=&quot;alert\(2\)&quot;>&quot;'>&lt;\/iframe>&lt;script>alert\(3\)&lt;\/script>"/);
    assert.equal(html.match(/<script\b/g)?.length, 1, 'only the admin’s own script tag');
    assert.equal(html.match(/<iframe\b/g)?.length, 1);
    assert.doesNotMatch(html, /<img src=x/);
    assert.match(html, /<pre class="mail-text">&lt;\/pre>&lt;script>alert\(&quot;text&quot;\)&lt;\/script><\/pre>/);

    const csp = res.headers.get('content-security-policy')!;
    assert.match(csp, /script-src 'self'(;|$)/, 'scripts stay limited to the admin’s own');
    assert.match(csp, /style-src 'self' 'unsafe-inline'/, 'the mail’s inline styles apply');
    assert.doesNotMatch((await c.get('/admin/mailbox')).headers.get('content-security-policy')!, /unsafe-inline/, 'only on the message page');

    const list = await (await c.get('/admin/mailbox')).text();
    assert.match(list, /&lt;img src=x onerror=alert\(1\)> Subject<\/a>/);
    assert.match(list, /<a href="\/admin\/mailbox\/\d+">&lt;img src=x[\s\S]*<a href="\/admin\/mailbox\/\d+">[^<]*commande/, 'newest first');
  });

  it('lets support staff read the mailbox but not packers, and answers 404 for a missing mail', async () => {
    const support = await loggedIn(shop.url, shop.services, 'support');
    assert.equal((await support.get('/admin/mailbox')).status, 200);
    assert.match(await (await support.get('/admin/orders')).text(), /href="\/admin\/mailbox"/);
    const packer = await loggedIn(shop.url, shop.services, 'packer');
    assert.equal((await packer.get('/admin/mailbox')).status, 403);
    assert.equal((await c.get('/admin/mailbox/999999')).status, 404);
    assert.equal((await c.get('/admin/mailbox?page=0')).status, 400);
  });
});

describe('admin mailbox with an SMTP server configured', () => {
  it('says mails are sent, not kept', async () => {
    // Nothing is sent in this test: the transport connects only when a mail goes out.
    const shop = await startTestShop({ WORKER: '0', SMTP_URL: 'smtp://127.0.0.1:1' });
    try {
      const c = await loggedIn(shop.url, shop.services);
      const html = await (await c.get('/admin/mailbox')).text();
      assert.match(html, /<p class="notice">An SMTP server is configured: e-mails are sent, not kept here\./);
      assert.match(html, /No e-mails yet\./);
    } finally {
      await shop.close();
    }
  });
});
