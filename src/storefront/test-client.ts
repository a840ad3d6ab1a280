import type { TestShop } from '../../test/helpers/shop.ts';
import { formEntries, setEntry } from '../admin/test-client.ts';
import { CookieJar } from '../lib/cookie-jar.ts';

export { formEntries, inputValue, setEntry, uncheck } from '../admin/test-client.ts';

// For the buying-path tests: a small browser that keeps cookies, never follows redirects, and
// submits forms as they stand in the page.

/** A test shop for one shopper's many requests: no worker, and per-IP limits high enough for a whole suite from 127.0.0.1. */
export const SHOPPER_ENV = { WORKER: '0', RATE_LIMIT_CART: '10000', RATE_LIMIT_CHECKOUT: '10000', RATE_LIMIT_SEARCH: '10000' };

/** What a shopper types into the checkout form (field names of #checkout-form). */
export const ADDRESS = { email: 'camille@example.com', name: 'Camille Martin', line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon', cardNumber: '4242 4242 4242 4242', terms: '1' };

export class ShopClient {
  readonly cookies = new CookieJar();
  /** Each Set-Cookie header of the last response, whole, to check its attributes. */
  lastSetCookies: string[] = [];
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', this.cookies.header().cookie!);
    if (!headers.has('accept')) headers.set('accept', 'text/html');
    // Browsers name the page's origin on every form post (the add-to-cart form is checked by it); `origin: ''` leaves it out.
    if (init.method && init.method !== 'GET' && !headers.has('origin')) headers.set('origin', this.base);
    if (headers.get('origin') === '') headers.delete('origin');
    const res = await fetch(this.base + path, { ...init, headers, redirect: 'manual' });
    this.lastSetCookies = res.headers.getSetCookie();
    this.cookies.store(this.lastSetCookies);
    return res;
  }

  async page(path: string): Promise<{ status: number; html: string; headers: Headers }> {
    const r = await this.fetch(path);
    return { status: r.status, html: await r.text(), headers: r.headers };
  }

  post(path: string, entries: [string, string][] | Record<string, string>, headers: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams(Array.isArray(entries) ? entries : Object.entries(entries));
    return this.fetch(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });
  }

  /** Submits the form with this id from the page at `path`, with some fields changed. */
  async submit(path: string, formId: string, changes: Record<string, string> = {}, html?: string): Promise<Response> {
    const source = html ?? (await this.page(path)).html;
    const entries = formEntries(source, formId);
    for (const [k, v] of Object.entries(changes)) setEntry(entries, k, v);
    const action = new RegExp(`<form id="${formId}"[^>]*action="([^"]+)"`).exec(source)?.[1];
    if (!action) throw new Error(`form #${formId} has no action`);
    return this.post(action.replace(/&amp;/g, '&'), entries);
  }
}

/** A shopper who has added `quantity` of a product's variant from its page. */
export async function shopperWithCart(shop: TestShop, handle: string, variantId: number, quantity = 1, locale: 'fr' | 'en' = 'en'): Promise<ShopClient> {
  const client = new ShopClient(shop.url);
  const r = await client.submit(`/${locale}/products/${handle}?variant=${variantId}`, 'add-to-cart', { quantity: String(quantity) });
  if (r.status !== 303) throw new Error(`add to cart answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
  return client;
}

/** The visible text of an element with this id (tags removed), for short assertions. */
export function textOf(html: string, id: string): string | undefined {
  const m = new RegExp(`id="${id}"[^>]*>([\\s\\S]*?)</(p|dd|h1|div|li|span)>`).exec(html);
  return m?.[1]?.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').trim();
}
