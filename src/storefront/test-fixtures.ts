import { request } from 'node:http';
import sharp from 'sharp';
import { productInput, TEST_ACTOR, type TestShop } from '../../test/helpers/shop.ts';
import type { z } from 'zod';
import type { CollectionView, ProductInput, ProductInputSchema, ProductView } from '../catalog/index.ts';

// Shared by the storefront tests: small catalog builders and HTML probes (regular expressions are
// enough for the stable markup the storefront promises: ids, classes and meta tags).

export async function makeCollection(shop: TestShop, fr: string, en: string, handle?: string): Promise<CollectionView> {
  return shop.services.catalog.collections.create({ handle, position: 0, translations: { fr: { title: fr, description: `${fr}.` }, en: { title: en, description: `${en}.` } } }, TEST_ACTOR);
}

/** A product from the test defaults; `over` is schema input, so variant defaults (weight, tracking) may be left out. */
export async function makeProduct(shop: TestShop, over: Partial<z.input<typeof ProductInputSchema>> = {}): Promise<ProductView> {
  return shop.services.catalog.products.create(productInput(over as Partial<ProductInput>), TEST_ACTOR);
}

export async function addImage(shop: TestShop, productId: number, alt = ''): Promise<void> {
  const png = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#b04a2f' } }).png().toBuffer();
  await shop.services.catalog.images.add(productId, png, alt, TEST_ACTOR);
}

export async function page(shop: TestShop, path: string, headers: Record<string, string> = {}): Promise<{ status: number; html: string; headers: Headers }> {
  const r = await fetch(shop.url + path, { redirect: 'manual', headers: { accept: 'text/html', ...headers } });
  return { status: r.status, html: await r.text(), headers: r.headers };
}

export function metaContent(html: string, key: string): string | undefined {
  const re = new RegExp(`<meta (?:name|property)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)"`);
  return decode(re.exec(html)?.[1]);
}

const decode = (s: string | undefined) => s?.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function linkHref(html: string, rel: string, hreflang?: string): string | undefined {
  const re = hreflang ? new RegExp(`<link rel="${rel}" hreflang="${hreflang}" href="([^"]*)"`) : new RegExp(`<link rel="${rel}" href="([^"]*)"`);
  return decode(re.exec(html)?.[1]);
}

export function jsonLd(html: string): Record<string, any> {
  const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
  if (!m) throw new Error('no JSON-LD on the page');
  return JSON.parse(m[1]!);
}

/** Product card titles in grid order. */
export function cardTitles(html: string): string[] {
  return [...html.matchAll(/<li class="product-card">[\s\S]*?class="card-title">([^<]*)</g)].map((m) => m[1]!);
}

/** The bytes on the wire (compressed as asked), which fetch would hide by decompressing. */
export function wireSize(url: string, encoding: string): Promise<{ bytes: number; encoding: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': encoding, accept: 'text/html,*/*' } }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}
