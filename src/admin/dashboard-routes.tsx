import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { Layout } from './layout.tsx';
import { sendPage } from './render.ts';
import { t } from './strings.ts';
import { allow } from './auth.ts';

export function registerDashboardRoutes(admin: FastifyInstance, services: Services): void {
  // Every role lands here after login; staff who do not manage the catalog go to their own work.
  admin.get('/', { config: allow('owner', 'packer', 'support') }, async (req, reply) => {
    const role = req.adminSession?.staff.role;
    if (role === 'support') return reply.redirect('/admin/orders', 303);
    if (role === 'packer') {
      return sendPage(
        reply,
        200,
        <Layout title={t.dashboard.title} session={req.adminSession} nav="dashboard" shopName={services.config.shopName}>
          <h1>{t.dashboard.title}</h1>
          <p>{t.dashboard.packerWelcome}</p>
        </Layout>,
      );
    }
    const locale = services.config.defaultLocale;
    const count = async (status: 'any' | 'active' | 'draft' | 'archived') => (await services.catalog.list({ locale, status, perPage: 1 })).total;
    const [all, active, draft, archived, collections] = await Promise.all([
      count('any'),
      count('active'),
      count('draft'),
      count('archived'),
      services.catalog.collections.list(locale),
    ]);
    return sendPage(
      reply,
      200,
      <Layout title={t.dashboard.title} session={req.adminSession} nav="dashboard" shopName={services.config.shopName}>
        <h1>{t.dashboard.title}</h1>
        <div class="cards">
          <section class="card">
            <h2>{t.dashboard.products}</h2>
            <p class="big-number">{all}</p>
            <p class="muted">
              {active} {t.dashboard.active} · {draft} {t.dashboard.draft} · {archived} {t.dashboard.archived}
            </p>
            <p class="actions">
              <a class="button primary" href="/admin/products">
                {t.dashboard.manageProducts}
              </a>
              <a class="button secondary" href="/admin/products/new">
                {t.dashboard.newProduct}
              </a>
            </p>
          </section>
          <section class="card">
            <h2>{t.dashboard.collections}</h2>
            <p class="big-number">{collections.length}</p>
            <p class="actions">
              <a class="button primary" href="/admin/collections">
                {t.dashboard.manageCollections}
              </a>
            </p>
          </section>
        </div>
      </Layout>,
    );
  });
}
