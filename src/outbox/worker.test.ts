import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { enqueue } from './enqueue.ts';
import { backoffMs, createOutboxWorker, MAX_ATTEMPTS } from './worker.ts';

const silent = { error: () => {} };

describe('outbox delivery', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ WORKER: '0' });
  });
  after(() => shop.close());
  const db = () => shop.services.conn.db;
  const row = (key: string) => db().selectFrom('outbox').selectAll().where('dedupe_key', '=', key).executeTakeFirstOrThrow();

  it('delivers a message once, and the same event queued twice is one message', async () => {
    const seen: unknown[] = [];
    const worker = createOutboxWorker({ db: db(), handlers: { 'test.once': async (p) => void seen.push(p) }, log: silent });
    await enqueue(db(), 'test.once', 'once-1', { n: 1 });
    await enqueue(db(), 'test.once', 'once-1', { n: 2 });
    await worker.nudge();
    await worker.nudge();
    assert.deepEqual(seen, [{ n: 1 }]);
    assert.equal((await row('once-1')).status, 'sent');
  });

  it('retries a failed delivery later with a growing delay, and gives up after the last attempt', async () => {
    let calls = 0;
    const worker = createOutboxWorker({
      db: db(),
      handlers: {
        'test.flaky': async () => {
          calls++;
          throw new Error('SMTP is down');
        },
      },
      log: silent,
    });
    await enqueue(db(), 'test.flaky', 'flaky-1', {});
    await worker.nudge();
    const first = await row('flaky-1');
    assert.equal(first.status, 'pending');
    assert.equal(first.attempts, 1);
    assert.equal(first.last_error, 'SMTP is down');
    assert.ok(Date.parse(first.next_attempt_at) > Date.now() + backoffMs(1) - 2000, 'not retried at once');
    await worker.nudge();
    assert.equal(calls, 1, 'nothing is due before the backoff');
    for (let i = 2; i <= MAX_ATTEMPTS; i++) await worker.deliver(new Date(Date.now() + 30 * 86_400_000));
    const last = await row('flaky-1');
    assert.equal(last.status, 'failed');
    assert.equal(last.attempts, MAX_ATTEMPTS);
    assert.equal(calls, MAX_ATTEMPTS);
  });

  it('lets two workers share the outbox without delivering a message twice', async () => {
    const seen: string[] = [];
    const handler = async (p: { id: string }) => {
      await new Promise((r) => setTimeout(r, 5));
      seen.push(p.id);
    };
    const a = createOutboxWorker({ db: db(), handlers: { 'test.shared': handler }, log: silent, batch: 3 });
    const b = createOutboxWorker({ db: db(), handlers: { 'test.shared': handler }, log: silent, batch: 3 });
    for (let i = 0; i < 20; i++) await enqueue(db(), 'test.shared', `shared-${i}`, { id: `m${i}` });
    await Promise.all([a.nudge(), b.nudge(), a.nudge(), b.nudge()]);
    assert.equal(seen.length, 20);
    assert.equal(new Set(seen).size, 20);
  });

  it('answers many commits in a short time with one pass that delivers all they queued', async () => {
    let calls = 0;
    const worker = createOutboxWorker({ db: db(), handlers: { 'test.batch': async () => void calls++ }, log: silent });
    for (let i = 0; i < 10; i++) {
      await enqueue(db(), 'test.batch', `batch-${i}`, {});
      worker.soon(20);
    }
    await new Promise((r) => setTimeout(r, 150));
    const sent = await db().selectFrom('outbox').select('status').where('topic', '=', 'test.batch').execute();
    assert.deepEqual([...new Set(sent.map((s) => s.status))], ['sent']);
    assert.equal(calls, 10);
  });
});
