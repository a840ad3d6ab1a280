import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Services } from '../app.ts';
import { LOCALES, type Locale } from '../catalog/index.ts';
import { cartIdOf } from '../storefront/shopper-cookies.ts';
import type { AdmissionController, Queued } from './controller.ts';
import { admissionOf, cartSoldOut, clearAdmitCookie, clearTicketCookie, setAdmitCookie, setTicketCookie, signedTicket, ticketOf } from './shopper.ts';
import { waitingRoomStrings } from './strings.ts';
import { TICKET_COOKIE, TICKET_HEADER, type AdmissionClaim } from './tokens.ts';

// The gate stands only at the doors into checkout: the checkout page (GET and its form's POST) in each
// language, and the store API's checkout. Everything else, browsing included, never meets it, and a
// shopper already admitted always walks through.

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the gate on checkout requests that were let in; the reply renews or ends it. */
    checkoutAdmission: (AdmissionClaim & { fromTicket: boolean }) | null;
  }
}

const API_CHECKOUT = '/api/store/carts/:id/checkout';
const HTML_CHECKOUT = new Map<string, Locale>(LOCALES.map((l) => [`/${l}/checkout`, l]));
const CART_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** Where the storefront sends a shopper whose order was just placed. */
const ORDER_PAGE = /^\/(?:fr|en)\/orders\/\d+/;

export const apiAdmissionId = (cartId: string) => `cart:${cartId}`;
/** The page checkout's admission is named after the cart (hashed: the cookie does not repeat the cart id). */
export const pageAdmissionId = (cartId: string) => createHash('sha256').update(cartId).digest('base64url').slice(0, 22);

export function waitingRoomUrl(locale: Locale, q: Queued | null, soldOut: boolean): string {
  const query = soldOut ? '&sold-out=1' : q ? `&position=${q.position}&wait=${q.estimatedWaitSeconds}` : '';
  return `/waiting-room?return=/${locale}/checkout${query}`;
}

/** Installs the gate on the checkout routes as they are registered; returns the routes it stands in front of. */
export function installCheckoutGate(server: FastifyInstance, services: Services, controller: AdmissionController): Set<string> {
  const { config, cart } = services;
  const session = config.admission.sessionMinutes;
  const admitted = services.metrics.counter('admissions_total', 'Shoppers let into checkout: directly, or from the queue with a ticket', ['how']);
  server.decorateRequest('checkoutAdmission', null);

  const htmlGate = (locale: Locale) =>
    async function admissionGate(req: FastifyRequest, reply: FastifyReply) {
      const cartId = cartIdOf(req);
      // Without a cart there is nothing to check out: the checkout sends the shopper to their cart.
      if (!cartId) return;
      // An admission belongs to one cart and must still be live: a copied cookie, one kept after the order,
      // or one from before a restart is no pass; its holder enters like anyone (at once if there is room).
      const id = pageAdmissionId(cartId);
      const held = admissionOf(req, controller.clock);
      if (held && held.id === id) {
        const renewed = await controller.renew(held.id, false);
        if (renewed) {
          req.checkoutAdmission = { ...renewed, fromTicket: false };
          return;
        }
      }
      const entry = await controller.enter(ticketOf(req), id);
      if (entry.admitted) {
        req.checkoutAdmission = { ...entry.admission, fromTicket: !!req.cookies[TICKET_COOKIE] };
        admitted.inc({ how: entry.fromTicket ? 'queued' : 'direct' });
        return;
      }
      if (entry.issued) setTicketCookie(reply, config, entry.ticket);
      const soldOut = await cartSoldOut(cart, cartId, locale);
      if (soldOut) await controller.stepAside(entry.ticket);
      return reply.code(303).header('cache-control', 'no-store').header('location', waitingRoomUrl(locale, entry, soldOut)).send();
    };

  // The admission cookie is written once the outcome is known: renewed, or cleared when the order was placed.
  async function htmlAfter(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const a = req.checkoutAdmission;
    if (!a) return payload;
    if (a.fromTicket) clearTicketCookie(reply, config);
    if (req.method === 'POST' && reply.statusCode === 303 && ORDER_PAGE.test(String(reply.getHeader('location') ?? ''))) {
      await controller.release(a.id);
      clearAdmitCookie(reply, config);
    } else {
      setAdmitCookie(reply, config, a, session);
    }
    return payload;
  }

  async function apiGate(req: FastifyRequest, reply: FastifyReply) {
    const cartId = (req.params as { id?: string }).id;
    if (!cartId || !CART_ID.test(cartId)) return; // the route answers 404
    const id = apiAdmissionId(cartId);
    const held = await controller.renew(id, false);
    if (held) {
      req.checkoutAdmission = { ...held, fromTicket: false };
      return;
    }
    const entry = await controller.enter(ticketOf(req), id);
    if (entry.admitted) {
      req.checkoutAdmission = { ...entry.admission, fromTicket: false };
      admitted.inc({ how: entry.fromTicket ? 'queued' : 'direct' });
      return;
    }
    const ticket = signedTicket(reply, entry.ticket);
    setTicketCookie(reply, config, entry.ticket);
    const soldOut = await cartSoldOut(cart, cartId, config.defaultLocale);
    if (soldOut) await controller.stepAside(entry.ticket);
    const { position, estimatedWaitSeconds } = entry;
    return reply
      .code(503)
      .header('retry-after', String(entry.pollSeconds))
      .header(TICKET_HEADER, ticket)
      .header('cache-control', 'no-store')
      .send({ error: { code: 'QUEUED', message: waitingRoomStrings('en').apiQueued, position, estimatedWaitSeconds, ticket, soldOut } });
  }

  async function apiAfter(req: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const a = req.checkoutAdmission;
    // 201 placed, 200 the same order again: either way this cart's checkout is over.
    if (a && (reply.statusCode === 201 || reply.statusCode === 200)) await controller.release(a.id);
    return payload;
  }

  const guarded = new Set<string>();
  server.addHook('onRoute', (route: RouteOptions) => {
    const locale = HTML_CHECKOUT.get(route.url);
    const methods = [route.method].flat().filter((m) => (locale ? m === 'GET' || m === 'HEAD' || m === 'POST' : route.url === API_CHECKOUT && m === 'POST'));
    if (methods.length === 0) return;
    if (locale) attach(route, htmlGate(locale), htmlAfter);
    else attach(route, apiGate, apiAfter);
    for (const m of methods) guarded.add(`${m} ${route.url}`);
  });
  return guarded;
}

/** Every door into checkout, which the gate must stand in front of once the server is ready. */
export const CHECKOUT_DOORS = [...[...HTML_CHECKOUT.keys()].flatMap((p) => [`GET ${p}`, `POST ${p}`]), `POST ${API_CHECKOUT}`];

function attach(route: RouteOptions, gate: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>, after: (req: FastifyRequest, reply: FastifyReply, payload: unknown) => Promise<unknown>) {
  const list = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);
  route.onRequest = [...list(route.onRequest), gate as never];
  route.onSend = [...list(route.onSend), after as never];
}
