import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { cardTitles, linkHref, makeCollection, makeProduct, metaContent, page } from './test-fixtures.ts';

describe('home, search and site pages', () => {
  let shop: TestShop;
  before(async () => {
    shop = await startTestShop({ SHOP_NAME: 'Atelier Lune' });
    const col = await makeCollection(shop, 'Robes', 'Dresses', 'robes');
    await makeCollection(shop, 'Vide', 'Empty', 'vide');
    await makeProduct(shop, { handle: 'robe-lin', translations: { fr: { title: 'Robe d’été en lin', description: 'Légère.' }, en: { title: 'Linen summer dress', description: 'Light.' } }, collectionIds: [col.id] });
    await makeProduct(shop, { handle: 'robe-brouillon', status: 'draft', translations: { fr: { title: 'Robe brouillon', description: '' }, en: { title: 'Draft dress', description: '' } } });
  });
  after(() => shop.close());

  it('renders the home page with hero, collections and new products in both locales', async () => {
    const fr = await page(shop, '/fr/');
    assert.equal(fr.status, 200);
    assert.match(fr.html, /<html lang="fr">/);
    assert.match(fr.html, /<h1>Bienvenue chez Atelier Lune<\/h1>/);
    assert.match(fr.html, /<title>Atelier Lune\u00a0: boutique en ligne<\/title>/);
    assert.match(fr.html, /<ul class="collection-tiles"><li><a href="\/fr\/collections\/robes">/);
    assert.doesNotMatch(fr.html, /collections\/vide/, 'empty collections are not shown');
    assert.deepEqual(cardTitles(fr.html), ['Robe d’été en lin']);
    const en = await page(shop, '/en');
    assert.match(en.html, /<h1>Welcome to Atelier Lune<\/h1>/);
    assert.deepEqual(cardTitles(en.html), ['Linen summer dress']);
    assert.equal(linkHref(en.html, 'canonical'), `${shop.url}/en/`);
    assert.equal(linkHref(en.html, 'alternate', 'x-default'), `${shop.url}/`);
    assert.equal(metaContent(en.html, 'og:type'), 'website');
  });

  it('has landmarks, a skip link, labelled search and a language switch to the same page', async () => {
    const { html } = await page(shop, '/fr/collections/robes?sort=title');
    assert.match(html, /<a class="skip-link" href="#main">Aller au contenu<\/a>/);
    for (const tag of ['<header', '<nav class="site-nav" aria-label="Collections"', '<main id="main"', '<footer']) assert.ok(html.includes(tag), tag);
    assert.match(html, /<label for="search-q" class="visually-hidden">Rechercher des produits<\/label><input id="search-q" type="search" name="q"/);
    // Shared by every visitor: the count is filled in the browser from the cart_count cookie.
    assert.match(html, /<a class="cart-link" href="\/fr\/cart">Panier <span class="cart-count" data-from-cookie="cart_count"><\/span><\/a>/);
    assert.match(html, /<a class="lang-switch" href="\/locale\/en\?next=%2Fen%2Fcollections%2Frobes%3Fsort%3Dtitle" hreflang="en" lang="en">English<\/a>/);
    assert.match(html, /href="\/fr\/pages\/legal">Mentions légales/);
    assert.match(html, /href="\/fr\/pages\/terms">Conditions générales de vente/);
    assert.match(html, /href="\/fr\/pages\/contact">Contact/);
    assert.match(html, /<link rel="stylesheet" href="\/assets\/site\.css\?v=[0-9a-f]{8}"\/>/);
    assert.match(html, /<script src="\/assets\/site\.js\?v=[0-9a-f]{8}" defer><\/script>/);
  });

  it('finds products by search in both locales, active ones only', async () => {
    const fr = await page(shop, '/fr/search?q=robe');
    assert.deepEqual(cardTitles(fr.html), ['Robe d’été en lin']);
    assert.match(fr.html, /Résultats pour «\u00a0robe\u00a0»/);
    assert.match(fr.html, /1\u00a0produit trouvé/);
    assert.match(fr.html, /<input id="search-q" type="search" name="q" value="robe"/);
    assert.match(fr.html, /<meta name="robots" content="noindex, follow"\/>/);
    const en = await page(shop, '/en/search?q=linen');
    assert.deepEqual(cardTitles(en.html), ['Linen summer dress']);
  });

  it('shows an empty state without a query and a no-result state with suggestions', async () => {
    const empty = await page(shop, '/en/search');
    assert.equal(empty.status, 200);
    assert.match(empty.html, /Type a word above to search the shop/);
    const none = await page(shop, '/en/search?q=%3Cscript%3Ezzz');
    assert.equal(none.status, 200);
    assert.match(none.html, /No products match “&lt;script>zzz”/);
    assert.match(none.html, /Browse our collections instead/);
    for (const q of ['q=&page=abc', 'q=robe&page=-2', 'q=%22%2A%28', 'q=' + 'robe '.repeat(100), 'q=robe&q=lin']) {
      assert.equal((await page(shop, `/fr/search?${q}`)).status, 200, q);
    }
  });

  it('redirects / by cookie first, then Accept-Language, then the default locale', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'accept-language': 'en-GB,en;q=0.9,fr;q=0.8' }, '/en/'],
      [{ 'accept-language': 'de;q=1, fr;q=0.5, en;q=0.4' }, '/fr/'],
      [{ 'accept-language': 'en', cookie: 'locale=fr' }, '/fr/'],
      [{ 'accept-language': 'fr', cookie: 'locale=xx' }, '/fr/'],
      [{ 'accept-language': 'de' }, '/fr/'],
      [{}, '/fr/'],
    ];
    for (const [headers, want] of cases) {
      const r = await page(shop, '/', headers);
      assert.equal(r.status, 302, JSON.stringify(headers));
      assert.equal(r.headers.get('location'), want, JSON.stringify(headers));
      assert.match(r.headers.get('vary') ?? '', /Accept-Language/);
      assert.match(r.headers.get('vary') ?? '', /Cookie/);
    }
  });

  it('remembers the language chosen with the switch and returns to the same page', async () => {
    const r = await page(shop, '/locale/en?next=%2Fen%2Fcollections%2Frobes%3Fsort%3Dtitle');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/en/collections/robes?sort=title');
    assert.match(r.headers.get('set-cookie') ?? '', /^locale=en; Max-Age=31536000; Path=\/; HttpOnly; SameSite=Lax/);
    const home = await page(shop, '/', { cookie: 'locale=en', 'accept-language': 'fr' });
    assert.equal(home.headers.get('location'), '/en/');
  });

  it('refuses to send the language switch off the site', async () => {
    for (const next of ['//evil.example/', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/fr/%0d%0aSet-Cookie:x=1']) {
      const r = await page(shop, `/locale/fr?next=${encodeURIComponent(next)}`);
      assert.equal(r.status, 303, next);
      const location = r.headers.get('location') ?? '';
      assert.ok(location === '/fr/' || (location.startsWith('/fr/') && !location.startsWith('//')), `${next} -> ${location}`);
    }
    assert.equal((await page(shop, '/locale/de')).status, 404);
  });

  it('lists active products and collections in both locales in the sitemap', async () => {
    const r = await fetch(`${shop.url}/sitemap.xml`);
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /application\/xml/);
    const xml = await r.text();
    assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    assert.ok(xml.includes(`<loc>${shop.url}/fr/products/robe-lin</loc>`));
    assert.ok(xml.includes(`<loc>${shop.url}/en/products/robe-lin</loc>`));
    assert.ok(xml.includes(`<xhtml:link rel="alternate" hreflang="en" href="${shop.url}/en/products/robe-lin"/>`));
    assert.ok(xml.includes(`<loc>${shop.url}/en/collections/robes</loc><lastmod>`));
    assert.match(xml, /<lastmod>\d{4}-\d\d-\d\dT[\d:.]+Z<\/lastmod>/);
    assert.doesNotMatch(xml, /robe-brouillon/);
    // A product published later appears, and an archived one disappears.
    const later = await makeProduct(shop, { handle: 'robe-nouvelle' });
    assert.ok((await (await fetch(`${shop.url}/sitemap.xml`)).text()).includes('/fr/products/robe-nouvelle'));
    await shop.services.catalog.products.archive(later.id, TEST_ACTOR);
    assert.ok(!(await (await fetch(`${shop.url}/sitemap.xml`)).text()).includes('/fr/products/robe-nouvelle'));
  });

  it('serves robots.txt that keeps crawlers out of admin, API, cart and search', async () => {
    const r = await fetch(`${shop.url}/robots.txt`);
    assert.equal(r.status, 200);
    const text = await r.text();
    for (const line of ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api', 'Disallow: /fr/cart', 'Disallow: /en/cart', 'Disallow: /fr/checkout', 'Disallow: /en/orders', 'Disallow: /fr/account', 'Disallow: /fr/search', 'Disallow: /en/search', `Sitemap: ${shop.url}/sitemap.xml`]) {
      assert.ok(text.split('\n').includes(line), line);
    }
  });

  it('serves legal notice, terms and contact pages with the shop name', async () => {
    for (const [path, title] of [
      ['/fr/pages/legal', 'Mentions légales'],
      ['/en/pages/legal', 'Legal notice'],
      ['/fr/pages/terms', 'Conditions générales de vente'],
      ['/en/pages/terms', 'Terms of sale'],
      ['/en/pages/contact', 'Contact'],
    ]) {
      const r = await page(shop, path!);
      assert.equal(r.status, 200, path);
      assert.match(r.html, new RegExp(`<h1>${title}</h1>`));
      assert.match(r.html, /Atelier Lune/);
    }
    assert.match((await page(shop, '/fr/pages/contact')).html, /<a href="mailto:contact@127\.0\.0\.1">contact@127\.0\.0\.1<\/a>/);
    const own = await startTestShop({ SHOP_EMAIL: 'bonjour@atelier.example' });
    try {
      assert.match((await page(own, '/fr/pages/contact')).html, /mailto:bonjour@atelier\.example/);
    } finally {
      await own.close();
    }
    assert.equal((await page(shop, '/fr/pages/other')).status, 404);
  });

  it('shows an empty cart, never stored, and refuses an add without its form token', async () => {
    const cart = await page(shop, '/en/cart');
    assert.equal(cart.status, 200);
    assert.match(cart.html, /Your cart is empty/);
    assert.equal(cart.headers.get('cache-control'), 'private, no-store');
    assert.match(cart.html, /<meta name="robots" content="noindex, follow"\/>/);
    const add = await fetch(`${shop.url}/fr/cart/add`, { method: 'POST', headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: 'variantId=1&quantity=2' });
    assert.equal(add.status, 403);
    assert.match(await add.text(), /Ce formulaire a expiré/);
  });

  it('serves shared pages with public caching and no cookie', async () => {
    const home = await page(shop, '/en/');
    assert.match(home.headers.get('cache-control') ?? '', /^public, max-age=0, s-maxage=60, stale-while-revalidate=300$/);
    assert.equal(home.headers.get('set-cookie'), null);
  });

  it('shows errors outside locale paths in the shopper language', async () => {
    const r = await page(shop, '/no-such-page', { 'accept-language': 'en-US' });
    assert.equal(r.status, 404);
    assert.match(r.html, /<html lang="en">/);
    assert.match(r.html, /Page not found/);
    const json = await fetch(`${shop.url}/no-such-page`);
    assert.equal(json.status, 404);
    assert.match(json.headers.get('content-type') ?? '', /application\/json/);
  });

  it('refreshes the navigation when a collection or product changes', async () => {
    assert.doesNotMatch((await page(shop, '/en/')).html, /Hats/);
    const hats = await makeCollection(shop, 'Chapeaux', 'Hats', 'chapeaux');
    assert.doesNotMatch((await page(shop, '/en/')).html, /Hats/, 'an empty collection stays out of the navigation');
    await makeProduct(shop, { collectionIds: [hats.id] });
    assert.match((await page(shop, '/en/')).html, /<a href="\/en\/collections\/chapeaux">Hats<\/a>/);
    await shop.services.catalog.collections.update(hats.id, { handle: 'chapeaux', position: 0, translations: { fr: { title: 'Bérets', description: '' }, en: { title: 'Berets', description: '' } } }, TEST_ACTOR);
    assert.match((await page(shop, '/en/')).html, /<a href="\/en\/collections\/chapeaux">Berets<\/a>/);
  });
});
