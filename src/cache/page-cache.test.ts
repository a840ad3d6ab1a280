import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createPageCache } from './page-cache.ts';

const page = (body: string, tags: string[], status = 200) => async () => ({ status, body, contentType: 'text/html; charset=utf-8', tags });

describe('page cache', () => {
  it('renders once, then serves the same bytes, compressed ahead of time', async () => {
    const cache = createPageCache();
    let renders = 0;
    const render = async () => {
      renders++;
      return page('<p>hello</p>'.repeat(50), ['product:1'])();
    };
    const a = await cache.get('/fr/products/a', render);
    const b = await cache.get('/fr/products/a', render);
    assert.equal(renders, 1);
    assert.equal(a.hit, false);
    assert.equal(b.hit, true);
    assert.equal(gunzipSync(b.page.gzip).toString(), '<p>hello</p>'.repeat(50));
    assert.equal(brotliDecompressSync(b.page.br).toString(), '<p>hello</p>'.repeat(50));
    assert.match(b.page.etag, /^"[\w-]{22}"$/);
  });

  it('renders a page once for 100 simultaneous misses', async () => {
    const cache = createPageCache();
    let renders = 0;
    const render = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 20));
      return page('<p>x</p>', ['collection:2'])();
    };
    const results = await Promise.all(Array.from({ length: 100 }, () => cache.get('/fr/collections/x', render)));
    assert.equal(renders, 1);
    assert.equal(new Set(results.map((r) => r.page.etag)).size, 1);
    assert.equal(cache.stats().coalesced, 99);
  });

  it('forgets exactly the pages that carry an invalidated tag', async () => {
    const cache = createPageCache();
    await cache.get('a', page('A', ['product:1', 'collection:1']));
    await cache.get('b', page('B', ['product:2', 'collection:1']));
    await cache.get('c', page('C', ['product:3']));
    assert.equal(cache.invalidate(['product:1']), 1);
    assert.equal(cache.peek('a'), undefined);
    assert.ok(cache.peek('b'));
    assert.equal(cache.invalidate(['collection:1']), 1);
    assert.equal(cache.peek('b'), undefined);
    assert.ok(cache.peek('c'));
  });

  it('does not keep a render that started before an invalidation', async () => {
    const cache = createPageCache();
    let release!: () => void;
    const slow = cache.get('a', async () => {
      await new Promise<void>((r) => (release = r));
      return page('old price', ['product:1'])();
    });
    await new Promise((r) => setImmediate(r));
    cache.invalidate(['product:1']);
    release();
    await slow;
    assert.equal(cache.peek('a'), undefined, 'the stale render was not stored');
  });

  it('keeps a render whose tags were not invalidated meanwhile', async () => {
    const cache = createPageCache();
    let release!: () => void;
    const slow = cache.get('a', async () => {
      await new Promise<void>((r) => (release = r));
      return page('plate', ['product:2'])();
    });
    await new Promise((r) => setImmediate(r));
    cache.invalidate(['product:1']);
    release();
    await slow;
    assert.ok(cache.peek('a'), 'another product’s edit does not concern this page');
  });

  it('reconciles facts: drops only the pages showing another value, within the tags given', async () => {
    const cache = createPageCache();
    const withFacts = (body: string, tags: string[], facts: Record<string, string>) => async () => ({ ...(await page(body, tags)()), facts });
    await cache.get('p1', withFacts('in stock', ['product:1'], { v1: 'in-stock', v2: 'sold-out' }));
    await cache.get('p1-v2', withFacts('sold out', ['product:1'], { v1: 'in-stock', v2: 'sold-out' }));
    await cache.get('list', withFacts('cards', ['product:1', 'product:2'], { a1: '1', a2: '1' }));
    await cache.get('p2', withFacts('other', ['product:2'], { v1: 'low:3' }));
    // v1 still in stock, v2 now low: both product pages show v2 as sold out; the card still says available.
    const removed = cache.reconcile(new Map([['v1', 'in-stock'], ['v2', 'low:2'], ['a1', '1']]), ['product:1']);
    assert.equal(removed, 2);
    assert.equal(cache.peek('p1'), undefined);
    assert.equal(cache.peek('p1-v2'), undefined);
    assert.ok(cache.peek('list'));
    assert.ok(cache.peek('p2'), 'outside the tags given, even with a differing fact');
  });

  it('does not keep a render that read a fact older than the last reconcile', async () => {
    const cache = createPageCache();
    const render = (value: string) => {
      let release!: () => void;
      const started = cache.get(value, async () => {
        await new Promise<void>((r) => (release = r));
        return { ...(await page(value, ['product:1'])()), facts: { v1: value } };
      });
      return { done: async () => (release(), started) };
    };
    const stale = render('in-stock');
    const fresh = render('low:4');
    await new Promise((r) => setImmediate(r));
    cache.reconcile(new Map([['v1', 'low:4']]), ['product:1']);
    await stale.done();
    await fresh.done();
    assert.equal(cache.peek('in-stock'), undefined, 'read before the stock moved');
    assert.ok(cache.peek('low:4'), 'agrees with the fresh read');
  });

  it('keeps only successful pages and stays under its size by dropping the least recently used', async () => {
    const cache = createPageCache({ maxBytes: 2000 });
    await cache.get('missing', page('not found', [], 404));
    assert.equal(cache.peek('missing'), undefined);
    const big = 'x'.repeat(900);
    await cache.get('1', page(big + '1', ['p:1']));
    await cache.get('2', page(big + '2', ['p:2']));
    await cache.get('1', page('unused', []));
    await cache.get('3', page(big + '3', ['p:3']));
    assert.ok(cache.stats().bytes <= 2000);
    assert.ok(cache.peek('1'), 'recently used kept');
    assert.equal(cache.peek('2'), undefined, 'least recently used dropped');
  });
});

describe('page cache turned off', () => {
  it('renders every request and compresses only what is asked', async () => {
    const cache = createPageCache({ maxBytes: 0 });
    let renders = 0;
    const render = async () => {
      renders++;
      return page('<p>fresh</p>', ['product:1'])();
    };
    const a = await cache.get('/fr/products/a', render);
    const b = await cache.get('/fr/products/a', render);
    assert.equal(renders, 2);
    assert.equal(a.hit || b.hit, false);
    assert.equal(cache.peek('/fr/products/a'), undefined);
    assert.equal(gunzipSync(b.page.gzip).toString(), '<p>fresh</p>');
  });
});
