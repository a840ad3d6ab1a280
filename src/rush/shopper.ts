import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { CookieJar } from '../lib/cookie-jar.ts';

// One virtual phone shopper's journey through the shop's HTML pages, as a browser would take it:
// home, a product page, add to cart, the checkout page (or the waiting room until let in), some time
// filling in the form, then placing the order. Cookies are kept between requests like a browser's.

export type Step = 'home' | 'product' | 'cart' | 'add' | 'checkout-page' | 'waiting' | 'place-order';
export const STEPS: Step[] = ['home', 'product', 'cart', 'add', 'checkout-page', 'waiting', 'place-order'];
export type Outcome = 'ordered' | 'sold_out' | 'declined' | 'error' | 'gave_up';

export type Recorder = {
  /** A response; `timed: false` counts its status but keeps it out of the step's latencies (a queue answer). */
  step(step: Step, ms: number, status: number, timed?: boolean): void;
  queued(ms: number): void;
  order(variantId: number, units: number): void;
};

export type Catalog = { locale: string; products: { handle: string; variants: { id: number; available: boolean }[] }[] };

export type Pace = {
  /** Time spent filling in the checkout form once on the page. */
  thinkMs: number;
  /** The longest wait between two questions to the waiting room (the page itself waits its pollSeconds). */
  maxPollMs: number;
};

const FORM = { name: 'Rush Shopper', line1: '1 rue de la Paix', postalCode: '75002', city: 'Paris', country: 'FR', paymentProvider: 'test', cardNumber: '4242424242424242', terms: '1' };
const WAITING_ROOM = /^\/waiting-room\b/;
const ORDER_PAGE = /^\/(?:fr|en)\/orders\/\d+/;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The page's text, whatever encoding the shop chose (a phone asks for br and gzip). */
function decode(buf: Buffer, encoding: string): string {
  if (encoding === 'br') return brotliDecompressSync(buf).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(buf).toString('utf8');
  if (encoding === 'deflate') return inflateSync(buf).toString('utf8');
  return buf.toString('utf8');
}

/** The checkout form's hidden fields and first shipping choice, read from the page. */
export function readCheckoutPage(html: string): { csrf: string; checkoutKey: string; shippingMethodId: string | null } | null {
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  const checkoutKey = /name="checkoutKey" value="([^"]+)"/.exec(html)?.[1];
  const shippingMethodId = /name="shippingMethodId" value="(\d+)"/.exec(html)?.[1] ?? null;
  return csrf && checkoutKey ? { csrf, checkoutKey, shippingMethodId } : null;
}

