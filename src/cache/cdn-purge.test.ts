import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { loadConfig } from '../config.ts';
import { CDN_PURGE_TOPIC, cdnPurgeHandlers, createCdnPurgeQueue } from './cdn-purge.ts';

const config = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(32), ...env });

describe('CDN purge', () => {
  it('posts the tags as JSON with the bearer token', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fake = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('{}', { status: 200 });
    }) as typeof fetch;
    const handlers = cdnPurgeHandlers(config({ CDN_PURGE_URL: 'https://cdn.example/purge', CDN_PURGE_TOKEN: 'secret' }), fake);
    await handlers[CDN_PURGE_TOPIC]!({ tags: ['product-1', 'nav'] }, { id: 1, dedupeKey: 'k', attempts: 1 });
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.url, 'https://cdn.example/purge');
    assert.equal(calls[0]!.init.method, 'POST');
    assert.deepEqual(calls[0]!.init.headers, { 'content-type': 'application/json', authorization: 'Bearer secret' });
    assert.deepEqual(JSON.parse(String(calls[0]!.init.body)), { tags: ['product-1', 'nav'] });
  });

  it('fails on an answer other than 2xx, so the outbox retries it', async () => {
    const fake = (async () => new Response('busy', { status: 429 })) as unknown as typeof fetch;
    const handlers = cdnPurgeHandlers(config({ CDN_PURGE_URL: 'https://cdn.example/purge' }), fake);
    await assert.rejects(handlers[CDN_PURGE_TOPIC]!({ tags: ['nav'] }, { id: 1, dedupeKey: 'k', attempts: 1 }), /answered 429/);
  });

  it('drops a message queued before the CDN was unconfigured', async () => {
    let called = false;
    const fake = (async () => ((called = true), new Response('{}'))) as unknown as typeof fetch;
    await cdnPurgeHandlers(config({}), fake)[CDN_PURGE_TOPIC]!({ tags: ['nav'] }, { id: 1, dedupeKey: 'k', attempts: 1 });
    assert.equal(called, false);
  });

  describe('queue', () => {
    let shop: TestShop;
    before(async () => {
      shop = await startTestShop({ WORKER: '0', CDN_PURGE_URL: 'http://127.0.0.1:9/purge' });
    });
    after(() => shop.close());

    const messages = async () =>
      (await shop.services.conn.db.selectFrom('outbox').select(['payload', 'dedupe_key']).where('topic', '=', CDN_PURGE_TOPIC).orderBy('id').execute()).map((r) => JSON.parse(r.payload).tags);

    it('gathers the tags of many changes into one outbox message', async () => {
      let nudged = 0;
      const queue = createCdnPurgeQueue({ db: shop.services.conn.db, config: shop.config, nudge: () => nudged++, log: console, delayMs: 100 });
      for (let i = 0; i < 50; i++) queue.add([`product-${i % 5}`, 'products']);
      assert.deepEqual(await messages(), [], 'nothing written before the delay');
      await new Promise((r) => setTimeout(r, 250));
      assert.deepEqual(await messages(), [['product-0', 'product-1', 'product-2', 'product-3', 'product-4', 'products']]);
      assert.equal(nudged, 1);
      queue.add(['nav']);
      await queue.flush();
      assert.equal((await messages()).length, 2);
    });

    it('writes nothing without a CDN configured', async () => {
      const before = (await messages()).length;
      const queue = createCdnPurgeQueue({ db: shop.services.conn.db, config: { ...shop.config, cdnPurge: null }, nudge: () => undefined, log: console, delayMs: 10 });
      queue.add(['nav']);
      await queue.flush();
      assert.equal((await messages()).length, before);
    });
  });
});
