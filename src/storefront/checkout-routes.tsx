import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app.ts';
import type { CartView } from '../cart/index.ts';
import { PaymentDeclined, type PlacedOrder } from '../checkout/index.ts';
import type { Customer } from '../customers/index.ts';
import { LOCALES, type Locale } from '../i18n/index.ts';
import { randomToken } from '../staff/index.ts';
import { checkoutInput, formProblems, hasProblems, initialValues, noProblems, readCheckoutForm, serviceProblems, type CheckoutValues, type Problems } from './checkout-form.ts';
import { quoteCheckout } from './checkout-quote.ts';
import { formToken } from './csrf.ts';
import { requireCsrf } from './csrf-guard.tsx';
import { field, formBody } from './form-values.ts';
import { CheckoutPage } from './pages/checkout-page.tsx';
import { orderPath } from './order-links.ts';
import { NO_STORE, pageContext, seeOther, sendPage } from './render.ts';
import { cartIdOf, currentCustomer, setCustomerCookie } from './shopper-cookies.ts';
import type { Site } from './site.ts';

/** A new Idempotency-Key for each rendering of a fresh form: resubmitting that form places its order once. */
const newCheckoutKey = () => randomToken(18);

/** The checkout page (GET) and its one form (POST): recalculating shipping and discount, or placing the order. */
export function registerCheckoutRoutes(server: FastifyInstance, site: Site, services: Services): void {
  const { cart, checkout, customers, payments, config } = services;
  const providers = [...payments.keys()];

  async function show(req: FastifyRequest, reply: FastifyReply, locale: Locale, view: CartView, values: CheckoutValues, problems: Problems, status: number, customer: Customer | null) {
    const [ctx, quote] = await Promise.all([pageContext(site, req, locale), quoteCheckout(services, view, values, locale)]);
    ctx.cartCount = view.itemCount;
    ctx.url = `/${locale}/checkout`;
    // A code that stopped applying since it was accepted is reported beside the field.
    if (values.discountCode && quote.codeProblem && !problems.fields.discountCode) problems.fields.discountCode = quote.codeProblem;
    const csrf = formToken(req, reply, config.secureCookies);
    const page = <CheckoutPage ctx={ctx} cart={view} values={values} problems={problems} quote={quote} providers={providers} customer={customer} csrf={csrf} />;
    return sendPage(reply, page, { status: problems.fields.discountCode && status === 200 ? 400 : status, cacheControl: NO_STORE });
  }

  /** Logs in the account just created with the order, so the shopper finds it under their account. */
  async function logInNewAccount(reply: FastifyReply, email: string, password: string) {
    const c = await customers.authenticate(email, password);
    if (c) setCustomerCookie(reply, config, await customers.openSession(c.id));
  }

  for (const locale of LOCALES) {
    const path = `/${locale}/checkout`;
    const cartPage = `/${locale}/cart`;

    server.get(path, async (req, reply) => {
      const cartId = cartIdOf(req);
      const [view, customer] = await Promise.all([cartId ? cart.get(cartId, locale) : null, currentCustomer(req, customers)]);
      if (!view || view.status !== 'open' || view.lines.length === 0) return seeOther(reply, cartPage);
      const values = initialValues({ email: customer?.email ?? '', provider: providers[0] ?? '', checkoutKey: newCheckoutKey() });
      return show(req, reply, locale, view, values, noProblems(), 200, customer);
    });

    server.post(path, { preHandler: requireCsrf(site, locale) }, async (req, reply) => {
      const cartId = cartIdOf(req);
      const [view, customer] = await Promise.all([cartId ? cart.get(cartId, locale) : null, currentCustomer(req, customers)]);
      const body = formBody(req.body);
      const placing = field(body, 'action') === 'place' || field(body, 'action') === '';
      const values = readCheckoutForm(body, newCheckoutKey());
      if (!view || !cartId) return seeOther(reply, cartPage);
      // An ordered cart is a resubmission of the form that ordered it: the service answers with that order.
      if (view.status !== 'open' && !placing) return seeOther(reply, cartPage);
      if (view.status === 'open' && view.lines.length === 0) return seeOther(reply, cartPage);
      if (!placing) return show(req, reply, locale, view, values, noProblems(), 200, customer);

      const problems = formProblems(values, locale, payments, !!customer);
      if (hasProblems(problems)) return show(req, reply, locale, view, values, problems, 400, customer);
      const input = checkoutInput(values, locale, !!customer);
      let placed: PlacedOrder;
      try {
        placed = await checkout.placeOrder(cartId, input, values.checkoutKey, { customerId: customer?.id ?? null });
      } catch (e) {
        const refused = serviceProblems(e, locale, view);
        // A declined payment used up this form's key (its order is cancelled): the next try is a new order.
        if (refused.status === 402) values.checkoutKey = newCheckoutKey();
        return show(req, reply, locale, view, values, refused.problems, refused.status, customer);
      }
      if (placed.payment.status === 'declined') {
        // The same declined form submitted again: say so again, with a key for a new attempt.
        const again = serviceProblems(new PaymentDeclined(placed, 'declined'), locale, view);
        values.checkoutKey = newCheckoutKey();
        return show(req, reply, locale, view, values, again.problems, 402, customer);
      }
      if (input.account && !customer) await logInNewAccount(reply, input.email, input.account.password);
      return seeOther(reply, orderPath(locale, placed.order, true));
    });
  }
}
