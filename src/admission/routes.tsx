import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { renderDocument } from '../http/html.ts';
import { assetUrl } from '../http/static.ts';
import { cartIdOf } from '../storefront/shopper-cookies.ts';
import type { AdmissionController } from './controller.ts';
import { admissionOf, cartSoldOut, ticketOf } from './shopper.ts';
import { createPreparedPages, sendPrepared } from './prepared-page.ts';
import { WaitingRoomPage } from './waiting-room-page.tsx';

/** The page is the same for everyone at the same place in line: browsers and CDNs may keep it a few seconds. */
export const WAITING_ROOM_CACHE = 'public, max-age=5';

const RETURNS = ['/fr/checkout', '/en/checkout'] as const;

const PageQuery = z
  .object({
    return: z.enum(RETURNS, 'return must be /fr/checkout or /en/checkout').optional(),
    position: z.coerce.number().int().min(1).max(10_000_000).optional(),
    wait: z.coerce.number().int().min(0).max(7200).optional(),
    'sold-out': z.literal('1').optional(),
  })
  .strict();

export function registerWaitingRoomRoutes(server: FastifyInstance, services: Services, controller: AdmissionController): void {
  const r = server.withTypeProvider<ZodTypeProvider>();
  const { config, cart } = services;
  const assets = { css: assetUrl('waiting-room.css'), js: assetUrl('waiting-room.js') };

  const prepared = createPreparedPages();

  r.get('/waiting-room', { schema: { querystring: PageQuery } }, async (req, reply) => {
    const q = req.query;
    const returnTo = q.return ?? `/${config.defaultLocale}/checkout`;
    const locale = returnTo.startsWith('/en/') ? 'en' : 'fr';
    const soldOut = q['sold-out'] === '1';
    const position = q.position ?? null;
    const waitSeconds = q.wait ?? null;
    const page = prepared.get(`${returnTo} ${position} ${waitSeconds} ${soldOut}`, () =>
      renderDocument(
        <WaitingRoomPage locale={locale} shopName={config.shopName} returnTo={returnTo} position={position} waitSeconds={waitSeconds} soldOut={soldOut} assets={assets} />,
      ),
    );
    reply.header('cache-control', WAITING_ROOM_CACHE).type('text/html; charset=utf-8');
    return sendPrepared(req, reply, page);
  });

  // Personal and live: never cached. Asked every few seconds by each waiting page, so it stays cheap.
  r.get('/waiting-room/status', async (req, reply) => {
    reply.header('cache-control', 'no-store');
    if (admissionOf(req, controller.clock)) return { state: 'ready', pollSeconds: 3 };
    const ticket = ticketOf(req);
    const cartId = cartIdOf(req);
    if (ticket && cartId && (await cartSoldOut(cart, cartId, config.defaultLocale))) {
      await controller.stepAside(ticket);
      return { state: 'sold-out', pollSeconds: 15 };
    }
    const s = await controller.status(ticket);
    if (s.state === 'waiting') return s;
    return { state: s.state, pollSeconds: s.state === 'ready' ? 3 : 15 };
  });
}
