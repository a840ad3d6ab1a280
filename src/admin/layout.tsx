import type { ComponentChildren } from 'preact';
import type { Session } from '../staff/index.ts';
import { CsrfField } from './form-fields.tsx';
import { t } from './strings.ts';

export type NavKey = 'dashboard' | 'products' | 'collections' | null;

const LIVE: { key: Exclude<NavKey, null>; href: string; label: string }[] = [
  { key: 'dashboard', href: '/admin', label: t.nav.dashboard },
  { key: 'products', href: '/admin/products', label: t.nav.products },
  { key: 'collections', href: '/admin/collections', label: t.nav.collections },
];

// Sections still to be built keep their place in the menu, greyed, so the layout does not move when they arrive.
const SOON = [t.nav.orders, t.nav.fulfillment, t.nav.customers, t.nav.support, t.nav.reviews, t.nav.newsletter, t.nav.settings];

export type LayoutProps = { title: string; session: Session | null; nav?: NavKey; shopName: string; children: ComponentChildren };

export function Layout({ title, session, nav = null, shopName, children }: LayoutProps) {
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} · ${shopName} · ${t.appName}`}</title>
        <link rel="stylesheet" href="/assets/admin.css" />
        <script src="/assets/admin.js" defer />
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
              {LIVE.map((item) => (
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
