import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { productInput, startTestShop, type TestShop } from '../../test/helpers/shop.ts';
import { apiClient } from './test-client.ts';

function form(file: Buffer, name: string, type: string, alt?: string, field = 'image'): FormData {
  const f = new FormData();
  if (alt !== undefined) f.append('alt', alt);
  f.append(field, new Blob([new Uint8Array(file)], { type }), name);
  return f;
}

describe('admin API: product images', () => {
  let shop: TestShop;
  let api: ReturnType<typeof apiClient>;
  let productId: number;
  let png: Buffer;
  before(async () => {
    shop = await startTestShop({ MAX_UPLOAD_MB: '1' });
    api = apiClient(shop.url, (await shop.services.apiKeys.create('images', ['catalog:read', 'catalog:write'])).key);
    productId = (await api.post('/api/admin/products', productInput())).body.id;
    png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3366aa' } }).png().toBuffer();
  });
  after(() => shop.close());

  const imageCount = async () => Number((await shop.services.conn.db.selectFrom('product_images').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const storedFiles = () => {
    try {
      return readdirSync(join(shop.config.uploadDir, 'products')).length;
    } catch {
      return 0;
    }
  };

  it('accepts a PNG, stores WebP renditions and lists the image on the product', async () => {
    const res = await api.call('POST', `/api/admin/products/${productId}/images`, form(png, 'mug.png', 'image/png', 'A blue mug'));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.width, 800);
    assert.equal(res.body.height, 600);
    assert.equal(res.body.alt, 'A blue mug');
    assert.deepEqual(res.body.sizes.map((s: { width: number }) => s.width), [320, 640]);
    assert.match(res.body.url, /^http:\/\/127\.0\.0\.1:\d+\/media\/products\/[0-9a-f]+-640\.webp$/);

    const served = await fetch(res.body.url);
    assert.equal(served.status, 200);
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.width, 640);

    const product = await api.get(`/api/admin/products/${productId}`);
    assert.deepEqual(product.body.images, [res.body]);
  });

  it('removes an image and its files with 204', async () => {
    const added = await api.call('POST', `/api/admin/products/${productId}/images`, form(png, 'mug.png', 'image/png'));
    const files = storedFiles();
    const res = await api.del(`/api/admin/products/${productId}/images/${added.body.id}`);
    assert.equal(res.status, 204);
    assert.equal(res.body, undefined);
    assert.ok(storedFiles() < files);
    const product = await api.get(`/api/admin/products/${productId}`);
    assert.ok(!product.body.images.some((i: { id: number }) => i.id === added.body.id));
    assert.equal((await api.del(`/api/admin/products/${productId}/images/${added.body.id}`)).status, 404);
  });

  it('refuses a text file with 415 and stores nothing', async () => {
    const images = await imageCount();
    const files = storedFiles();
    const res = await api.call('POST', `/api/admin/products/${productId}/images`, form(Buffer.from('not an image at all\n'), 'notes.txt', 'text/plain'));
    assert.equal(res.status, 415);
    assert.equal(res.body.error.code, 'UNSUPPORTED_MEDIA');
    assert.match(res.body.error.message, /not an image/);
    assert.equal(res.body.error.fields[0].field, 'image');
    assert.equal(await imageCount(), images);
    assert.equal(storedFiles(), files);
  });

  it('refuses a file over MAX_UPLOAD_MB with 413 and a message giving the limit', async () => {
    const images = await imageCount();
    const noise = await sharp(randomBytes(900 * 900 * 3), { raw: { width: 900, height: 900, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    assert.ok(noise.length > 1024 * 1024);
    const res = await api.call('POST', `/api/admin/products/${productId}/images`, form(noise, 'big.png', 'image/png'));
    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'PAYLOAD_TOO_LARGE');
    assert.match(res.body.error.message, /1 MB/);
    assert.equal(await imageCount(), images);
  });

  it('refuses a request that is not multipart, a missing file and unknown fields, naming the field', async () => {
    const json = await api.post(`/api/admin/products/${productId}/images`, { image: 'http://example.com/a.png' });
    assert.equal(json.status, 415);
    const noFile = new FormData();
    noFile.append('alt', 'nothing');
    const missing = await api.call('POST', `/api/admin/products/${productId}/images`, noFile);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.fields[0].field, 'image');
    const wrongField = await api.call('POST', `/api/admin/products/${productId}/images`, form(png, 'mug.png', 'image/png', undefined, 'photo'));
    assert.equal(wrongField.status, 400);
    assert.equal(wrongField.body.error.fields[0].field, 'photo');
    const longAlt = await api.call('POST', `/api/admin/products/${productId}/images`, form(png, 'mug.png', 'image/png', 'x'.repeat(300)));
    assert.equal(longAlt.status, 400);
    assert.equal(longAlt.body.error.fields[0].field, 'alt');
  });

  it('answers 404 for an unknown product and 403 for a read-only key', async () => {
    const res = await api.call('POST', '/api/admin/products/999999/images', form(png, 'mug.png', 'image/png'));
    assert.equal(res.status, 404);
    const reader = apiClient(shop.url, (await shop.services.apiKeys.create('reader', ['catalog:read'])).key);
    const denied = await reader.call('POST', `/api/admin/products/${productId}/images`, form(png, 'mug.png', 'image/png'));
    assert.equal(denied.status, 403);
  });
});
