import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { Agent, fetch } from 'undici';
import { checkoutInput } from '../helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../helpers/shop.ts';
import { assertStockConsistent } from '../helpers/stock.ts';
import { startServerProcess, type ServerProcess, RACE_ENV } from './server-processes.ts';

// 500 shoppers press "pay" at the same moment for a variant with 20 units, through three server
// processes on one database: exactly 20 are sold, the rest refused cleanly, the ledger kept.
const SHOPPERS = 500;
const STOCK = 20;
const TWO_LINE_EVERY = 10; // one cart in ten also holds a plentiful variant
const EXTRA_PROCESSES = 2;

describe('race: concurrent checkouts for scarce stock', () => {
  let shop: TestShop;
  let agent: Agent;
  let others: ServerProcess[] = [];
  before(async () => {
    shop = await startTestShop({ ...RACE_ENV });
    others = await Promise.all(Array.from({ length: EXTRA_PROCESSES }, () => startServerProcess(shop)));
    agent = new Agent({ connections: 100 });
  });
  after(async () => {
    await agent.close();
    await Promise.all(others.map((o) => o.stop()));
    await shop.close();
  });

  it(`sells exactly ${STOCK} units to ${SHOPPERS} shoppers paying at once, refuses the rest with INSUFFICIENT_STOCK, and keeps the ledger equal to the counters`, async () => {
    const { catalog, cart, conn } = shop.services;
    const scarce = (await catalog.products.create(productInput({ variants: [{ sku: 'RACE-SCARCE', options: ['Bleu'], price: { amount: 1800, currency: 'EUR' }, onHand: STOCK }] }), TEST_ACTOR)).variants[0]!.id;
    const plenty = (await catalog.products.create(productInput({ variants: [{ sku: 'RACE-PLENTY', options: ['Rouge'], price: { amount: 900, currency: 'EUR' }, onHand: 10_000 }] }), TEST_ACTOR)).variants[0]!.id;

    // Carts are filled before the race: the race is only the checkout requests.
    const carts: { id: string; twoLines: boolean }[] = [];
    for (let i = 0; i < SHOPPERS; i++) {
      const id = await cart.create('fr');
      await cart.addLine(id, scarce, 1);
      const twoLines = i % TWO_LINE_EVERY === 0;
      if (twoLines) await cart.addLine(id, plenty, 1);
      carts.push({ id, twoLines });
    }

    const servers = [shop.url, ...others.map((o) => o.url)];
    const body = JSON.stringify(checkoutInput());
    const started = Date.now();
    const answers = await Promise.all(
      carts.map(async (c, i) => {
        const server = servers[i % servers.length]!;
        const res = await fetch(`${server}/api/store/carts/${c.id}/checkout`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `race-${i}` },
          body,
          dispatcher: agent,
        });
        return { ...c, server, status: res.status, body: (await res.json()) as any };
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const winners = servers.map((s) => answers.filter((a) => a.server === s && a.status === 201).length);
    console.log(`${SHOPPERS} concurrent checkouts over ${servers.length} processes answered in ${seconds.toFixed(1)} s; orders taken per process: ${winners.join(', ')}`);

    const byStatus = new Map<number, number>();
    for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    assert.deepEqual([...byStatus.keys()].sort(), [201, 409], `statuses: ${JSON.stringify([...byStatus])}`);
    assert.equal(byStatus.get(201), STOCK, 'one order per unit');
    for (const a of answers.filter((x) => x.status === 409)) {
      assert.equal(a.body.error.code, 'INSUFFICIENT_STOCK');
      assert.deepEqual(a.body.error.lines, [{ variantId: scarce, requested: 1, available: 0 }], 'only the scarce line is short');
    }
    for (const a of answers.filter((x) => x.status === 201)) assert.equal(a.body.order.status, 'paid');

    const db = conn.db;
    const level = async (id: number) => db.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(await level(scarce), { on_hand: 0, reserved: 0 });
    const sold = await db
      .selectFrom('order_lines as l')
      .innerJoin('orders as o', 'o.id', 'l.order_id')
      .select([sql<number>`count(distinct o.id)`.as('orders'), sql<number>`sum(l.quantity)`.as('units')])
      .where('o.status', '=', 'paid')
      .where('l.variant_id', '=', scarce)
      .executeTakeFirstOrThrow();
    assert.equal(Number(sold.orders) * 1, STOCK, 'paid orders × one unit each');
    assert.equal(Number(sold.units), STOCK);
    assert.equal((await db.selectFrom('orders').select('id').execute()).length, STOCK, 'a refused checkout leaves no order behind');
    const twoLineWinners = answers.filter((a) => a.status === 201 && a.twoLines).length;
    assert.deepEqual(await level(plenty), { on_hand: 10_000 - twoLineWinners, reserved: 0 });
    await assertStockConsistent(db);
    assert.ok(seconds < 60, `the race took ${seconds} s`);
  });
});
