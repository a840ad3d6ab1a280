import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app.ts';
import { randomToken, safeEqual } from '../staff/index.ts';
import { ADMIN_PATH } from './auth.ts';

export const CSRF_FIELD = '_csrf';
export const LOGIN_CSRF_COOKIE = 'comptoir_login_csrf';
const LOGIN_CSRF_SECONDS = 30 * 60;

/** A posted form field, when the body is a parsed urlencoded form. */
export function formField(req: FastifyRequest, name: string): string | undefined {
  const body = req.body as Record<string, unknown> | null | undefined;
  const v = body && typeof body === 'object' ? body[name] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function tokenMatches(given: string | undefined, expected: string | undefined): boolean {
  return !!given && !!expected && safeEqual(given, expected);
}

/** The login form has no session yet: the same random value goes in a short-lived cookie and in the form (double submit). */
export function issueLoginToken(reply: FastifyReply, services: Services): string {
  const token = randomToken(24);
  reply.setCookie(LOGIN_CSRF_COOKIE, token, {
    path: ADMIN_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: services.config.secureCookies,
    maxAge: LOGIN_CSRF_SECONDS,
  });
  return token;
}

export function loginTokenValid(req: FastifyRequest): boolean {
  return tokenMatches(formField(req, CSRF_FIELD), req.cookies[LOGIN_CSRF_COOKIE]);
}

export function clearLoginToken(reply: FastifyReply, services: Services): void {
  reply.clearCookie(LOGIN_CSRF_COOKIE, { path: ADMIN_PATH, httpOnly: true, sameSite: 'strict', secure: services.config.secureCookies });
}

/** For a form that carries the session's token in a field. */
export function sessionTokenValid(req: FastifyRequest, given = formField(req, CSRF_FIELD)): boolean {
  return tokenMatches(given, req.adminSession?.csrfToken);
}
