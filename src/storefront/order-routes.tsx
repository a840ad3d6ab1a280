import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { LOCALES } from '../i18n/index.ts';
import { notFound } from '../lib/errors.ts';
import { paymentInstructions } from '../payments/index.ts';
import { field, formBody, wholeNumber } from './form-values.ts';
import { OrderPage } from './pages/order-page.tsx';
import { NO_STORE, pageContext, sendPage } from './render.ts';
import type { Site } from './site.ts';

/** `/{locale}/orders/{id}?token=…`: the link of the confirmation e-mail. A wrong or missing token is a 404, like an unknown order. */
export function registerOrderRoutes(server: FastifyInstance, site: Site, services: Services): void {
  const { orders, config } = services;
  for (const locale of LOCALES) {
    server.get(`/${locale}/orders/:id`, async (req, reply) => {
      const id = wholeNumber(String((req.params as { id?: string }).id ?? ''), 1, Number.MAX_SAFE_INTEGER);
      const query = formBody(req.query);
      const token = field(query, 'token');
      const order = id !== null && /^[A-Za-z0-9_-]{8,100}$/.test(token) ? await orders.getWithToken(id, token) : null;
      if (!order) throw notFound('This order');
      const ctx = await pageContext(site, req, locale);
      const instructions = paymentInstructions(order.payment.provider, order.number, locale, config.bankDetails);
      // The token is in the URL: the page stays out of caches and search engines (and the shop's
      // referrer policy sends other sites the origin only).
      return sendPage(reply, <OrderPage ctx={ctx} order={order} placed={field(query, 'placed') === '1'} instructions={instructions} />, { cacheControl: NO_STORE });
    });
  }
}
