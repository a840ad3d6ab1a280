import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { LOCALES } from '../i18n/index.ts';
import { notFound } from '../lib/errors.ts';
import { field, formBody, wholeNumber } from './form-values.ts';
import { StripePayPage } from './pages/stripe-pay-page.tsx';
import { NO_STORE, pageContext, sendPage } from './render.ts';
import type { Site } from './site.ts';

// Stripe's card form runs from js.stripe.com and talks to api.stripe.com: only this page allows them.
export const STRIPE_PAGE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: https://*.stripe.com",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self' https://js.stripe.com",
  "frame-src https://js.stripe.com https://hooks.stripe.com",
  "connect-src 'self' https://api.stripe.com",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

/** `/{locale}/orders/{id}/pay?token=…`: where a Stripe order's card payment is completed. */
export function registerStripePayRoutes(server: FastifyInstance, site: Site, services: Services): void {
  const { orders, checkout, config } = services;
  for (const locale of LOCALES) {
    server.get(`/${locale}/orders/:id/pay`, async (req, reply) => {
      const id = wholeNumber(String((req.params as { id?: string }).id ?? ''), 1, Number.MAX_SAFE_INTEGER);
      const token = field(formBody(req.query), 'token');
      const order = id !== null && /^[A-Za-z0-9_-]{8,100}$/.test(token) ? await orders.getWithToken(id, token) : null;
      if (!order || order.payment.provider !== 'stripe' || !config.stripe?.publishableKey) throw notFound('This payment');
      const statusUrl = `/${locale}/orders/${order.id}?token=${encodeURIComponent(token)}`;
      if (order.status !== 'pending_payment') return reply.redirect(statusUrl, 303);
      const session = await checkout.paymentSession(order.id);
      if (!session) return reply.redirect(statusUrl, 303);
      const ctx = await pageContext(site, req, locale);
      reply.header('content-security-policy', STRIPE_PAGE_CSP);
      return sendPage(
        reply,
        <StripePayPage ctx={ctx} order={order} publishableKey={config.stripe.publishableKey} clientSecret={session.clientSecret} returnUrl={`${config.publicUrl}${statusUrl}&placed=1`} />,
        { cacheControl: NO_STORE },
      );
    });
  }
}
