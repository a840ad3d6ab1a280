import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import type { CollectionView } from '../catalog/index.ts';
import { addImage, cardTitles, linkHref, makeCollection, makeProduct, metaContent, page } from './test-fixtures.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

describe('collection page', () => {
  let shop: TestShop;
  let shirts: CollectionView;
  let big: CollectionView;
  before(async () => {
    shop = await startTestShop();
    shirts = await makeCollection(shop, 'Chemises', 'Shirts', 'chemises');
    big = await makeCollection(shop, 'Tout', 'Everything', 'tout');
    const shirt = (fr: string, en: string, price: number, sizes: string[], extra: Record<string, unknown> = {}) =>
      makeProduct(shop, {
        translations: { fr: { title: fr, description: '' }, en: { title: en, description: '' } },
        options: ['Taille'],
        variants: sizes.map((s, i) => ({ sku: `${en.replace(/\W/g, '')}-${s}`, options: [s], price: eur(price + i * 100), onHand: 4 })),
        collectionIds: [shirts.id],
        ...extra,
      });
    await shirt('Chemise lin', 'Linen shirt', 4500, ['S', 'M']);
    await shirt('Chemise coton', 'Cotton shirt', 3000, ['M', 'L']);
    await shirt('Chemise soie', 'Silk shirt', 9000, ['L']);
    await makeProduct(shop, {
      translations: { fr: { title: 'Chemise soldée', description: '' }, en: { title: 'Sale shirt', description: '' } },
      options: ['Taille'],
      variants: [{ sku: 'SALE-S', options: ['S'], price: eur(2000), compareAtPrice: eur(3500), onHand: 0 }],
      collectionIds: [shirts.id],
    });
    await makeProduct(shop, { status: 'draft', translations: { fr: { title: 'Chemise brouillon', description: '' } }, collectionIds: [shirts.id] });
    for (let i = 0; i < 30; i++) {
      await makeProduct(shop, {
        translations: { fr: { title: `Article ${String(i).padStart(2, '0')}`, description: '' }, en: { title: `Item ${String(i).padStart(2, '0')}`, description: '' } },
        options: [],
        variants: [{ sku: `ITEM-${i}`, options: [], price: eur(1000 + i), onHand: 1 }],
        collectionIds: [big.id],
      });
    }
  });
  after(() => shop.close());

  it('lists the active products of the collection in both locales', async () => {
    const fr = await page(shop, '/fr/collections/chemises');
    assert.equal(fr.status, 200);
    assert.match(fr.html, /<h1>Chemises<\/h1>/);
    assert.deepEqual(cardTitles(fr.html), ['Chemise lin', 'Chemise coton', 'Chemise soie', 'Chemise soldée']);
    assert.match(fr.html, /4\u00a0produits/);
    const en = await page(shop, '/en/collections/chemises');
    assert.deepEqual(cardTitles(en.html), ['Linen shirt', 'Cotton shirt', 'Silk shirt', 'Sale shirt']);
    assert.match(en.html, /From €45\.00/);
    assert.match(en.html, /<span class="price-now on-sale">€20\.00<\/span> <s class="price-was"><span class="visually-hidden">Regular price <\/span>€35\.00<\/s>/);
    assert.match(en.html, /<span class="badge">Sold out<\/span>/);
    assert.equal(linkHref(en.html, 'canonical'), `${shop.url}/en/collections/chemises`);
    assert.equal(linkHref(en.html, 'alternate', 'fr'), `${shop.url}/fr/collections/chemises`);
    assert.equal(metaContent(en.html, 'og:url'), `${shop.url}/en/collections/chemises`);
  });

  it('sorts by price, newest and title', async () => {
    const titles = async (sort: string) => cardTitles((await page(shop, `/en/collections/chemises?sort=${sort}`)).html);
    assert.deepEqual(await titles('price-asc'), ['Sale shirt', 'Cotton shirt', 'Linen shirt', 'Silk shirt']);
    assert.deepEqual(await titles('price-desc'), ['Silk shirt', 'Linen shirt', 'Cotton shirt', 'Sale shirt']);
    assert.deepEqual(await titles('newest'), ['Sale shirt', 'Silk shirt', 'Cotton shirt', 'Linen shirt']);
    assert.deepEqual(await titles('title'), ['Cotton shirt', 'Linen shirt', 'Sale shirt', 'Silk shirt']);
    const sorted = await page(shop, '/en/collections/chemises?sort=title');
    assert.match(sorted.html, /<option value="title" selected>/);
    assert.match(sorted.html, /<meta name="robots" content="noindex, follow"\/>/);
  });

  it('filters by option values with checkbox groups from the facets', async () => {
    const all = await page(shop, '/fr/collections/chemises');
    assert.match(all.html, /<legend>Taille<\/legend>/);
    assert.match(all.html, /<input type="checkbox" id="f0-0" name="o.Taille" value="S"\/><label for="f0-0">S <span class="muted">\(2\)<\/span>/);
    const l = await page(shop, '/en/collections/chemises?o.Taille=L');
    assert.deepEqual(cardTitles(l.html), ['Cotton shirt', 'Silk shirt']);
    assert.match(l.html, /name="o.Taille" value="L" checked/);
    assert.match(l.html, /<details class="filters" open>/);
    const sOrL = await page(shop, '/en/collections/chemises?o.Taille=S&o.Taille=L');
    assert.equal(cardTitles(sOrL.html).length, 4);
    const none = await page(shop, '/en/collections/chemises?o.Taille=XXL');
    assert.deepEqual(cardTitles(none.html), []);
    assert.match(none.html, /No products match these filters/);
  });

  it('filters by a price range typed in whole euros', async () => {
    const r = await page(shop, '/en/collections/chemises?min=25&max=50');
    assert.deepEqual(cardTitles(r.html), ['Linen shirt', 'Cotton shirt']);
    assert.match(r.html, /<input id="min-price" name="min" type="number"[^>]* value="25"/);
    assert.match(r.html, /<label for="max-price">To \(€\)<\/label>/);
    const reversed = await page(shop, '/en/collections/chemises?min=50&max=25');
    assert.deepEqual(cardTitles(reversed.html), ['Linen shirt', 'Cotton shirt']);
  });

  it('paginates 24 per page with prev and next links that keep the sort', async () => {
    const p1 = await page(shop, '/en/collections/tout?sort=title');
    assert.equal(cardTitles(p1.html).length, 24);
    assert.equal(cardTitles(p1.html)[0], 'Item 00');
    assert.match(p1.html, /Page 1 of 2/);
    assert.equal(linkHref(p1.html, 'next'), `${shop.url}/en/collections/tout?sort=title&page=2`);
    assert.equal(linkHref(p1.html, 'prev'), undefined);
    const p2 = await page(shop, '/en/collections/tout?sort=title&page=2');
    assert.deepEqual(cardTitles(p2.html), ['Item 24', 'Item 25', 'Item 26', 'Item 27', 'Item 28', 'Item 29']);
    assert.equal(linkHref(p2.html, 'prev'), `${shop.url}/en/collections/tout?sort=title`);
    assert.match(p2.html, /<a rel="prev" href="\/en\/collections\/tout\?sort=title">Previous page<\/a>/);
    const plain2 = await page(shop, '/fr/collections/tout?page=2');
    assert.equal(linkHref(plain2.html, 'canonical'), `${shop.url}/fr/collections/tout?page=2`);
    assert.doesNotMatch(plain2.html, /name="robots"/);
  });

  it('loads the first row of images at once and the rest lazily', async () => {
    const { items } = await shop.services.catalog.list({ locale: 'en', collectionId: shirts.id });
    for (const p of items.slice(0, 3)) await addImage(shop, p.id, 'photo');
    const { html } = await page(shop, '/en/collections/chemises');
    const imgs = [...html.matchAll(/<img [^>]*>/g)].map((m) => m[0]);
    assert.equal(imgs.length, 3);
    assert.doesNotMatch(imgs[0]!, /loading=/);
    assert.doesNotMatch(imgs[1]!, /loading=/);
    assert.match(imgs[2]!, /loading="lazy"/);
    assert.match(imgs[0]!, /width="800" height="600"/);
    assert.match(html, /<source type="image\/avif" srcset="[^"]+" sizes="\(min-width: 64em\) 22vw, \(min-width: 40em\) 30vw, 46vw"/);
  });

  it('falls back to defaults for bad query values instead of failing', async () => {
    for (const q of ['sort=bogus', 'page=abc', 'page=-1', 'page=0', 'min=-5', 'max=abc', 'min=1e99', 'o.Taille=', 'sort[]=x', '%E0%A4%A=1', 'o.' + 'x'.repeat(100) + '=1']) {
      const r = await page(shop, `/en/collections/chemises?${q}`);
      assert.equal(r.status, 200, q);
      assert.equal(cardTitles(r.html).length, 4, `${q} is ignored`);
    }
  });

  it('answers 404 past the last page and for unknown collections', async () => {
    const past = await page(shop, '/en/collections/tout?page=3');
    assert.equal(past.status, 404);
    assert.match(past.html, /Page not found/);
    assert.equal((await page(shop, '/en/collections/nope')).status, 404);
    assert.equal((await page(shop, '/en/collections/NOPE%3Cscript%3E')).status, 404);
  });

  it('reads the same number of SQL statements for 4 or 24 products', async () => {
    const count = async (path: string) => {
      await page(shop, path);
      const before = shop.services.conn.queryCount();
      await page(shop, path);
      return shop.services.conn.queryCount() - before;
    };
    assert.equal(await count('/fr/collections/chemises'), await count('/fr/collections/tout'));
  });
});
