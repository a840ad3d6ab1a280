import type { TicketClaim } from './store.ts';

// What the two cookies hold, before signing (the HMAC of @fastify/cookie with the session secret) and
// after checking the signature. Times are whole seconds in the cookie, milliseconds everywhere else.

export const ADMIT_COOKIE = 'admit';
export const TICKET_COOKIE = 'ticket';
export const TICKET_HEADER = 'x-queue-ticket';

export type AdmissionClaim = { id: string; until: number };
export type Ticket = TicketClaim & { epoch: string };

const ADMISSION = /^([A-Za-z0-9_-]{16,64})\.(\d{1,12})$/;
const TICKET = /^([0-9a-f]{8})\.(\d{1,12})\.(\d{1,12})$/;

export const formatAdmission = (a: AdmissionClaim): string => `${a.id}.${Math.floor(a.until / 1000)}`;

export function parseAdmission(value: string): AdmissionClaim | null {
  const m = ADMISSION.exec(value);
  return m ? { id: m[1]!, until: Number(m[2]) * 1000 } : null;
}

export const formatTicket = (t: Ticket): string => `${t.epoch}.${t.number}.${Math.floor(t.issuedAt / 1000)}`;

export function parseTicket(value: string): Ticket | null {
  const m = TICKET.exec(value);
  if (!m) return null;
  const number = Number(m[2]);
  return number >= 1 ? { epoch: m[1]!, number, issuedAt: Number(m[3]) * 1000 } : null;
}
