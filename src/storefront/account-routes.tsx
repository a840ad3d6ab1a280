import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app.ts';
import { LOCALES, t, type Locale } from '../i18n/index.ts';
import { formToken } from './csrf.ts';
import { requireCsrf } from './csrf-guard.tsx';
import { field, formBody } from './form-values.ts';
import { AccountPage, LoginPage } from './pages/account-pages.tsx';
import { NO_STORE, pageContext, seeOther, sendPage } from './render.ts';
import { clearCustomerCookie, currentCustomer, customerTokenOf, setCustomerCookie } from './shopper-cookies.ts';
import type { Site } from './site.ts';

/** Where to go after logging in: a page of this shop in this locale, never another site. */
function safeNext(locale: Locale, next: string): string | null {
  return /^\/(fr|en)\/[\w\-/]*$/.test(next) && next.startsWith(`/${locale}/`) ? next : null;
}

/** The customer's minimal account: log in, see one's orders, log out. Accounts are created at checkout. */
export function registerAccountRoutes(server: FastifyInstance, site: Site, services: Services): void {
  const { customers, config } = services;

  async function showLogin(req: FastifyRequest, reply: FastifyReply, locale: Locale, status: number, email: string, next: string | null, error: string | null) {
    const ctx = await pageContext(site, req, locale);
    const csrf = formToken(req, reply, config.secureCookies);
    return sendPage(reply, <LoginPage ctx={ctx} csrf={csrf} email={email} next={next} error={error} />, { status, cacheControl: NO_STORE });
  }

  for (const locale of LOCALES) {
    const accountPath = `/${locale}/account`;
    const csrf = requireCsrf(site, locale);

    server.get(`${accountPath}/login`, async (req, reply) => {
      const next = safeNext(locale, field(formBody(req.query), 'next'));
      if (await currentCustomer(req, customers)) return seeOther(reply, next ?? accountPath);
      return showLogin(req, reply, locale, 200, '', next, null);
    });

    server.post(
      `${accountPath}/login`,
      { preHandler: csrf, config: { rateLimit: { max: config.loginRateLimit, timeWindow: '1 minute' } } },
      async (req, reply) => {
        const body = formBody(req.body);
        const email = field(body, 'email').trim().slice(0, 255);
        const password = field(body, 'password').slice(0, 200);
        const next = safeNext(locale, field(body, 'next'));
        const customer = email && password ? await customers.authenticate(email, password) : null;
        if (!customer) return showLogin(req, reply, locale, 401, email, next, t(locale, 'account.failed'));
        setCustomerCookie(reply, config, await customers.openSession(customer.id));
        return seeOther(reply, next ?? accountPath);
      },
    );

    server.get(accountPath, async (req, reply) => {
      const customer = await currentCustomer(req, customers);
      if (!customer) return seeOther(reply, `${accountPath}/login`);
      const [ctx, orders] = await Promise.all([pageContext(site, req, locale), customers.orders(customer.id)]);
      const token = formToken(req, reply, config.secureCookies);
      return sendPage(reply, <AccountPage ctx={ctx} csrf={token} customer={customer} orders={orders} />, { cacheControl: NO_STORE });
    });

    server.post(`${accountPath}/logout`, { preHandler: csrf }, async (req, reply) => {
      const token = customerTokenOf(req);
      if (token) await customers.closeSession(token);
      clearCustomerCookie(reply, config);
      return seeOther(reply, `/${locale}/`);
    });
  }
}