export async function journey(base: string, agent: Agent, catalog: Catalog, n: number, rec: Recorder, deadline: number, pace: Pace): Promise<Outcome> {
  const jar = new CookieJar();
  const locale = catalog.locale;
  const call = async (step: Step, method: 'GET' | 'POST', path: string, opts: { form?: Record<string, string>; read?: boolean } = {}) => {
    const t = performance.now();
    const r = await request(base + path, {
      method,
      dispatcher: agent,
      headers: {
        'accept-encoding': 'br, gzip',
        accept: 'text/html,application/json',
        ...jar.header(),
        ...(opts.form ? { 'content-type': 'application/x-www-form-urlencoded', origin: base } : {}),
      },
      body: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
      headersTimeout: 30_000,
      bodyTimeout: 30_000,
    });
    const buf = Buffer.from(await r.body.arrayBuffer());
    const ms = performance.now() - t;
    jar.store(r.headers['set-cookie']);
    const location = String(r.headers.location ?? '');
    const retryAfter = Number(r.headers['retry-after'] ?? 0);
    const text = () => decode(buf, String(r.headers['content-encoding'] ?? ''));
    return { status: r.statusCode, ms, location, retryAfter, text };
  };
  /** Waits out a 429 or 503 when the deadline allows; false when it does not. */
  const backOff = async (retryAfter: number) => {
    const wait = Math.min(Math.max(retryAfter || 1, 1), 5) * 1000;
    if (Date.now() + wait > deadline) return false;
    await sleep(wait);
    return true;
  };

  const product = catalog.products[n % catalog.products.length]!;
  const variant = product.variants[Math.floor(n / catalog.products.length) % product.variants.length]!;
  const home = await call('home', 'GET', `/${locale}/`);
  rec.step('home', home.ms, home.status);
  if (home.status >= 500) return 'error';
  const page = await call('product', 'GET', `/${locale}/products/${product.handle}`);
  rec.step('product', page.ms, page.status);
  if (page.status >= 500) return 'error';

  for (;;) {
    const add = await call('add', 'POST', `/${locale}/cart/add`, { form: { variantId: String(variant.id), quantity: '1', handle: product.handle } });
    rec.step('add', add.ms, add.status);
    if (add.status === 303) break;
    if (add.status === 409) return 'sold_out';
    if ((add.status === 429 || add.status === 503) && (await backOff(add.retryAfter))) continue;
    return 'error';
  }

  // The checkout page, through the waiting room when the gate says so.
  let form: NonNullable<ReturnType<typeof readCheckoutPage>> | null = null;
  let queuedAt: number | null = null;
  while (!form) {
    const res = await call('checkout-page', 'GET', `/${locale}/checkout`);
    const sentToWait = res.status === 303 && WAITING_ROOM.test(res.location);
    rec.step('checkout-page', res.ms, res.status, !sentToWait && res.status !== 503);
    if (res.status === 200) {
      form = readCheckoutPage(res.text());
      if (!form) return 'error';
      break;
    }
    if (sentToWait) {
      if (res.location.includes('sold-out=1')) return 'sold_out';
      queuedAt ??= performance.now();
      const ready = await waitInLine();
      if (ready === 'sold-out') return 'sold_out';
      if (ready === 'deadline') return 'gave_up';
      continue;
    }
    if ((res.status === 429 || res.status === 503) && (await backOff(res.retryAfter))) continue;
    return 'error';
  }
  if (queuedAt !== null) rec.queued(performance.now() - queuedAt);

  /** Asks the waiting room how things stand, as its page does, until the way into checkout is open. */
  async function waitInLine(): Promise<'ready' | 'sold-out' | 'deadline'> {
    let pollMs = pace.maxPollMs;
    for (;;) {
      if (Date.now() >= deadline) return 'deadline';
      await sleep(Math.min(pollMs, deadline - Date.now()));
      if (Date.now() >= deadline) return 'deadline';
      const s = await call('waiting', 'GET', '/waiting-room/status');
      rec.step('waiting', s.ms, s.status);
      if (s.status !== 200) continue;
      const body = JSON.parse(s.text()) as { state: string; pollSeconds?: number };
      if (body.state === 'sold-out') return 'sold-out';
      // 'none': the ticket lapsed; the checkout page hands out a new one.
      if (body.state === 'ready' || body.state === 'none') return 'ready';
      pollMs = Math.min((body.pollSeconds ?? 3) * 1000, pace.maxPollMs);
    }
  }

  // Filling in the form: the admission is held all this time.
  if (pace.thinkMs > 0) {
    if (Date.now() + pace.thinkMs > deadline) return 'gave_up';
    await sleep(pace.thinkMs);
  }
  const fields = { _csrf: form.csrf, checkoutKey: form.checkoutKey, email: `rush${n}@example.com`, ...FORM, ...(form.shippingMethodId ? { shippingMethodId: form.shippingMethodId } : {}), action: 'place' };
  for (;;) {
    const res = await call('place-order', 'POST', `/${locale}/checkout`, { form: fields });
    rec.step('place-order', res.ms, res.status, res.status !== 503);
    if (res.status === 303 && ORDER_PAGE.test(res.location)) {
      rec.order(variant.id, 1);
      return 'ordered';
    }
    if (res.status === 409) return 'sold_out';
    if (res.status === 402) return 'declined';
    // The same form (same checkoutKey) sent again places its order once.
    if ((res.status === 429 || res.status === 503) && (await backOff(res.retryAfter))) continue;
    return 'error';
  }
}
