import type { ProductPage } from '../../catalog/index.ts';
import { t, tp } from '../../i18n/index.ts';
import { Pagination } from '../components/pagination.tsx';
import { ProductGrid } from '../components/product-card.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { searchQueryString, type SearchQuery } from '../listing-query.ts';
import { localePaths } from '../seo.ts';

/** Results of a search; `results` is null when nothing was typed. */
export function SearchPage({ ctx, query, results }: { ctx: PageContext; query: SearchQuery; results: ProductPage | null }) {
  const { locale } = ctx;
  const shop = ctx.site.config.shopName;
  const path = `/${locale}/search`;
  return (
    <Layout
      ctx={ctx}
      searchValue={query.q}
      seo={{
        title: `${query.q ? t(locale, 'search.titleFor', { q: query.q }) : t(locale, 'search.title')} | ${shop}`,
        description: t(locale, 'search.description', { shop }),
        canonical: path,
        alternates: localePaths('/search'),
        noindex: true,
      }}
    >
      <h1>{query.q ? t(locale, 'search.resultsFor', { q: query.q }) : t(locale, 'search.title')}</h1>
      {!results ? (
        <p class="empty">{t(locale, 'search.emptyQuery')}</p>
      ) : results.items.length ? (
        <>
          <p class="result-count" role="status">
            {tp(locale, 'search.count', results.total)}
          </p>
          <ProductGrid locale={locale} cards={results.items} eagerCount={2} />
          <Pagination locale={locale} page={results.page} pages={results.pages} hrefFor={(p) => path + searchQueryString(query, p)} />
        </>
      ) : (
        <div class="empty" role="status">
          <p>{t(locale, 'search.noResults', { q: query.q })}</p>
          {ctx.nav.length ? (
            <>
              <p>{t(locale, 'search.tryCollections')}</p>
              <ul class="link-list">
                {ctx.nav.map((c) => (
                  <li>
                    <a href={`/${locale}/collections/${c.handle}`}>{c.title}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      )}
    </Layout>
  );
}
