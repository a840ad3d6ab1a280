import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app.ts';
import type { Role, Session } from '../staff/index.ts';

export const SESSION_COOKIE = 'comptoir_admin';
export const ADMIN_PATH = '/admin';

/** What an admin route declares about who may use it; roles default to owner only. */
export type AdminRouteConfig = {
  /** Open without a session (the login page). */
  public?: boolean;
  roles?: readonly Role[];
  /** How the CSRF token arrives: a form field (default), the login double-submit cookie, or inside a multipart body the handler reads. */
  csrf?: 'session' | 'login' | 'multipart';
};

declare module 'fastify' {
  interface FastifyContextConfig {
    admin?: AdminRouteConfig;
  }
  interface FastifyRequest {
    adminSession: Session | null;
  }
}

export const OWNER_ONLY: readonly Role[] = ['owner'];
/** Who may read orders and the mailbox: support answers customers about them; changing an order stays the owner's. */
export const ORDER_READERS: readonly Role[] = ['owner', 'support'];

/** Route config for a page some roles may use: `{ config: allow('owner', 'packer') }`. */
export function allow(...roles: Role[]): { admin: AdminRouteConfig } {
  return { admin: { roles } };
}

export function routeConfig(req: FastifyRequest): AdminRouteConfig {
  return req.routeOptions.config?.admin ?? {};
}

export function sessionCookieOptions(services: Services, expires?: Date) {
  return { path: ADMIN_PATH, httpOnly: true, sameSite: 'lax' as const, secure: services.config.secureCookies, ...(expires ? { expires } : {}) };
}

export async function loadSession(req: FastifyRequest, services: Services): Promise<Session | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return null;
  return services.staff.session(token);
}

/**
 * A relative path under /admin to return to after login; anything else (other hosts,
 * protocol-relative URLs, paths that climb out of /admin) falls back to the dashboard.
 */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length > 2000) return ADMIN_PATH;
  if (!next.startsWith('/') || next.startsWith('//') || /[\\\s\u0000-\u001f]/.test(next)) return ADMIN_PATH;
  let url: URL;
  try {
    url = new URL(next, 'http://admin.invalid');
  } catch {
    return ADMIN_PATH;
  }
  if (url.origin !== 'http://admin.invalid') return ADMIN_PATH;
  if (url.pathname !== ADMIN_PATH && !url.pathname.startsWith(ADMIN_PATH + '/')) return ADMIN_PATH;
  if (url.pathname.startsWith(`${ADMIN_PATH}/login`) || url.pathname.startsWith(`${ADMIN_PATH}/logout`)) return ADMIN_PATH;
  return url.pathname + url.search;
}

export function loginRedirect(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const next = safeNext(req.url);
  const target = next === ADMIN_PATH ? `${ADMIN_PATH}/login` : `${ADMIN_PATH}/login?next=${encodeURIComponent(next)}`;
  return reply.code(303).header('location', target).send();
}

export function hasRole(session: Session, roles: readonly Role[]): boolean {
  return roles.includes(session.staff.role);
}

/** The actor recorded in the audit log for what a staff member does here. */
export function actorOf(session: Session) {
  return { label: session.staff.email, staffId: session.staff.id };
}
