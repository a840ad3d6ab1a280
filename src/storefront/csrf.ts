import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomToken, safeEqual } from '../staff/index.ts';

// Double-submit CSRF tokens for the shopper's forms: one random value in an HttpOnly SameSite=Lax
// cookie (signed, so a sibling subdomain cannot plant one) and the same value in a hidden field.
// A cross-site page can make the browser send the cookie but cannot read it to fill in the field.

export const CSRF_COOKIE = 'csrf';
export const CSRF_FIELD = '_csrf';
const CSRF_DAYS = 30;

const issued = new WeakMap<FastifyRequest, string>();

/**
 * The token to put in this page's forms: the browser's own, or a new one set in a cookie.
 * Only personal pages (cart, checkout, account) carry it. Product pages are shared by every visitor
 * through the page cache, so their add-to-cart form has no token: it is checked by origin instead
 * (see sameOrigin below).
 */
export function formToken(req: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const known = issued.get(req) ?? cookieToken(req);
  if (known) {
    issued.set(req, known);
    return known;
  }
  const token = randomToken(24);
  reply.setCookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, signed: true, maxAge: CSRF_DAYS * 86_400 });
  issued.set(req, token);
  return token;
}

/** True once this response carries a per-browser token: it must not be stored by shared caches. */
export function hasFormToken(req: FastifyRequest): boolean {
  return issued.has(req);
}

function cookieToken(req: FastifyRequest): string | null {
  const raw = req.cookies[CSRF_COOKIE];
  if (!raw) return null;
  const u = req.unsignCookie(raw);
  return u.valid && u.value ? u.value : null;
}

/**
 * Whether a post comes from a page of this shop, by its Origin header (or, when a browser sends none,
 * its Referer): OWASP's "verifying origin with standard headers". Browsers send Origin on every form
 * POST and a page cannot forge it, so a cross-site form is refused without any token in the page,
 * and without JavaScript. Neither header (or Origin "null") is refused too. The shop's own origin is
 * PUBLIC_URL's, or the Host the request was sent to (a browser cannot send another site's cookies there).
 */
export function sameOrigin(req: FastifyRequest, publicUrl: string): boolean {
  const origin = req.headers.origin;
  let source: string | null = typeof origin === 'string' && origin !== 'null' ? origin : null;
  if (!source && typeof origin !== 'string') source = originOf(req.headers.referer);
  if (!source) return false;
  return source === originOf(publicUrl) || source === `${req.protocol}://${req.host}`;
}

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function csrfValid(req: FastifyRequest): boolean {
  const body = req.body as Record<string, unknown> | null | undefined;
  const given = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  const expected = cookieToken(req);
  return typeof given === 'string' && !!expected && safeEqual(given, expected);
}
