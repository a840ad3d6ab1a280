import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { productInput, startTestShop, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import { type AdminClient, formEntries, loggedIn } from './test-client.ts';

const png = (width = 40, height = 30) => sharp({ create: { width, height, channels: 3, background: '#c0392b' } }).png().toBuffer();

function uploadBody(fields: [string, string][], file: { data: Buffer; name: string; type: string } | null): FormData {
  const form = new FormData();
  for (const [k, v] of fields) form.append(k, v);
  if (file) form.append('image', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return form;
}

function storedFiles(shop: TestShop): string[] {
  const dir = join(shop.config.uploadDir, 'products');
  return existsSync(dir) ? readdirSync(dir) : [];
}

describe('admin product images', () => {
  let shop: TestShop;
  let c: AdminClient;
  before(async () => {
    shop = await startTestShop({ LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  async function uploadFields(productId: number): Promise<[string, string][]> {
    const html = await (await c.get(`/admin/products/${productId}`)).text();
    assert.match(html, /enctype="multipart\/form-data"/);
    assert.match(html, /accept="image\/\*"/);
    return formEntries(html, 'image-form');
  }

  const upload = (productId: number, body: FormData) => c.fetch(`/admin/products/${productId}/images`, { method: 'POST', body });

  it('uploads a PNG, stores its resized files and shows it on the product page', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const fields = (await uploadFields(p.id)).map(([k, v]) => (k === 'alt' ? [k, 'A red mug'] : [k, v]) as [string, string]);
    const res = await upload(p.id, uploadBody(fields, { data: await png(), name: 'red.png', type: 'image/png' }));
    assert.equal(res.status, 303, await res.clone().text());
    assert.equal(res.headers.get('location'), `/admin/products/${p.id}?flash=image-added#images`);
    const stored = (await shop.services.catalog.products.get(p.id))!;
    assert.equal(stored.images.length, 1);
    assert.equal(stored.images[0]!.alt, 'A red mug');
    assert.equal(stored.images[0]!.width, 40);
    const html = await (await c.get(`/admin/products/${p.id}?flash=image-added`)).text();
    const src = new RegExp(`src="(/media/products/${stored.images[0]!.key}-40\\.webp)"`).exec(html)?.[1];
    assert.ok(src, 'thumbnail shown');
    assert.match(html, /class="flash"/);
    const media = await fetch(shop.url + src);
    assert.equal(media.status, 200);
    assert.equal(media.headers.get('content-type'), 'image/webp');
  });

  it('refuses a text file with a clear message and stores nothing', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const files = storedFiles(shop).length;
    const res = await upload(p.id, uploadBody(await uploadFields(p.id), { data: Buffer.from('just some words\n'), name: 'notes.png', type: 'image/png' }));
    assert.equal(res.status, 415);
    assert.match(await res.text(), /this file is not an image we can read/);
    assert.equal((await shop.services.catalog.products.get(p.id))!.images.length, 0);
    assert.equal(storedFiles(shop).length, files);
  });

  it('asks for a file when none was chosen', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const res = await upload(p.id, uploadBody(await uploadFields(p.id), { data: Buffer.alloc(0), name: '', type: 'application/octet-stream' }));
    assert.equal(res.status, 400);
    assert.match(await res.text(), /choose an image file/);
  });

  it('refuses an upload without the right CSRF token and stores nothing', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const files = storedFiles(shop).length;
    for (const fields of [[], [['_csrf', 'forged']]] as [string, string][][]) {
      const res = await upload(p.id, uploadBody(fields, { data: await png(), name: 'red.png', type: 'image/png' }));
      assert.equal(res.status, 403);
    }
    assert.equal((await shop.services.catalog.products.get(p.id))!.images.length, 0);
    assert.equal(storedFiles(shop).length, files);
  });

  it('deletes an image with its files, only with the CSRF token', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const img = await shop.services.catalog.images.add(p.id, await png(), '', TEST_ACTOR);
    const before = storedFiles(shop).filter((f) => f.startsWith(img.key));
    assert.ok(before.length > 0);
    assert.equal((await c.postForm(`/admin/products/${p.id}/images/${img.id}/delete`, { _csrf: 'nope' })).status, 403);
    assert.equal((await shop.services.catalog.products.get(p.id))!.images.length, 1);
    const res = await c.postForm(`/admin/products/${p.id}/images/${img.id}/delete`, { _csrf: await c.csrf() });
    assert.equal(res.status, 303);
    assert.equal((await shop.services.catalog.products.get(p.id))!.images.length, 0);
    assert.deepEqual(storedFiles(shop).filter((f) => f.startsWith(img.key)), []);
  });

  it('does not let a packer upload images', async () => {
    const packer = await loggedIn(shop.url, shop.services, 'packer');
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const res = await packer.fetch(`/admin/products/${p.id}/images`, { method: 'POST', body: uploadBody([['_csrf', 'x']], { data: await png(), name: 'a.png', type: 'image/png' }) });
    assert.equal(res.status, 403);
    assert.equal((await shop.services.catalog.products.get(p.id))!.images.length, 0);
  });
});

describe('admin image upload size limit', () => {
  let shop: TestShop;
  let c: AdminClient;
  before(async () => {
    shop = await startTestShop({ MAX_UPLOAD_MB: '1', LOGIN_RATE_LIMIT: '1000' });
    c = await loggedIn(shop.url, shop.services);
  });
  after(() => shop.close());

  it('refuses a file over MAX_UPLOAD_MB with a message naming the limit and stores nothing', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const fields = formEntries(await (await c.get(`/admin/products/${p.id}`)).text(), 'image-form');
    const big = Buffer.concat([await png(), randomBytes(1024 * 1024 + 200_000)]);
    const res = await c.fetch(`/admin/products/${p.id}/images`, { method: 'POST', body: uploadBody(fields, { data: big, name: 'huge.png', type: 'image/png' }) });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /the image is larger than 1 MB/);
    assert.equal((await shop.services.catalog.products.get(p.id))!.images.length, 0);
    assert.deepEqual(storedFiles(shop), []);
  });

  it('still takes an image under the limit', async () => {
    const p = await shop.services.catalog.products.create(productInput(), TEST_ACTOR);
    const fields = formEntries(await (await c.get(`/admin/products/${p.id}`)).text(), 'image-form');
    const res = await c.fetch(`/admin/products/${p.id}/images`, { method: 'POST', body: uploadBody(fields, { data: await png(200, 100), name: 'ok.png', type: 'image/png' }) });
    assert.equal(res.status, 303);
  });
});
