import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { estimateWaitSeconds, pollSeconds, roundWait } from './estimate.ts';
import { createMemoryAdmissionStore, IDLE_TICKET_MS, type AdmissionStore, type EnterResult, type QueueMode, type TicketClaim } from './store.ts';
import { formatAdmission, formatTicket, parseAdmission, parseTicket } from './tokens.ts';

const T0 = 1_700_000_000_000;
const SESSION = 15 * 60_000;

function shopper(store: AdmissionStore, id: string, now: number, ticket: TicketClaim | null = null, mode: QueueMode = 'auto', capacity = 2) {
  return store.enter({ now, capacity, mode, ticket, admission: { id, until: now + SESSION } });
}
const ticketOf = (r: EnterResult) => {
  assert.equal(r.admitted, false);
  return r.admitted ? null! : r.ticket;
};

describe('admission store (in memory)', () => {
  it('admits up to capacity at once, then queues newcomers in the order they came', async () => {
    const store = createMemoryAdmissionStore();
    assert.deepEqual(await shopper(store, 'a', T0), { admitted: true, fromTicket: false });
    assert.deepEqual(await shopper(store, 'b', T0), { admitted: true, fromTicket: false });
    const c = await shopper(store, 'c', T0);
    const d = await shopper(store, 'd', T0);
    assert.deepEqual([c.admitted, d.admitted], [false, false]);
    assert.equal(!c.admitted && c.position, 1);
    assert.equal(!d.admitted && d.position, 2);
    assert.ok(ticketOf(d).number > ticketOf(c).number);
    assert.deepEqual(await store.stats(T0), { active: 2, waiting: 2, admittedLastMinute: 2 });
  });

  it('lets the first ticket in when a place frees, and nobody new walks past the line', async () => {
    const store = createMemoryAdmissionStore();
    await shopper(store, 'a', T0);
    await shopper(store, 'b', T0);
    const c = ticketOf(await shopper(store, 'c', T0));
    const d = ticketOf(await shopper(store, 'd', T0));
    await store.release('a');
    // d asks first, but c is ahead: d waits; a newcomer without a ticket joins behind both.
    assert.equal((await shopper(store, 'd', T0 + 1, d)).admitted, false);
    const e = await shopper(store, 'e', T0 + 1);
    assert.equal(!e.admitted && e.position, 3);
    assert.deepEqual(await store.ticketStatus(d, T0 + 1), { position: 2, active: 1 });
    assert.deepEqual(await shopper(store, 'c', T0 + 2, c), { admitted: true, fromTicket: true });
    assert.deepEqual(await store.ticketStatus(d, T0 + 2), { position: 1, active: 2 });
  });

  it('refuses a ticket used once already and hands out a new one at the back', async () => {
    const store = createMemoryAdmissionStore();
    const c = ticketOf(await shopper(store, 'c', T0, null, 'on'));
    const d = ticketOf(await shopper(store, 'd', T0, null, 'on'));
    assert.deepEqual(await shopper(store, 'c', T0, c, 'on'), { admitted: true, fromTicket: true });
    const again = await shopper(store, 'c2', T0, c, 'on');
    assert.equal(again.admitted, false);
    assert.ok(!again.admitted && again.reused && again.issued);
    assert.ok(!again.admitted && again.ticket.number > d.number, 'the new ticket is behind everyone already waiting');
    assert.deepEqual(await store.ticketStatus(c, T0), { position: null, active: 1 });
  });

  it('in mode on sends even the first shopper through the line, in mode off lets everyone in', async () => {
    const store = createMemoryAdmissionStore();
    const first = await shopper(store, 'a', T0, null, 'on');
    assert.ok(!first.admitted && first.position === 1);
    for (const id of ['x', 'y', 'z']) assert.deepEqual(await shopper(store, id, T0, null, 'off'), { admitted: true, fromTicket: false });
    // Admissions let in while the queue was off still count against capacity when it is back on.
    assert.equal((await store.stats(T0)).active, 3);
    assert.equal((await shopper(store, 'a', T0, first.admitted ? null : first.ticket, 'auto')).admitted, false);
  });

  it('stops counting a ticket whose holder went away, and puts it back at its number when they return', async () => {
    const store = createMemoryAdmissionStore();
    await shopper(store, 'a', T0, null, 'auto', 1);
    const b = ticketOf(await shopper(store, 'b', T0, null, 'auto', 1));
    const c = ticketOf(await shopper(store, 'c', T0, null, 'auto', 1));
    const later = T0 + IDLE_TICKET_MS - 1000;
    assert.equal((await store.ticketStatus(c, later)).position, 2);
    const gone = T0 + IDLE_TICKET_MS + 5000;
    assert.equal((await store.ticketStatus(c, gone)).position, 1, 'b has not been seen for too long');
    assert.equal((await store.ticketStatus(b, gone + 1000)).position, 1, 'b is back, ahead of c again');
    assert.equal((await store.ticketStatus(c, gone + 1000)).position, 2);
  });

  it('takes a ticket out of line without using it when its holder has nothing left to buy', async () => {
    const store = createMemoryAdmissionStore();
    await shopper(store, 'a', T0, null, 'auto', 1);
    const b = ticketOf(await shopper(store, 'b', T0, null, 'auto', 1));
    const c = ticketOf(await shopper(store, 'c', T0, null, 'auto', 1));
    await store.stepAside(b);
    assert.equal((await store.ticketStatus(c, T0)).position, 1);
    assert.equal((await store.stats(T0)).waiting, 1);
    assert.equal((await store.ticketStatus(b, T0)).position, 1, 'showing the ticket again puts it back at its number');
  });

  it('ends admissions when their time is up, and renews only known ones unless told to create', async () => {
    const store = createMemoryAdmissionStore();
    await shopper(store, 'a', T0, null, 'auto', 1);
    assert.equal(await store.renew('a', T0 + 2 * SESSION, T0 + 1000, false), true);
    assert.equal(await store.renew('unknown', T0 + SESSION, T0, false), false);
    assert.equal((await store.stats(T0 + SESSION + 5000)).active, 1, 'renewed past the first session');
    assert.equal((await store.stats(T0 + 2 * SESSION + 5000)).active, 0);
    assert.equal(await store.renew('a', T0 + 3 * SESSION, T0 + 2 * SESSION + 5000, false), false);
    assert.equal(await store.renew('a', T0 + 3 * SESSION, T0 + 2 * SESSION + 5000, true), true);
  });

  it('counts admissions of the last minute only', async () => {
    const store = createMemoryAdmissionStore();
    for (let i = 0; i < 5; i++) await shopper(store, `s${i}`, T0 + i * 20_000, null, 'off');
    assert.equal((await store.stats(T0 + 80_000)).admittedLastMinute, 3);
    assert.equal((await store.stats(T0 + 10 * 60_000)).admittedLastMinute, 0);
  });

  it('keeps the merchant’s mode until it is cleared', async () => {
    const store = createMemoryAdmissionStore();
    assert.equal(await store.modeOverride(), null);
    await store.setModeOverride('on');
    assert.equal(await store.modeOverride(), 'on');
    await store.setModeOverride(null);
    assert.equal(await store.modeOverride(), null);
  });
});

