import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from 'undici';
import { loadConfig } from '../config.ts';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { assertStockConsistent } from '../../test/helpers/stock.ts';
import { checkTarget, formatReport } from './command.ts';
import { discover, rush } from './run.ts';

describe('the rush command', () => {
  it('only targets this shop or loopback unless told otherwise', () => {
    const config = loadConfig({ DATA_DIR: '.tmp/rush-config', PUBLIC_URL: 'https://shop.example' });
    assert.equal(checkTarget('http://127.0.0.1:3000', config, false), null);
    assert.equal(checkTarget('https://shop.example/', config, false), null);
    assert.match(checkTarget('https://someone-else.example', config, false) ?? '', /refusing to send a rush to someone-else\.example/);
    assert.equal(checkTarget('https://someone-else.example', config, true), null);
    assert.match(checkTarget('not a url', config, false) ?? '', /not a URL/);
  });

  describe('against a running shop', () => {
    let shop: TestShop;
    before(async () => {
      shop = await startTestShop();
    });
    after(() => shop.close());

    it('browses, buys what there is through the pages and never oversells', async () => {
      const products = [];
      for (let i = 0; i < 3; i++) products.push(await shop.services.catalog.products.create(productInput(), TEST_ACTOR));
      const agent = new Agent();
      const catalog = await discover(shop.url, 'fr', agent);
      await agent.close();
      assert.equal(catalog.products.length, 3);
      const report = await rush({ url: shop.url, shoppers: 20, rampSeconds: 1, seconds: 6, maxJourneys: 300, locale: 'fr', thinkSeconds: 0 }, catalog);
      // Each product has 5 units of its only variant in stock: 15 can be sold, no more.
      assert.equal(report.outcomes.ordered, 15);
      assert.equal(report.outcomes.error, 0, report.firstError ?? JSON.stringify(report.statuses));
      // Fifteen placed; a shopper who reached checkout as the last unit went is told it is sold out (409).
      assert.ok(report.steps['place-order'].count >= 15, 'every order was placed from the checkout form');
      assert.ok(report.steps['checkout-page'].count >= 15, 'the checkout page was shown before each order');
      assert.equal(Object.values(report.steps).reduce((n, s) => n + s.errors, 0), 0, 'no 5xx');
      const before = new Map(products.map((p) => [p.variants[0]!.id, { onHand: 5, reserved: 0 }]));
      const { text, oversold } = formatReport(report, before, before);
      assert.equal(oversold, false);
      assert.match(text, /units sold 15 from 15 in stock/);
      await assertStockConsistent(shop.services.conn.db);
    });

    it('can still check out through the store API', async () => {
      const product = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
      const catalog = { locale: 'fr', products: [{ handle: product.handle, variants: [{ id: product.variants[0]!.id, available: true }] }] };
      const report = await rush({ url: shop.url, shoppers: 4, rampSeconds: 1, seconds: 4, maxJourneys: 20, locale: 'fr', api: true }, catalog);
      assert.equal(report.outcomes.ordered, 5);
      assert.equal(report.outcomes.error, 0, report.firstError ?? JSON.stringify(report.statuses));
      assert.equal(report.steps.cart.count, report.journeys);
    });
  });

  describe('against a shop that lets one shopper into checkout at a time', () => {
    let shop: TestShop;
    before(async () => {
      shop = await startTestShop({ ADMISSION_MAX_CHECKOUTS: '1' });
    });
    after(() => shop.close());

    it('queues shoppers who overlap while filling in the form, and serves them all in turn', async () => {
      const input = productInput();
      const product = await shop.services.catalog.products.create({ ...input, variants: input.variants.map((v) => ({ ...v, onHand: 100 })) }, TEST_ACTOR);
      const agent = new Agent();
      const catalog = await discover(shop.url, 'fr', agent);
      await agent.close();
      assert.equal(catalog.products[0]!.handle, product.handle);
      const shoppers = 5;
      const report = await rush(
        { url: shop.url, shoppers, rampSeconds: 0.1, seconds: 30, maxJourneys: shoppers, locale: 'fr', thinkSeconds: 0.3, maxPollSeconds: 0.1 },
        catalog,
      );
      assert.equal(report.outcomes.ordered, shoppers, report.firstError ?? JSON.stringify(report.statuses));
      assert.ok(report.queue.queued >= 1, `some shoppers waited (${report.queue.queued})`);
      assert.ok((report.statuses['checkout-page 303'] ?? 0) >= 1, 'the gate sent someone to the waiting room');
      assert.ok(report.steps.waiting.count >= 1, 'waiting shoppers asked the waiting room how things stood');
      const { oversold } = formatReport(report, new Map([[product.variants[0]!.id, { onHand: 100, reserved: 0 }]]), null);
      assert.equal(oversold, false);
      assert.equal(await shop.app.server.admission.snapshot().then((s) => s.active), 0, 'every admission ended with its order');
      await assertStockConsistent(shop.services.conn.db);
    });
  });
});
