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
 * The one place a page gets its token from: when pages are served from a shared cache, this
 * becomes a tiny script reading it instead, and pages stop embedding it.
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

export function csrfValid(req: FastifyRequest): boolean {
  const body = req.body as Record<string, unknown> | null | undefined;
  const given = body && typeof body === 'object' ? body[CSRF_FIELD] : undefined;
  const expected = cookieToken(req);
  return typeof given === 'string' && !!expected && safeEqual(given, expected);
}
