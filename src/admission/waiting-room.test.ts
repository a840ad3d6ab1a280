import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { request } from 'node:http';
import { startQueueShop, type QueueShop } from './test-queue.ts';

describe('waiting room page', () => {
  let q: QueueShop;
  before(async () => {
    q = await startQueueShop();
  });
  after(() => q.shop.close());

  const get = (path: string, headers: Record<string, string> = {}) => fetch(q.shop.url + path, { redirect: 'manual', headers: { accept: 'text/html', 'accept-encoding': 'identity', ...headers } });

  it('is a few KB of static HTML that browsers and CDNs may keep for a few seconds', async () => {
    const r = await get('/waiting-room?return=/fr/checkout&position=3&wait=120');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'public, max-age=5');
    assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(r.headers.getSetCookie().length, 0, 'no cookie: nothing personal goes out with it');
    assert.match(r.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    const html = await r.text();
    const bytes = Buffer.byteLength(html);
    assert.ok(bytes < 4096, `the page is ${bytes} bytes`);
    assert.ok(gzipSync(html).length < 1500);
    assert.match(html, /<html lang="fr">/);
    assert.match(html, /<noscript><meta http-equiv="refresh" content="10;url=\/fr\/checkout"\/><\/noscript>/);
    assert.match(html, /<script src="\/assets\/waiting-room\.js\?v=[0-9a-f]{8}" defer><\/script>/);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/waiting-room\.css\?v=[0-9a-f]{8}"\/>/);
    assert.match(html, /<p class="wr-position" id="wr-position">3<\/p>/);
    assert.match(html, /Attente estimée\u00a0: environ 2\u00a0min/);
    assert.match(html, /<a class="wr-button" href="\/fr\/checkout">Vérifier maintenant<\/a>/);
    assert.doesNotMatch(html, /<script>|style="/, 'no inline script or style (the CSP forbids them)');

    // The same for every shopper at that place, whatever their cookies.
    const other = await get('/waiting-room?return=/fr/checkout&position=3&wait=120', { cookie: 'ticket=abc; cart=def' });
    assert.equal(await other.text(), html);
  });

  it('is compressed once and sent as brotli or gzip to whoever accepts it', async () => {
    const path = '/waiting-room?return=/en/checkout&position=7&wait=60';
    const plain = await (await get(path)).text();
    for (const [encoding, decode] of [['br', brotliDecompressSync], ['gzip', gunzipSync]] as const) {
      const raw = await rawGet(path, encoding);
      assert.equal(raw.headers['content-encoding'], encoding);
      assert.match(String(raw.headers.vary), /accept-encoding/i);
      assert.equal(raw.headers['cache-control'], 'public, max-age=5');
      assert.ok(raw.body.length < 1200, `${encoding}: ${raw.body.length} bytes`);
      assert.equal(decode(raw.body).toString(), plain);
    }
  });

  /** A GET that leaves the body encoded, as it travels. */
  function rawGet(path: string, encoding: string): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
    return new Promise((resolve, reject) => {
      request(q.shop.url + path, { headers: { 'accept-encoding': encoding } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
  }

  it('speaks the language of the checkout it returns to', async () => {
    const html = await (await get('/waiting-room?return=/en/checkout&position=12&wait=30')).text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /You are in line/);
    assert.match(html, /Estimated wait: under a minute/);
    assert.match(html, /content="10;url=\/en\/checkout"/);
    const plain = await (await get('/waiting-room')).text();
    assert.match(plain, /<html lang="fr">/, 'the default locale without a return path');
    assert.match(plain, /<p class="wr-position" id="wr-position">…<\/p>/);
  });

  it('refuses a return path other than the checkout, and other bad query values, naming the field', async () => {
    for (const [query, field] of [
      ['return=https://evil.example/', 'return'],
      ['return=//evil.example/fr/checkout', 'return'],
      ['position=first', 'position'],
      ['position=0', 'position'],
      ['wait=-5', 'wait'],
      ['sold-out=yes', 'sold-out'],
      ['colour=red', 'colour'],
    ]) {
      const r = await get(`/waiting-room?${query}`, { accept: 'application/json' });
      assert.equal(r.status, 400, query);
      const body = await r.json();
      assert.equal(body.error.code, 'VALIDATION_FAILED', query);
      assert.ok(body.error.fields.some((f: { field: string }) => f.field === field), `${query}: ${JSON.stringify(body.error.fields)}`);
    }
  });

  it('serves its script and stylesheet small and cached for a year', async () => {
    let total = 0;
    for (const file of ['waiting-room.js', 'waiting-room.css']) {
      const r = await get(`/assets/${file}`);
      assert.equal(r.status, 200, file);
      assert.match(r.headers.get('cache-control') ?? '', /max-age=31536000/);
      total += (await r.arrayBuffer()).byteLength;
    }
    assert.ok(total < 5000, `script and stylesheet weigh ${total} bytes`);
  });

  it('answers the status of nobody in line with no place and no caching', async () => {
    const r = await get('/waiting-room/status', { accept: 'application/json' });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    assert.deepEqual(await r.json(), { state: 'none', pollSeconds: 15 });
  });
});
