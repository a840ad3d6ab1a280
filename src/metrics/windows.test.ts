import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHitRatioWindow } from './hit-ratio-window.ts';
import { createLatencyWindow } from './latency-window.ts';
import { createRegistry } from './registry.ts';
import { createVisitorWindow } from './visitor-window.ts';

function clock(start = 1_700_000_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('latency window', () => {
  it('gives p50 and p99 within 5% above the true value, never below', () => {
    const c = clock();
    const w = createLatencyWindow({ now: c.now });
    // 1..1000 ms: the true p50 is 500 ms and the true p99 990 ms.
    for (let ms = 1; ms <= 1000; ms++) w.record(ms);
    const s = w.summary();
    assert.equal(s.count, 1000);
    assert.ok(s.p50Ms! >= 500 && s.p50Ms! <= 525, `p50 ${s.p50Ms}`);
    assert.ok(s.p99Ms! >= 990 && s.p99Ms! <= 1040, `p99 ${s.p99Ms}`);
  });

  it('forgets requests older than the window and reports none when empty', () => {
    const c = clock();
    const w = createLatencyWindow({ now: c.now, seconds: 60 });
    assert.deepEqual(w.summary(), { count: 0, perSecond: 0, p50Ms: null, p99Ms: null });
    for (let i = 0; i < 97; i++) w.record(2);
    for (let i = 0; i < 3; i++) w.record(3000);
    c.advance(30_000);
    for (let i = 0; i < 100; i++) w.record(4);
    assert.equal(w.summary().count, 200);
    assert.ok(w.summary().p99Ms! >= 3000, 'the three slow requests are the top 1.5%');
    c.advance(31_000);
    const later = w.summary();
    assert.equal(later.count, 100);
    assert.ok(later.p99Ms! >= 4 && later.p99Ms! < 4.3, `p99 ${later.p99Ms}`);
    c.advance(60_000);
    assert.equal(w.summary().count, 0);
  });

  it('divides by the time covered so far, not a full minute, right after boot', () => {
    const c = clock();
    const w = createLatencyWindow({ now: c.now });
    c.advance(10_000);
    for (let i = 0; i < 50; i++) w.record(1);
    assert.equal(w.summary().perSecond, 5);
  });

  it('puts sub-millisecond and very long requests in the end buckets instead of failing', () => {
    const w = createLatencyWindow();
    w.record(0);
    w.record(-1);
    w.record(Number.NaN);
    w.record(10 * 60_000);
    assert.equal(w.summary().count, 4);
    assert.ok(w.summary().p99Ms! >= 120_000);
  });
});

describe('visitor window', () => {
  it('counts each IP and user agent pair once over five minutes', () => {
    const c = clock();
    const w = createVisitorWindow({ now: c.now });
    w.touch('203.0.113.7', 'Phone');
    w.touch('203.0.113.7', 'Phone');
    w.touch('203.0.113.7', 'Laptop');
    w.touch('198.51.100.1', 'Phone');
    assert.equal(w.count(), 3);
    c.advance(4 * 60_000);
    w.touch('198.51.100.1', 'Phone'); // still here: seen again
    c.advance(2 * 60_000);
    assert.equal(w.count(), 1);
    c.advance(5 * 60_000);
    assert.equal(w.count(), 0);
  });

  it('keeps no more visitors than its bound, forgetting the least recently seen', () => {
    const w = createVisitorWindow({ maxTracked: 100 });
    for (let i = 0; i < 1000; i++) w.touch(`10.0.${i >> 8}.${i & 255}`, 'bot');
    assert.equal(w.count(), 100);
  });
});

describe('page cache hit ratio', () => {
  it('reads the share of the last minute once a minute of history exists, and the whole run before', () => {
    const c = clock();
    const w = createHitRatioWindow({ now: c.now });
    assert.equal(w.ratio({ hits: 0, misses: 0 }), 0);
    assert.equal(w.ratio({ hits: 50, misses: 50 }), 0.5);
    for (let i = 1; i <= 13; i++) {
      c.advance(5000);
      w.ratio({ hits: 50 + i * 10, misses: 50 });
    }
    // The last minute had only hits; since boot it is 180 of 230.
    assert.equal(w.ratio({ hits: 180, misses: 50 }), 1);
    c.advance(5000);
    assert.equal(w.ratio({ hits: 180, misses: 70, coalesced: 0 }), 110 / 130);
  });

  it('starts over when the counts go down, as a new cache would', () => {
    const c = clock();
    const w = createHitRatioWindow({ now: c.now });
    w.ratio({ hits: 1000, misses: 0 });
    c.advance(10_000);
    assert.equal(w.ratio({ hits: 1, misses: 3 }), 0.25);
  });
});

describe('metrics registry', () => {
  it('prefixes names, refuses names Prometheus would not take, and reads 0 for a figure nobody reports', async () => {
    const r = createRegistry();
    assert.throws(() => r.gauge('Queue-Length', 'x', () => 1), /lower-case/);
    r.gauge('things', 'Things', () => 3);
    assert.equal(await r.value('things'), 3);
    assert.equal(await r.value('comptoir_things'), 3);
    assert.equal(await r.value('nobody_reports_this'), 0);
    assert.match((await r.exposition()).body, /^comptoir_things 3$/m);
  });

  it('lets a later gauge take over a name, and hands back the same counter for the same name', async () => {
    const r = createRegistry();
    r.gauge('queue_length', 'default', () => 0);
    r.gauge('queue_length', 'the real one', () => 12);
    assert.equal(await r.value('queue_length'), 12);
    const body = (await r.exposition()).body;
    assert.equal(body.match(/^# HELP comptoir_queue_length /gm)?.length, 1);
    r.histogram('wait_seconds', 'Waits, default buckets').observe(0.3);
    assert.match((await r.exposition()).body, /^comptoir_wait_seconds_count 1$/m);
    r.counter('refusals_total', 'Refusals').inc();
    r.counter('refusals_total', 'Refusals').inc({}, 2);
    assert.match((await r.exposition()).body, /^comptoir_refusals_total 3$/m);
  });

  it('reports labelled values afresh at every scrape, dropping those that left', async () => {
    const r = createRegistry();
    let skus = ['A', 'B'];
    r.labelledGauge('stock', 'Stock', ['sku'], () => skus.map((sku, i) => ({ labels: { sku }, value: i + 1 })));
    assert.match((await r.exposition()).body, /^comptoir_stock\{sku="B"\} 2$/m);
    skus = ['C'];
    const body = (await r.exposition()).body;
    assert.doesNotMatch(body, /sku="B"/);
    assert.match(body, /^comptoir_stock\{sku="C"\} 1$/m);
  });
});
