import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkoutInput } from '../../test/helpers/checkout.ts';
import { startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { toInput, type CollectionView, type ProductView } from '../catalog/index.ts';
import { makeCollection, makeProduct } from './test-fixtures.ts';

type Purge = { authorization: string | undefined; tags: string[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `ok` holds, for up to 5 s. */
async function eventually(ok: () => boolean, what: string): Promise<void> {
  const until = Date.now() + 5000;
  while (!ok()) {
    if (Date.now() > until) assert.fail(`not within 5 s: ${what}`);
    await sleep(50);
  }
}

describe('page cache: CDN purge', () => {
  let cdn: Server;
  let shop: TestShop;
  let mugs: CollectionView;
  let mug: ProductView;
  const purges: Purge[] = [];
  const tagged = (tag: string) => purges.filter((p) => p.tags.includes(tag));

  before(async () => {
    // A stand-in for a CDN's purge API, on loopback.
    cdn = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        purges.push({ authorization: req.headers.authorization, tags: JSON.parse(body).tags });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => cdn.listen(0, '127.0.0.1', r));
    const port = (cdn.address() as AddressInfo).port;
    shop = await startTestShop({ WORKER: '1', CDN_PURGE_URL: `http://127.0.0.1:${port}/purge`, CDN_PURGE_TOKEN: 'cdn-secret-token' });
    mugs = await makeCollection(shop, 'Tasses', 'Mugs', 'tasses-cdn');
    mug = await makeProduct(shop, {
      handle: 'tasse-cdn',
      collectionIds: [mugs.id],
      variants: [{ sku: 'CDN-1', options: ['Bleu'], price: { amount: 1800, currency: 'EUR' }, onHand: 100 }],
    });
    await eventually(() => tagged(`product-${mug.id}`).length > 0, 'the purge for the new product');
  });
  after(async () => {
    await shop.close();
    await new Promise((r) => cdn.close(r));
  });

  it('tells the CDN the tags of a product edit once, with the token', async () => {
    purges.length = 0;
    const variants = toInput(mug).variants.map((v) => ({ ...v, price: { amount: 2100, currency: 'EUR' } }));
    await shop.services.catalog.products.update(mug.id, { variants }, TEST_ACTOR);
    await eventually(() => tagged(`product-${mug.id}`).length > 0, 'the purge for the edit');
    await sleep(1200);
    assert.equal(purges.length, 1, JSON.stringify(purges));
    assert.equal(purges[0]!.authorization, 'Bearer cdn-secret-token');
    for (const tag of [`product-${mug.id}`, `collection-${mugs.id}`, 'products']) assert.ok(purges[0]!.tags.includes(tag), tag);
    assert.ok(!purges[0]!.tags.includes('nav'), 'the navigation did not change');
  });

  it('gathers the stock changes of a rush into one purge, and only when what pages show changed', async () => {
    const order = async (quantity: number) => {
      const cartId = await shop.services.cart.create('fr');
      await shop.services.cart.addLine(cartId, mug.variants[0]!.id, quantity);
      await shop.services.checkout.placeOrder(cartId, checkoutInput(), null);
    };
    // The first sale after an edit is compared with nothing known: one purge for the product.
    purges.length = 0;
    await order(1);
    await eventually(() => purges.length > 0, 'the first stock purge');
    await sleep(1200);
    assert.deepEqual(purges.map((p) => p.tags), [[`product-${mug.id}`]]);
    // Ten orders leaving 89 "in stock": the pages show the same, so the CDN is not bothered.
    purges.length = 0;
    await Promise.all(Array.from({ length: 10 }, () => order(1)));
    await sleep(1500);
    assert.equal(purges.length, 0, JSON.stringify(purges));
    // Twenty-one orders in a burst, from 89 down to "only 5 left": one purge for all of them.
    await Promise.all(Array.from({ length: 21 }, () => order(4)));
    await eventually(() => purges.length > 0, 'the purge for the low stock');
    await sleep(1200);
    assert.deepEqual(purges.map((p) => p.tags), [[`product-${mug.id}`]]);
  });

  it('retries a purge the CDN refused', async () => {
    const failing = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
    const original = shop.services.config.cdnPurge;
    shop.services.config.cdnPurge = { url: `http://127.0.0.1:${(failing.address() as AddressInfo).port}/`, token: null };
    const db = shop.services.conn.db;
    const before = Number((await db.selectFrom('outbox').select((eb) => eb.fn.max('id').as('id')).executeTakeFirst())?.id ?? 0);
    try {
      await shop.services.catalog.collections.update(mugs.id, { handle: 'tasses-cdn', position: 0, translations: { fr: { title: 'Tasses et bols', description: '' }, en: { title: 'Mugs and bowls', description: '' } } }, TEST_ACTOR);
      const row = async () =>
        (await db.selectFrom('outbox').select(['status', 'attempts', 'last_error', 'payload']).where('topic', '=', 'cdn.purge').where('id', '>', before).execute()).find((r) =>
          JSON.parse(r.payload).tags.includes(`collection-${mugs.id}`),
        );
      let last: Awaited<ReturnType<typeof row>>;
      const until = Date.now() + 5000;
      while (!(last = await row())?.last_error && Date.now() < until) await sleep(50);
      assert.equal(last?.status, 'pending', 'kept for another try');
      assert.equal(last?.attempts, 1);
      assert.match(last?.last_error ?? '', /answered 503/);
    } finally {
      shop.services.config.cdnPurge = original;
      await new Promise((r) => failing.close(r));
    }
  });
});
