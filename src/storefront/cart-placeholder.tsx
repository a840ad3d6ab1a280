import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LOCALES, t } from '../i18n/index.ts';
import { invalid } from '../lib/errors.ts';
import { CartPage } from './pages/cart-page.tsx';
import { pageContext, sendPage } from './render.ts';
import type { Site } from './site.ts';

// Stand-in for the cart, which the buying-path work replaces: delete this file and its
// registration in routes.ts when the real /{locale}/cart routes are registered.

const AddToCartBody = z.object({
  variantId: z.coerce.number().int().positive(),
  quantity: z.coerce.number().int().min(1).max(99),
});

export function registerCartPlaceholder(server: FastifyInstance, site: Site): void {
  for (const locale of LOCALES) {
    server.get(`/${locale}/cart`, async (req, reply) => sendPage(reply, <CartPage ctx={await pageContext(site, req, locale)} />, { cacheControl: 'private, no-store' }));

    server.post(`/${locale}/cart/add`, async (req, reply) => {
      const body = AddToCartBody.safeParse(req.body ?? {});
      if (!body.success) throw invalid(body.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message })));
      const ctx = await pageContext(site, req, locale);
      return sendPage(reply, <CartPage ctx={ctx} notice={t(locale, 'cart.notYet')} />, { status: 501, cacheControl: 'private, no-store' });
    });
  }
}
