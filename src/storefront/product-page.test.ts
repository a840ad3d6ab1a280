import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import type { ProductView } from '../catalog/index.ts';
import { addImage, jsonLd, linkHref, makeCollection, makeProduct, metaContent, page, wireSize } from './test-fixtures.ts';

describe('product page', () => {
  let shop: TestShop;
  let mug: ProductView;
  before(async () => {
    shop = await startTestShop();
    const col = await makeCollection(shop, 'Tasses', 'Mugs', 'tasses');
    mug = await makeProduct(shop, {
      handle: 'tasse-bleue',
      vendor: 'Atelier Grès',
      translations: { fr: { title: 'Tasse bleue', description: 'Faite main.\n\nPasse au lave-vaisselle.' }, en: { title: 'Blue mug', description: 'Handmade.\n\nDishwasher safe.' } },
      options: ['Couleur', 'Taille'],
      variants: [
        { sku: 'TB-BLEU-S', barcode: '3760123456789', options: ['Bleu', 'S'], price: { amount: 1800, currency: 'EUR' }, compareAtPrice: { amount: 2400, currency: 'EUR' }, onHand: 12 },
        { sku: 'TB-BLEU-L', options: ['Bleu', 'L'], price: { amount: 2200, currency: 'EUR' }, onHand: 3 },
        { sku: 'TB-ROUGE-S', options: ['Rouge', 'S'], price: { amount: 1900, currency: 'EUR' }, onHand: 0 },
        { sku: 'TB-VERT-S', options: ['Vert', 'S'], price: { amount: 1900, currency: 'EUR' }, onHand: 0, allowBackorder: true },
      ],
      collectionIds: [col.id],
    });
    await addImage(shop, mug.id, 'Une tasse bleue');
    await addImage(shop, mug.id, 'Vue de côté');
  });
  after(() => shop.close());

  it('shows title, vendor, price and compare-at price formatted for each locale', async () => {
    const fr = await page(shop, '/fr/products/tasse-bleue');
    assert.equal(fr.status, 200);
    assert.match(fr.html, /<html lang="fr">/);
    assert.match(fr.html, /<h1>Tasse bleue<\/h1>/);
    assert.match(fr.html, /Atelier Grès/);
    assert.match(fr.html, /18,00\s€/);
    assert.match(fr.html, /<s class="price-was">.*24,00\s€<\/s>/);
    assert.match(fr.html, /<p>Faite main.<\/p><p>Passe au lave-vaisselle.<\/p>/);
    const en = await page(shop, '/en/products/tasse-bleue');
    assert.match(en.html, /<html lang="en">/);
    assert.match(en.html, /<h1>Blue mug<\/h1>/);
    assert.match(en.html, /€18\.00/);
    assert.match(en.html, /In stock/);
    // Nothing of a browser in it (no form token): the page is shared through the page cache.
    assert.match(en.headers.get('cache-control') ?? '', /^public, max-age=0, s-maxage=\d+, stale-while-revalidate=\d+$/);
    assert.doesNotMatch(en.html, /name="_csrf"/);
  });

  it('shows the stock state of the chosen variant: low, sold out, backorder', async () => {
    const [bl, rs, vs] = mug.variants.slice(1);
    const low = await page(shop, `/en/products/tasse-bleue?variant=${bl!.id}`);
    assert.match(low.html, /Only 3 left/);
    assert.match(low.html, /€22\.00/);
    const sold = await page(shop, `/fr/products/tasse-bleue?variant=${rs!.id}`);
    assert.match(sold.html, /class="stock stock-sold-out">Épuisé/);
    assert.match(sold.html, /<button type="submit" class="primary" disabled>Épuisé<\/button>/);
    const back = await page(shop, `/en/products/tasse-bleue?variant=${vs!.id}`);
    assert.match(back.html, /Available on backorder/);
    assert.doesNotMatch(back.html, /class="primary" disabled/);
  });

  it('selects a variant from option parameters, as the form does without JavaScript', async () => {
    const r = await page(shop, '/en/products/tasse-bleue?option1=Bleu&option2=L');
    assert.match(r.html, /name="variantId" value="(\d+)"/);
    assert.equal(/name="variantId" value="(\d+)"/.exec(r.html)![1], String(mug.variants[1]!.id));
    assert.match(r.html, /<input type="radio" id="opt1-\d" name="option2" value="L" checked/);
    // Vert/L does not exist: the closest variant (Vert/S) is shown rather than an error.
    const closest = await page(shop, '/en/products/tasse-bleue?option1=Vert&option2=L');
    assert.equal(/name="variantId" value="(\d+)"/.exec(closest.html)![1], String(mug.variants[3]!.id));
  });

  it('keeps the variant and add-to-cart forms with labelled controls', async () => {
    const { html } = await page(shop, '/fr/products/tasse-bleue');
    assert.match(html, /<form id="variant-form" method="get" action="\/fr\/products\/tasse-bleue#variant-form">/);
    assert.match(html, /<legend>Couleur<\/legend>/);
    assert.match(html, /<form id="add-to-cart" method="post" action="\/fr\/cart\/add">/);
    assert.match(html, /<label for="quantity">Quantité<\/label>/);
    for (const [, id] of html.matchAll(/<input [^>]*id="([^"]+)"/g)) assert.match(html, new RegExp(`<label for="${id}"`), `input ${id} has a label`);
    assert.match(html, /label for="opt0-1">Rouge<span class="muted"> \(épuisé\)/);
  });

  it('answers bad query values with the default variant, never an error', async () => {
    for (const q of ['variant=abc', 'variant=-1', 'variant=999999', 'option1=' + 'x'.repeat(500), 'variant=1&variant=2', 'option9=z']) {
      const r = await page(shop, `/en/products/tasse-bleue?${q}`);
      assert.equal(r.status, 200, q);
    }
  });

  it('serves a gallery of responsive pictures, the first one loaded at once', async () => {
    const { html } = await page(shop, '/fr/products/tasse-bleue');
    const pictures = [...html.matchAll(/<picture>([\s\S]*?)<\/picture>/g)].map((m) => m[1]!);
    assert.equal(pictures.length, 2);
    assert.match(pictures[0]!, /<source type="image\/avif" srcset="\/media\/products\/\w+-320\.avif 320w, \/media\/products\/\w+-640\.avif 640w" sizes="[^"]+"/);
    assert.match(pictures[0]!, /<source type="image\/webp" srcset="[^"]*-640\.webp 640w"/);
    assert.match(pictures[0]!, /<img src="\/media\/products\/\w+-800\.jpg" alt="Une tasse bleue" width="800" height="600" fetchpriority="high"\/>/);
    assert.match(pictures[1]!, /loading="lazy"/);
    const src = /srcset="([^ ]+) /.exec(pictures[0]!)![1]!;
    assert.equal((await fetch(shop.url + src)).status, 200);
  });

  it('has canonical, hreflang, Open Graph and Twitter tags with absolute URLs', async () => {
    const { html } = await page(shop, '/en/products/tasse-bleue?variant=2');
    const base = shop.url;
    assert.equal(linkHref(html, 'canonical'), `${base}/en/products/tasse-bleue`);
    assert.equal(linkHref(html, 'alternate', 'fr'), `${base}/fr/products/tasse-bleue`);
    assert.equal(linkHref(html, 'alternate', 'en'), `${base}/en/products/tasse-bleue`);
    assert.equal(linkHref(html, 'alternate', 'x-default'), `${base}/fr/products/tasse-bleue`);
    assert.match(html, /<title>Blue mug \| Comptoir<\/title>/);
    assert.equal(metaContent(html, 'description'), 'Handmade. Dishwasher safe.');
    assert.equal(metaContent(html, 'og:type'), 'product');
    assert.equal(metaContent(html, 'og:title'), 'Blue mug | Comptoir');
    assert.equal(metaContent(html, 'og:url'), `${base}/en/products/tasse-bleue`);
    assert.match(metaContent(html, 'og:image')!, new RegExp(`^${base}/media/products/\\w+-800\\.jpg$`));
    assert.equal((await fetch(metaContent(html, 'og:image')!)).headers.get('content-type'), 'image/jpeg');
    assert.equal(metaContent(html, 'twitter:card'), 'summary_large_image');
  });

  it('describes the product in schema.org JSON-LD with one offer per variant', async () => {
    const ld = jsonLd((await page(shop, '/fr/products/tasse-bleue')).html);
    assert.equal(ld['@type'], 'Product');
    assert.equal(ld.name, 'Tasse bleue');
    assert.equal(ld.brand.name, 'Atelier Grès');
    assert.equal(ld.image.length, 2);
    assert.match(ld.image[0], /^http:\/\/127\.0\.0\.1:\d+\/media\/products\/\w+-800\.jpg$/);
    assert.equal(ld.offers.length, 4);
    const [a, b, c, d] = ld.offers;
    assert.deepEqual(
      { price: a.price, priceCurrency: a.priceCurrency, availability: a.availability, sku: a.sku, gtin13: a.gtin13 },
      { price: '18.00', priceCurrency: 'EUR', availability: 'https://schema.org/InStock', sku: 'TB-BLEU-S', gtin13: '3760123456789' },
    );
    assert.equal(b.availability, 'https://schema.org/InStock');
    assert.equal(b.gtin13, undefined);
    assert.equal(c.availability, 'https://schema.org/OutOfStock');
    assert.equal(d.availability, 'https://schema.org/BackOrder');
    assert.equal(a.url, `${shop.url}/fr/products/tasse-bleue?variant=${mug.variants[0]!.id}`);
  });

  it('shows breadcrumbs to the product collection', async () => {
    const { html } = await page(shop, '/en/products/tasse-bleue');
    assert.match(html, /<nav class="breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="\/en\/">Home<\/a><\/li><li><a href="\/en\/collections\/tasses">Mugs<\/a><\/li><li aria-current="page">Blue mug<\/li>/);
  });

  it('answers 404 in the shop layout for draft, archived and unknown products', async () => {
    const draft = await makeProduct(shop, { status: 'draft' });
    const archived = await makeProduct(shop);
    await shop.services.catalog.products.archive(archived.id, TEST_ACTOR);
    for (const handle of [draft.handle, archived.handle, 'nothing-here', 'Bad_Handle!']) {
      const r = await page(shop, `/fr/products/${encodeURIComponent(handle)}`);
      assert.equal(r.status, 404, handle);
      assert.match(r.html, /<html lang="fr">/);
      assert.match(r.html, /Page introuvable/);
      assert.match(r.html, /<meta name="robots" content="noindex, follow"\/>/);
      assert.match(r.html, /class="site-nav"/);
    }
    const en = await page(shop, `/en/products/${draft.handle}`);
    assert.match(en.html, /Page not found/);
  });

  it('escapes merchant text everywhere it appears', async () => {
    const evil = '<script>alert(1)</script>';
    await makeProduct(shop, {
      handle: 'evil',
      vendor: `"><img src=x onerror=alert(2)>`,
      translations: { fr: { title: `Tasse ${evil}`, description: `Texte ${evil}\n</script><script>alert(3)</script>` }, en: { title: `Mug ${evil}`, description: 'x' } },
    });
    const { html } = await page(shop, '/fr/products/evil');
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /<img src=x/);
    assert.match(html, /<h1>Tasse &lt;script>alert\(1\)&lt;\/script><\/h1>/);
    // The JSON-LD block holds the text but cannot be closed by it.
    const ld = jsonLd(html);
    assert.equal(ld.name, `Tasse ${evil}`);
    assert.equal(html.match(/<\/script>/g)!.length, 2, 'only the site script and the JSON-LD close a script tag');
  });

  it('weighs under 30 KB compressed with its CSS and JS, without images', async () => {
    const { html } = await page(shop, '/fr/products/tasse-bleue');
    const assets = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.equal(assets.length, 2);
    let total = 0;
    for (const path of ['/fr/products/tasse-bleue', ...assets]) {
      const { bytes, encoding } = await wireSize(shop.url + path, 'br');
      if (path.startsWith('/fr')) assert.equal(encoding, 'br');
      total += bytes;
    }
    assert.ok(total < 30 * 1024, `product page weighs ${total} bytes`);
  });

  it('reads the same fixed number of SQL statements whatever the product size', async () => {
    const count = async (path: string) => {
      await page(shop, path);
      const before = shop.services.conn.queryCount();
      await page(shop, path);
      return shop.services.conn.queryCount() - before;
    };
    const big = await count('/fr/products/tasse-bleue');
    const small = await count(`/fr/products/${(await makeProduct(shop, { options: [], variants: [{ sku: 'ONE-1', options: [], price: { amount: 500, currency: 'EUR' } }] })).handle}`);
    // catalog.products.getByHandle alone (7 today, stock levels included); the navigation comes from memory.
    assert.equal(big, small);
    assert.ok(big <= 7, `${big} statements`);
  });
});
