import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../app.ts';
import { ROLES } from '../staff/index.ts';
import { ADMIN_PATH, safeNext, SESSION_COOKIE, sessionCookieOptions } from './auth.ts';
import { clearLoginToken, issueLoginToken, LOGIN_CSRF_COOKIE, loginTokenValid } from './csrf.ts';
import { CsrfField, Flash } from './form-fields.tsx';
import { Layout } from './layout.tsx';
import { redirect, sendPage } from './render.ts';
import { t } from './strings.ts';

const LoginQuery = z.object({ next: z.string().max(2000).optional(), out: z.literal('1').optional() }).strict();

// Read leniently: a malformed login post gets the form again, like a wrong password.
const LoginBody = z.object({
  email: z.string().max(255).catch(''),
  password: z.string().max(200).catch(''),
  next: z.string().max(2000).optional().catch(undefined),
}).catch({ email: '', password: '', next: undefined });

type LoginView = { csrf: string; email: string; next: string; error: string | null; notice: string | null };

function LoginPage({ v, shopName }: { v: LoginView; shopName: string }) {
  return (
    <Layout title={t.login.title} session={null} shopName={shopName}>
      <div class="narrow">
        <h1>{t.login.title}</h1>
        <Flash message={v.notice} />
        {v.error && (
          <div class="error-summary" role="alert">
            <p>{v.error}</p>
          </div>
        )}
        <form id="login-form" method="post" action="/admin/login" class="stack">
          <CsrfField token={v.csrf} />
          {v.next !== ADMIN_PATH && <input type="hidden" name="next" value={v.next} />}
          <div class="field">
            <label for="login-email">{t.login.email}</label>
            <input id="login-email" name="email" type="email" autocomplete="username" required value={v.email} maxLength={255} />
          </div>
          <div class="field">
            <label for="login-password">{t.login.password}</label>
            <input id="login-password" name="password" type="password" autocomplete="current-password" required maxLength={200} />
          </div>
          <button type="submit" class="button primary">
            {t.login.submit}
          </button>
        </form>
      </div>
    </Layout>
  );
}

function showLogin(reply: FastifyReply, services: Services, status: number, v: Omit<LoginView, 'csrf'>, csrf?: string) {
  return sendPage(reply, status, <LoginPage v={{ ...v, csrf: csrf ?? issueLoginToken(reply, services) }} shopName={services.config.shopName} />);
}

export function registerLoginRoutes(admin: FastifyInstance, services: Services): void {
  admin.get('/login', { config: { admin: { public: true } } }, async (req, reply) => {
    const q = LoginQuery.safeParse(req.query);
    const next = safeNext(q.success ? q.data.next : undefined);
    if (req.adminSession) return redirect(reply, next);
    return showLogin(reply, services, 200, { email: '', next, error: null, notice: q.success && q.data.out ? t.login.loggedOut : null });
  });

  admin.post(
    '/login',
    {
      config: {
        admin: { public: true, csrf: 'login' },
        rateLimit: { max: services.config.loginRateLimit, timeWindow: '1 minute' },
      },
    },
    async (req: FastifyRequest, reply) => {
      const body = LoginBody.parse(req.body ?? {});
      const next = safeNext(body.next);
      // A stale or forged form: nothing is checked, the form comes back with a fresh token.
      if (!loginTokenValid(req)) return showLogin(reply, services, 403, { email: body.email, next, error: t.login.expired, notice: null });
      const staff = await services.staff.authenticate(body.email, body.password);
      if (!staff) {
        return showLogin(reply, services, 401, { email: body.email, next, error: t.login.failed, notice: null }, req.cookies[LOGIN_CSRF_COOKIE]);
      }
      const { token, session } = await services.staff.openSession(staff);
      reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(services, new Date(session.expiresAt)));
      clearLoginToken(reply, services);
      return redirect(reply, next);
    },
  );

  admin.post('/logout', { config: { admin: { roles: ROLES } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await services.staff.closeSession(token);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(services));
    return redirect(reply, `${ADMIN_PATH}/login?out=1`);
  });
}
