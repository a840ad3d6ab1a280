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
