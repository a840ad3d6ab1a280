import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { fieldId } from './form-fields.tsx';
import { type AdminClient, formEntries, inputValue, loggedIn, setEntry, uncheck } from './test-client.ts';

type Entries = [string, string][];

function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`id="${fieldId(name)}-error">([^<]*)<`).exec(html);
  return m ? m[1]!.replace(/&quot;/g, '"') : null;
}

describe('admin product form', () => {
  let shop: TestShop;
  let c: AdminClient;
  const count = async (table: 'products' | 'variants' | 'stock_movements' | 'audit_log') =>
    Number((await shop.services.conn.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  before(async () => {
    shop = await startTestShop({ LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  async function newForm(): Promise<Entries> {
    const res = await c.get('/admin/products/new');
    assert.equal(res.status, 200);
    return formEntries(await res.text(), 'product-form');
  }

  async function editForm(id: number): Promise<Entries> {
    const res = await c.get(`/admin/products/${id}`);
    assert.equal(res.status, 200);
    return formEntries(await res.text(), 'product-form');
  }

  function fillBasic(e: Entries, n: string): Entries {
    setEntry(e, 'translations.fr.title', `Bol ${n}`);
    setEntry(e, 'translations.en.title', `Bowl ${n}`);
    setEntry(e, 'variants.0.sku', `BOL-${n}`);
    setEntry(e, 'variants.0.price', '12,50');
    return e;
  }

  it('shows an empty product form with the hooks browser tests rely on', async () => {
    const html = await (await c.get('/admin/products/new')).text();
    assert.match(html, /<form id="product-form"/);
    assert.match(html, /name="variants\.0\.price"/);
    assert.match(html, /<button type="submit" class="button primary">Save<\/button>/);
    assert.equal(inputValue(html, 'variants.3.sku'), undefined, 'three blank rows for a new product');
    assert.notEqual(inputValue(html, 'variants.2.sku'), undefined);
  });

  it('creates a product with options, variants, stock and collections through the form', async () => {
    const col = await shop.services.catalog.collections.create({ position: 0, translations: { en: { title: 'Kitchen', description: '' } } }, TEST_ACTOR);
    const e = await newForm();
    setEntry(e, 'status', 'active');
    setEntry(e, 'vendor', 'Atelier Nord');
    setEntry(e, 'taxCategory', 'reduced');
    setEntry(e, 'translations.fr.title', 'Tasse émaillée');
    setEntry(e, 'translations.fr.description', 'Faite main.\r\nLavable.');
    setEntry(e, 'translations.en.title', 'Glazed mug');
    setEntry(e, 'options.0', 'Size');
    setEntry(e, 'variants.0.sku', 'TASSE-S');
    setEntry(e, 'variants.0.options.0', 'S');
    setEntry(e, 'variants.0.price', '12,50');
    setEntry(e, 'variants.0.compareAtPrice', '15');
    setEntry(e, 'variants.0.onHand', '4');
    setEntry(e, 'variants.0.weightGrams', '350');
    setEntry(e, 'variants.1.sku', 'TASSE-M');
    setEntry(e, 'variants.1.options.0', 'M');
    setEntry(e, 'variants.1.price', '13.00');
    e.push(['variants.1.allowBackorder', 'on'], ['collectionIds', String(col.id)]);
    const res = await c.postForm('/admin/products', e);
    assert.equal(res.status, 303, await res.clone().text());
    const location = res.headers.get('location')!;
    const id = Number(/^\/admin\/products\/(\d+)\?flash=saved$/.exec(location)?.[1]);
    assert.ok(id > 0, location);

    const page = await (await c.get(location)).text();
    assert.match(page, /<p class="flash" role="status">Saved<\/p>/);

    const p = (await shop.services.catalog.products.get(id))!;
    assert.equal(p.handle, 'tasse-emaillee');
    assert.equal(p.status, 'active');
    assert.equal(p.vendor, 'Atelier Nord');
    assert.equal(p.taxCategory, 'reduced');
    assert.equal(p.translations.fr?.description, 'Faite main.\nLavable.');
    assert.deepEqual(p.options, [{ name: 'Size', values: ['S', 'M'] }]);
    assert.deepEqual(
      p.variants.map((v) => [v.sku, v.options, v.price.amount, v.compareAtPrice?.amount ?? null, v.stock.onHand, v.weightGrams, v.trackInventory, v.allowBackorder]),
      [
        ['TASSE-S', ['S'], 1250, 1500, 4, 350, true, false],
        ['TASSE-M', ['M'], 1300, null, 0, 0, true, true],
      ],
    );
    assert.deepEqual(p.collections.map((x) => x.id), [col.id]);
    const log = await shop.services.conn.db.selectFrom('audit_log').selectAll().where('action', '=', 'product.create').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    assert.match(log.actor, /^owner-.*@shop\.test$/);
  });

  it('changes a price through the edit form and leaves the stock alone', async () => {
    const created = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const moves = await count('stock_movements');
    const e = await editForm(created.id);
    assert.equal(e.find(([k]) => k === 'variants.0.price')?.[1], '18.00');
    setEntry(e, 'variants.0.price', '19.90');
    const res = await c.postForm(`/admin/products/${created.id}`, e);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/admin/products/${created.id}?flash=saved`);
    const p = (await shop.services.catalog.products.get(created.id))!;
    assert.deepEqual(p.variants[0]!.price, { amount: 1990, currency: 'EUR' });
    assert.equal(p.variants[1]!.price.amount, 2000);
    assert.deepEqual(p.variants.map((v) => v.id), created.variants.map((v) => v.id), 'variants are updated in place');
    assert.equal(p.variants[0]!.stock.onHand, 5);
    assert.equal(await count('stock_movements'), moves, 'an unchanged stock field writes no movement');
    assert.equal(p.handle, created.handle);
  });

  it('sets stock, removes a variant and adds one from a blank row in one save', async () => {
    const created = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    let e = await editForm(created.id);
    setEntry(e, 'variants.0.onHand', '9');
    e.push(['variants.1.remove', 'on']);
    setEntry(e, 'variants.2.sku', `${created.variants[0]!.sku}-GRN`);
    setEntry(e, 'variants.2.options.0', 'Vert');
    setEntry(e, 'variants.2.price', '21');
    setEntry(e, 'variants.2.onHand', '2');
    e = uncheck(e, 'variants.2.trackInventory');
    const res = await c.postForm(`/admin/products/${created.id}`, e);
    assert.equal(res.status, 303, await res.clone().text());
    const p = (await shop.services.catalog.products.get(created.id))!;
    assert.deepEqual(
      p.variants.map((v) => [v.options[0], v.price.amount, v.stock.onHand, v.trackInventory]),
      [
        ['Bleu', 1800, 9, true],
        ['Vert', 2100, 2, false],
      ],
    );
  });

  it('makes the handle again from the title when it is cleared on an edit', async () => {
    const created = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const e = await editForm(created.id);
    setEntry(e, 'handle', '');
    setEntry(e, 'translations.fr.title', 'Grande tasse à thé');
    assert.equal((await c.postForm(`/admin/products/${created.id}`, e)).status, 303);
    assert.equal((await shop.services.catalog.products.get(created.id))!.handle, 'grande-tasse-a-the');
  });

  const existingSku = 'TAKEN-SKU-1';
  const badCases: { name: string; change: (e: Entries) => void; field: string; message: RegExp }[] = [
    { name: 'a negative price', change: (e) => setEntry(e, 'variants.0.price', '-5'), field: 'variants.0.price', message: /enter a price like 12\.50/ },
    { name: 'a price with three decimals', change: (e) => setEntry(e, 'variants.0.price', '12.345'), field: 'variants.0.price', message: /enter a price like 12\.50/ },
    { name: 'no price', change: (e) => setEntry(e, 'variants.0.price', ''), field: 'variants.0.price', message: /enter a price like 12\.50/ },
    { name: 'a compare-at price that is not a price', change: (e) => setEntry(e, 'variants.0.compareAtPrice', 'abc'), field: 'variants.0.compareAtPrice', message: /enter a price like 12\.50/ },
    { name: 'a compare-at price below the price', change: (e) => setEntry(e, 'variants.0.compareAtPrice', '10'), field: 'variants.0.compareAtPrice', message: /must be higher than the price/ },
    { name: 'fractional stock', change: (e) => setEntry(e, 'variants.0.onHand', '1.5'), field: 'variants.0.onHand', message: /stock must be a whole number/ },
    { name: 'negative stock', change: (e) => setEntry(e, 'variants.0.onHand', '-2'), field: 'variants.0.onHand', message: /stock cannot be negative/ },
    { name: 'a weight in decimals', change: (e) => setEntry(e, 'variants.0.weightGrams', '1.5'), field: 'variants.0.weightGrams', message: /whole grams/ },
    { name: 'a SKU another product uses', change: (e) => setEntry(e, 'variants.0.sku', existingSku), field: 'variants.0.sku', message: /already used by another product/ },
    {
      name: 'the same SKU twice in the form',
      change: (e) => {
        setEntry(e, 'variants.1.sku', e.find(([k]) => k === 'variants.0.sku')![1]);
        setEntry(e, 'variants.1.price', '3');
      },
      field: 'variants.1.sku',
      message: /used by variant 1 too/,
    },
    { name: 'a SKU with spaces', change: (e) => setEntry(e, 'variants.0.sku', 'MY SKU'), field: 'variants.0.sku', message: /SKU may hold/ },
    { name: 'a handle another product uses', change: (e) => setEntry(e, 'handle', 'taken-handle'), field: 'handle', message: /already used by another product/ },
    { name: 'a handle with capitals', change: (e) => setEntry(e, 'handle', 'Bad Handle'), field: 'handle', message: /lower-case letters/ },
    {
      name: 'no title in any language',
      change: (e) => {
        setEntry(e, 'translations.fr.title', '');
        setEntry(e, 'translations.en.title', '');
      },
      field: 'translations.fr.title',
      message: /give a title in French or English/,
    },
    { name: 'a description without a title', change: (e) => (setEntry(e, 'translations.en.title', ''), setEntry(e, 'translations.en.description', 'Text')), field: 'translations.en.title', message: /give a title for this language/ },
    { name: 'no variant at all', change: (e) => (setEntry(e, 'variants.0.sku', ''), setEntry(e, 'variants.0.price', '')), field: 'variants.0.sku', message: /at least one variant/ },
    { name: 'an option without a value', change: (e) => setEntry(e, 'options.0', 'Size'), field: 'variants.0.options.0', message: /give a value for this option/ },
    { name: 'an unknown status', change: (e) => setEntry(e, 'status', 'deleted'), field: 'status', message: /choose one of the listed values/ },
  ];

  describe('refuses bad input with the form again, messages beside the fields and nothing saved', () => {
    before(async () => {
      await shop.services.catalog.products.create(productInput({ handle: 'taken-handle', variants: [{ sku: existingSku, price: { amount: 100, currency: 'EUR' } }], options: [] }), TEST_ACTOR);
    });

    let n = 0;
    for (const bad of badCases) {
      it(`refuses ${bad.name}`, async () => {
        const e = fillBasic(await newForm(), `bad-${++n}`);
        bad.change(e);
        const before = { products: await count('products'), variants: await count('variants'), audit: await count('audit_log') };
        const res = await c.postForm('/admin/products', e);
        assert.equal(res.status, 400);
        const html = await res.text();
        assert.match(html, /class="error-summary" role="alert"/);
        assert.match(fieldError(html, bad.field) ?? '(no message)', bad.message);
        assert.match(html, new RegExp(`id="${fieldId(bad.field)}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="${fieldId(bad.field)}"`));
        const typed = e.find(([k]) => k === bad.field);
        if (typed && bad.field !== 'status') assert.equal(inputValue(html, bad.field), typed[1], 'the typed value is shown again');
        assert.deepEqual({ products: await count('products'), variants: await count('variants'), audit: await count('audit_log') }, before);
      });
    }
  });

  it('puts a message from the service beside the right row when blank rows come first', async () => {
    const e = await newForm();
    setEntry(e, 'translations.en.title', 'Row mapping');
    setEntry(e, 'variants.1.sku', existingSku);
    setEntry(e, 'variants.1.price', '4');
    const res = await c.postForm('/admin/products', e);
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(fieldError(html, 'variants.1.sku') ?? '', /already used by another product/);
    assert.equal(fieldError(html, 'variants.0.sku'), null);
  });

  it('keeps the stored product when an edit is refused', async () => {
    const created = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const e = await editForm(created.id);
    setEntry(e, 'variants.0.price', '12.345');
    setEntry(e, 'variants.1.price', '30');
    const res = await c.postForm(`/admin/products/${created.id}`, e);
    assert.equal(res.status, 400);
    const html = await res.text();
    assert.match(fieldError(html, 'variants.0.price') ?? '', /enter a price like 12\.50/);
    assert.equal(inputValue(html, 'variants.1.price'), '30');
    const p = (await shop.services.catalog.products.get(created.id))!;
    assert.deepEqual(p.variants.map((v) => v.price.amount), [1800, 2000]);
  });

  it('refuses a post without or with a wrong CSRF token and changes nothing', async () => {
    const created = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const products = await count('products');
    for (const token of [null, 'wrong-token', '']) {
      const create = fillBasic(await newForm(), `csrf-${token}`).filter(([k]) => k !== '_csrf');
      if (token !== null) create.push(['_csrf', token]);
      const r1 = await c.postForm('/admin/products', create);
      assert.equal(r1.status, 403);
      assert.match(await r1.text(), /This form had expired/);

      const edit = (await editForm(created.id)).filter(([k]) => k !== '_csrf');
      setEntry(edit, 'variants.0.price', '1.00');
      if (token !== null) edit.push(['_csrf', token]);
      assert.equal((await c.postForm(`/admin/products/${created.id}`, edit)).status, 403);

      const archive = await c.postForm(`/admin/products/${created.id}/archive`, token === null ? {} : { _csrf: token });
      assert.equal(archive.status, 403);
    }
    assert.equal(await count('products'), products);
    const p = (await shop.services.catalog.products.get(created.id))!;
    assert.equal(p.variants[0]!.price.amount, 1800);
    assert.equal(p.status, 'active');
  });

  it('refuses a token from another session', async () => {
    const other = await loggedIn(shop.url, shop.services);
    const created = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const res = await c.postForm(`/admin/products/${created.id}/archive`, { _csrf: await other.csrf() });
    assert.equal(res.status, 403);
    assert.equal((await shop.services.catalog.products.get(created.id))!.status, 'active');
  });

  it('archives a product with the archive button', async () => {
    const created = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const html = await (await c.get(`/admin/products/${created.id}`)).text();
    assert.match(html, new RegExp(`action="/admin/products/${created.id}/archive"`));
    const res = await c.postForm(`/admin/products/${created.id}/archive`, { _csrf: await c.csrf() });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `/admin/products/${created.id}?flash=archived`);
    assert.equal((await shop.services.catalog.products.get(created.id))!.status, 'archived');
    const after = await (await c.get(res.headers.get('location')!)).text();
    assert.match(after, /class="flash"/);
    assert.doesNotMatch(after, /\/archive"/, 'no archive button on an archived product');
  });

  it('answers 404 pages for products that do not exist and 400 for ids that are not numbers', async () => {
    assert.equal((await c.get('/admin/products/999999')).status, 404);
    assert.equal((await c.get('/admin/products/abc')).status, 400);
    assert.equal((await c.postForm('/admin/products/999999/archive', { _csrf: await c.csrf() })).status, 404);
  });

  it('escapes what staff typed when showing it again', async () => {
    const e = fillBasic(await newForm(), 'xss');
    setEntry(e, 'translations.en.title', '<script>alert(1)</script>');
    setEntry(e, 'variants.0.price', 'bad"><b>');
    const html = await (await c.postForm('/admin/products', e)).text();
    assert.doesNotMatch(html, /<script>alert/);
    assert.doesNotMatch(html, /"><b>/);
  });
});
