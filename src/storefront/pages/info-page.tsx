import { t } from '../../i18n/index.ts';
import { Paragraphs } from '../components/paragraphs.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { localePaths, summary } from '../seo.ts';

export const INFO_PAGES = ['legal', 'terms', 'contact'] as const;
export type InfoPageName = (typeof INFO_PAGES)[number];

/** The merchant's address (SHOP_EMAIL), or contact@<shop host> until it is configured. */
export function contactEmail(publicUrl: string, shopEmail: string | null = null): string {
  return shopEmail ?? `contact@${new URL(publicUrl).hostname.replace(/^www\./, '')}`;
}

/** Legal notice, terms of sale and contact: placeholder text the merchant replaces. */
export function InfoPage({ ctx, name }: { ctx: PageContext; name: InfoPageName }) {
  const { locale, site } = ctx;
  const shop = site.config.shopName;
  const title = t(locale, `page.${name}.title`);
  const body = t(locale, `page.${name}.body`, { shop });
  const email = contactEmail(site.config.publicUrl, site.config.shopEmail);
  return (
    <Layout
      ctx={ctx}
      seo={{ title: `${title} | ${shop}`, description: summary(body), canonical: `/${locale}/pages/${name}`, alternates: localePaths(`/pages/${name}`) }}
    >
      <article class="prose">
        <h1>{title}</h1>
        <Paragraphs text={body} />
        {name === 'contact' ? (
          <p>
            {t(locale, 'page.contact.emailLead')} <a href={`mailto:${email}`}>{email}</a>
          </p>
        ) : null}
      </article>
    </Layout>
  );
}
