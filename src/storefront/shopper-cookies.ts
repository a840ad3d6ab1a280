import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import type { Customer, CustomerService } from '../customers/index.ts';

// The shopper's two identities: the cart (a signed cookie holding the cart id) and, once logged in,
// the customer session (a random token whose hash the database keeps).

export const CART_COOKIE = 'cart';
export const CUSTOMER_COOKIE = 'customer';
/**
 * The number of items in the cart, readable by the page script (not HttpOnly): pages served to every
 * visitor from the page cache show an empty badge that public/site.js fills from it. Only a count,
 * never trusted by the server; the cart routes and every personal page set it from the database.
 */
export const CART_COUNT_COOKIE = 'cart_count';
const CART_DAYS = 30;
const CUSTOMER_DAYS = 30;

/** Cart ids are 128 random bits in base64url: anything else cannot be one. */
const CART_ID = /^[A-Za-z0-9_-]{16,64}$/;

const base = (config: Config) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure: config.secureCookies });

/** The cart id from a correctly signed cookie; a forged, unsigned or malformed one is ignored. */
export function cartIdOf(req: FastifyRequest): string | null {
  const raw = req.cookies[CART_COOKIE];
  if (!raw) return null;
  const u = req.unsignCookie(raw);
  return u.valid && u.value && CART_ID.test(u.value) ? u.value : null;
}

export function setCartCookie(reply: FastifyReply, config: Config, cartId: string): void {
  reply.setCookie(CART_COOKIE, cartId, { ...base(config), signed: true, maxAge: CART_DAYS * 86_400 });
}

/** Sets (or, at 0, clears) the count cookie when it differs from what the browser holds. */
export function syncCartCount(req: FastifyRequest, reply: FastifyReply, config: Config, count: number): void {
  const held = req.cookies[CART_COUNT_COOKIE];
  const options = { httpOnly: false, sameSite: 'lax' as const, path: '/', secure: config.secureCookies };
  if (count > 0 && held !== String(count)) reply.setCookie(CART_COUNT_COOKIE, String(count), { ...options, maxAge: CART_DAYS * 86_400 });
  else if (count === 0 && held !== undefined) reply.clearCookie(CART_COUNT_COOKIE, options);
}

export function customerTokenOf(req: FastifyRequest): string | null {
  const raw = req.cookies[CUSTOMER_COOKIE];
  return raw && /^[A-Za-z0-9_-]{20,100}$/.test(raw) ? raw : null;
}

export function setCustomerCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(CUSTOMER_COOKIE, token, { ...base(config), maxAge: CUSTOMER_DAYS * 86_400 });
}

export function clearCustomerCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(CUSTOMER_COOKIE, base(config));
}

/** The logged-in customer, or null (no cookie, an unknown or expired session). */
export async function currentCustomer(req: FastifyRequest, customers: CustomerService): Promise<Customer | null> {
  const token = customerTokenOf(req);
  return token ? customers.session(token) : null;
}
