import type { ComponentChildren } from 'preact';
import type { Role, Session } from '../staff/index.ts';
import { ADMIN_ASSETS } from './assets.ts';
import { ORDER_READERS } from './auth.ts';
import { CsrfField } from './form-fields.tsx';
import { t } from './strings.ts';

export type NavKey = 'dashboard' | 'live' | 'queue' | 'products' | 'collections' | 'orders' | 'shipping' | 'discounts' | 'mailbox' | null;

// Each entry lists the roles its pages allow, so nobody is shown a link that ends on a 403 page.
const LIVE: { key: Exclude<NavKey, null>; href: string; label: string; roles: readonly Role[] }[] = [
  { key: 'dashboard', href: '/admin', label: t.nav.dashboard, roles: ['owner'] },
  { key: 'live', href: '/admin/live', label: t.nav.live, roles: ['owner'] },
  { key: 'queue', href: '/admin/queue', label: t.nav.queue, roles: ['owner'] },
  { key: 'products', href: '/admin/products', label: t.nav.products, roles: ['owner'] },
  { key: 'collections', href: '/admin/collections', label: t.nav.collections, roles: ['owner'] },
  { key: 'orders', href: '/admin/orders', label: t.nav.orders, roles: ORDER_READERS },
  { key: 'shipping', href: '/admin/shipping', label: t.nav.shipping, roles: ['owner'] },
  { key: 'discounts', href: '/admin/discounts', label: t.nav.discounts, roles: ['owner'] },
  { key: 'mailbox', href: '/admin/mailbox', label: t.nav.mailbox, roles: ORDER_READERS },
];

// Sections still to be built keep their place in the menu, greyed, so the layout does not move when they arrive.
const SOON = [t.nav.fulfillment, t.nav.customers, t.nav.support, t.nav.reviews, t.nav.newsletter, t.nav.settings];

export type LayoutProps = {
  title: string;
  session: Session | null;
  nav?: NavKey;
  shopName: string;
  /** Extra elements for <head>, such as a page's own script. */
  head?: ComponentChildren;
  children: ComponentChildren;
};

export function Layout({ title, session, nav = null, shopName, head, children }: LayoutProps) {
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · ${shopName} · ${t.appName}`}</title>
        <link rel="stylesheet" href={ADMIN_ASSETS.css} />
        <script src={ADMIN_ASSETS.js} defer />
        {head}
      </head>
      <body>
        <a class="skip" href="#main">
          {t.skipToContent}
        </a>
        <header class="top">
          <a class="brand" href="/admin">
            {shopName}
          </a>
          {session && (
            <form class="logout" method="post" action="/admin/logout">
              <CsrfField token={session.csrfToken} />
              <span class="who">
                <span class="visually-hidden">{t.nav.signedInAs} </span>
                {session.staff.email}
              </span>
              <button type="submit" class="button secondary">
                {t.nav.logout}
              </button>
            </form>
          )}
        </header>
        {session && (
          <nav class="nav" aria-label={t.nav.label}>
            <ul>
              {LIVE.filter((item) => item.roles.includes(session.staff.role)).map((item) => (
                <li>
                  <a href={item.href} aria-current={item.key === nav ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
              {SOON.map((label) => (
                <li>
                  <span class="soon" aria-disabled="true">
                    {label} <small>{t.nav.comingSoon}</small>
                  </span>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <main id="main">{children}</main>
      </body>
    </html>
  );
}
