import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, fetch } from 'undici';
import { checkoutInput } from '../helpers/checkout.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../helpers/shop.ts';
import { assertStockConsistent } from '../helpers/stock.ts';
import { startServerProcess, type ServerProcess, RACE_ENV } from './server-processes.ts';

// A code good for 5 uses, posted on social media: 100 shoppers use it at the same moment.
const SHOPPERS = 100;
const USES = 5;

describe('race: a discount code with a usage limit', () => {
  let shop: TestShop;
  let agent: Agent;
  let others: ServerProcess[] = [];
  before(async () => {
    shop = await startTestShop({ ...RACE_ENV });
    others = await Promise.all([startServerProcess(shop), startServerProcess(shop)]);
    agent = new Agent({ connections: 100 });
  });
  after(async () => {
    await agent.close();
    await Promise.all(others.map((o) => o.stop()));
    await shop.close();
  });

  it(`is used exactly ${USES} times by ${SHOPPERS} shoppers checking out at once; the others are told why, naming discountCode`, async () => {
    const { catalog, cart, discounts, conn } = shop.services;
    await discounts.create({ code: 'FLASH5', kind: 'percentage', value: 1000, minSubtotal: 0, startsAt: null, endsAt: null, usageLimit: USES, active: true });
    const variant = (await catalog.products.create(productInput({ variants: [{ sku: 'RACE-CODE', options: ['Bleu'], price: { amount: 2000, currency: 'EUR' }, onHand: 1000 }] }), TEST_ACTOR)).variants[0]!.id;
    const carts: string[] = [];
    for (let i = 0; i < SHOPPERS; i++) {
      const id = await cart.create('en');
      await cart.addLine(id, variant, 1);
      carts.push(id);
    }

    const servers = [shop.url, ...others.map((o) => o.url)];
    const body = JSON.stringify(checkoutInput({ discountCode: 'flash5', locale: 'en' }));
    const started = Date.now();
    const answers = await Promise.all(
      carts.map(async (id, i) => {
        const res = await fetch(`${servers[i % servers.length]}/api/store/carts/${id}/checkout`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': `code-${i}` },
          body,
          dispatcher: agent,
        });
        return { status: res.status, body: (await res.json()) as any };
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    const statuses = answers.reduce<Record<number, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {});
    console.log(`${SHOPPERS} checkouts with a ${USES}-use code answered in ${seconds.toFixed(1)} s: ${JSON.stringify(statuses)}`);

    assert.equal(answers.filter((a) => a.status === 201).length, USES);
    for (const a of answers.filter((x) => x.status === 201)) assert.deepEqual(a.body.order.total, { amount: 2000 - 200 + 590, currency: 'EUR' });
    for (const a of answers.filter((x) => x.status !== 201)) {
      assert.ok(a.status === 400 || a.status === 409, `status ${a.status}: ${JSON.stringify(a.body)}`);
      assert.deepEqual(a.body.error.fields.map((f: { field: string }) => f.field), ['discountCode']);
      assert.match(a.body.error.fields[0].message, /used up/);
    }
    const db = conn.db;
    const withCode = await db.selectFrom('orders').select(['id', 'status']).where('discount_code', '=', 'FLASH5').execute();
    assert.equal(withCode.length, USES, `exactly ${USES} orders carry the code`);
    assert.ok(withCode.every((o) => o.status === 'paid'));
    assert.equal((await db.selectFrom('orders').select('id').execute()).length, USES, 'a refused checkout leaves no order behind');
    const code = await db.selectFrom('discount_codes').select('used_count').where('code', '=', 'FLASH5').executeTakeFirstOrThrow();
    assert.equal(code.used_count, USES);
    const level = await db.selectFrom('stock_levels').select(['on_hand', 'reserved']).where('variant_id', '=', variant).executeTakeFirstOrThrow();
    assert.deepEqual(level, { on_hand: 1000 - USES, reserved: 0 });
    await assertStockConsistent(db);
    assert.ok(seconds < 60, `the race took ${seconds} s`);
  });
});