describe('wait estimate', () => {
  const cases: [string, Parameters<typeof estimateWaitSeconds>[0], number][] = [
    ['nobody ahead', { position: 0, admittedLastMinute: 60, capacity: 10, sessionSeconds: 900 }, 0],
    ['one a second, first in line: rounded up to 10 s', { position: 1, admittedLastMinute: 60, capacity: 10, sessionSeconds: 900 }, 10],
    ['one a second, 45th', { position: 45, admittedLastMinute: 60, capacity: 10, sessionSeconds: 900 }, 50],
    ['one a second, 130th: whole minutes', { position: 130, admittedLastMinute: 60, capacity: 10, sessionSeconds: 900 }, 180],
    ['slow turnover: 5-minute steps', { position: 100, admittedLastMinute: 6, capacity: 10, sessionSeconds: 900 }, 1200],
    ['nobody let in for a minute: every place held for a whole session', { position: 20, admittedLastMinute: 0, capacity: 10, sessionSeconds: 900 }, 1800],
    ['never more than two hours', { position: 100_000, admittedLastMinute: 1, capacity: 10, sessionSeconds: 900 }, 7200],
  ];
  for (const [name, input, want] of cases) {
    it(`estimates ${name}`, () => assert.equal(estimateWaitSeconds(input), want));
  }

  it('rounds and asks again more often near the front', () => {
    assert.deepEqual([0, 3, 59, 61, 599, 601].map(roundWait), [0, 10, 60, 120, 600, 900]);
    assert.deepEqual([10, 60, 600, 7200].map(pollSeconds), [3, 10, 15, 15]);
  });
});

describe('tokens', () => {
  it('read back what they wrote and nothing else', () => {
    const t = { epoch: '0a1b2c3d', number: 42, issuedAt: 1_700_000_000_000 };
    assert.deepEqual(parseTicket(formatTicket(t)), t);
    const a = { id: 'abcdefghijklmnopqrstuv', until: 1_700_000_900_000 };
    assert.deepEqual(parseAdmission(formatAdmission(a)), a);
    for (const bad of ['', '0a1b2c3d.0.1', '0a1b2c3d.-1.1', 'zz.1.1', '0a1b2c3d.1', '0a1b2c3d.1.1.1', '0a1b2c3d.1e3.1']) assert.equal(parseTicket(bad), null, bad);
    for (const bad of ['', 'short.1', 'abcdefghijklmnopqrstuv', 'abcdefghijklmnopqrstuv.x', 'abc def ghijklmnopqrst.1']) assert.equal(parseAdmission(bad), null, bad);
  });
});
