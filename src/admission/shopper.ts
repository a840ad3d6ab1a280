import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CartService } from '../cart/index.ts';
import type { Locale } from '../catalog/index.ts';
import type { Config } from '../config.ts';
import type { Clock } from './controller.ts';
import { TICKET_MAX_AGE_MS } from './store.ts';
import { ADMIT_COOKIE, formatAdmission, formatTicket, parseAdmission, parseTicket, TICKET_COOKIE, TICKET_HEADER, type AdmissionClaim, type Ticket } from './tokens.ts';

// Reading and writing the shopper's admission and ticket, signed with the session secret: a changed
// number or expiry breaks the signature, and a broken signature counts as no cookie at all.

const base = (config: Config) => ({ httpOnly: true, sameSite: 'lax' as const, path: '/', secure: config.secureCookies });

function unsigned(req: FastifyRequest, raw: string | undefined): string | null {
  if (!raw || raw.length > 200) return null;
  const u = req.unsignCookie(raw);
  return u.valid && u.value ? u.value : null;
}

/** A correctly signed admission that has not expired by the controller's clock. */
export function admissionOf(req: FastifyRequest, clock: Clock): AdmissionClaim | null {
  const value = unsigned(req, req.cookies[ADMIT_COOKIE]);
  const a = value ? parseAdmission(value) : null;
  return a && a.until > clock.now() ? a : null;
}

/** A correctly signed ticket, from the X-Queue-Ticket header (API clients) or the cookie (browsers). */
export function ticketOf(req: FastifyRequest): Ticket | null {
  const header = req.headers[TICKET_HEADER];
  const value = unsigned(req, typeof header === 'string' ? header : req.cookies[TICKET_COOKIE]);
  return value ? parseTicket(value) : null;
}

export const signedTicket = (reply: FastifyReply, t: Ticket): string => reply.signCookie(formatTicket(t));

export function setAdmitCookie(reply: FastifyReply, config: Config, a: AdmissionClaim, sessionMinutes: number): void {
  reply.setCookie(ADMIT_COOKIE, formatAdmission(a), { ...base(config), signed: true, maxAge: sessionMinutes * 60 });
}

export function clearAdmitCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(ADMIT_COOKIE, base(config));
}

export function setTicketCookie(reply: FastifyReply, config: Config, t: Ticket): void {
  reply.setCookie(TICKET_COOKIE, formatTicket(t), { ...base(config), signed: true, maxAge: TICKET_MAX_AGE_MS / 1000 });
}

export function clearTicketCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(TICKET_COOKIE, base(config));
}

/** Every line of the cart is gone from stock or from sale: waiting in line would buy nothing. */
export async function cartSoldOut(cart: CartService, cartId: string, locale: Locale): Promise<boolean> {
  const view = await cart.get(cartId, locale);
  if (!view || view.status !== 'open' || view.lines.length === 0) return false;
  return view.lines.every((l) => !l.purchasable || (l.availableQuantity !== null && l.availableQuantity <= 0));
}
