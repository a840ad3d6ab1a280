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

    it('browses, buys what there is and never oversells', async () => {
      const products = [];
      for (let i = 0; i < 3; i++) products.push(await shop.services.catalog.products.create(productInput(), TEST_ACTOR));
      const agent = new Agent();
      const catalog = await discover(shop.url, 'fr', agent);
      await agent.close();
      assert.equal(catalog.products.length, 3);
      const report = await rush({ url: shop.url, shoppers: 20, rampSeconds: 1, seconds: 4, maxJourneys: 300, locale: 'fr' }, catalog);
      // Each product has 5 units of its only variant in stock: 15 can be sold, no more.
      assert.equal(report.outcomes.ordered, 15);
      assert.equal(report.outcomes.error, 0);
      assert.equal(Object.values(report.steps).reduce((n, s) => n + s.errors, 0), 0, 'no 5xx');
      const before = new Map(products.map((p) => [p.variants[0]!.id, { onHand: 5, reserved: 0 }]));
      const { text, oversold } = formatReport(report, before, before);
      assert.equal(oversold, false);
      assert.match(text, /units sold 15 from 15 in stock/);
      await assertStockConsistent(shop.services.conn.db);
    });
  });
});
