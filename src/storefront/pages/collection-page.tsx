import type { CollectionView, Facets, ProductPage } from '../../catalog/index.ts';
import { SORTS } from '../../catalog/index.ts';
import { t, tp } from '../../i18n/index.ts';
import { currencyDecimals } from '../../lib/money.ts';
import { Pagination } from '../components/pagination.tsx';
import { Paragraphs } from '../components/paragraphs.tsx';
import { ProductGrid } from '../components/product-card.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { hasFilters, listingQueryString, OPTION_PREFIX, type ListingQuery } from '../listing-query.ts';
import { localePaths, ogImage, summary } from '../seo.ts';

type Props = { ctx: PageContext; collection: CollectionView; listing: ProductPage; facets: Facets; query: ListingQuery };

export function CollectionPage({ ctx, collection, listing, facets, query }: Props) {
  const { locale, site } = ctx;
  const shop = site.config.shopName;
  const path = `/${locale}/collections/${collection.handle}`;
  const filtered = hasFilters(query);
  const href = (page: number) => path + listingQueryString(query, page);
  // Page 2+ is its own canonical page; sorted or filtered variants point search engines at the plain listing.
  const plain = query.sort === 'featured' && !filtered;
  const pageSuffix = listing.page > 1 ? `?page=${listing.page}` : '';
  const titleText = listing.page > 1 ? t(locale, 'collection.pageTitle', { title: collection.seoTitle ?? collection.title, page: listing.page }) : (collection.seoTitle ?? collection.title);
  const cover = listing.items.find((c) => c.image);
  const symbol = site.currencySymbol[locale];
  const unit = 10 ** currencyDecimals(site.config.currency);
  return (
    <Layout
      ctx={ctx}
      seo={{
        title: `${titleText} | ${shop}`,
        description: collection.seoDescription ?? (summary(collection.description) || t(locale, 'collection.description', { title: collection.title, shop })),
        canonical: path + (plain ? pageSuffix : ''),
        alternates: localePaths(`/collections/${collection.handle}${plain ? pageSuffix : ''}`),
        noindex: !plain,
        image: cover ? ogImage(cover.image!, cover.title) : null,
        prev: listing.page > 1 ? href(listing.page - 1) : null,
        next: listing.page < listing.pages ? href(listing.page + 1) : null,
      }}
    >
      <h1>{collection.title}</h1>
      {collection.description ? (
        <div class="intro">
          <Paragraphs text={collection.description} />
        </div>
      ) : null}
      <p class="result-count" role="status">
        {tp(locale, 'collection.count', listing.total)}
      </p>
      <details class="filters" open={filtered || undefined}>
        <summary>{t(locale, 'filters.title')}</summary>
        <form id="filters" method="get" action={path}>
          <div class="field">
            <label for="sort">{t(locale, 'sort.label')}</label>
            <select id="sort" name="sort">
              {SORTS.map((s) => (
                <option value={s} selected={s === query.sort}>
                  {t(locale, `sort.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {facets.options.map((o, gi) => (
            <fieldset>
              <legend>{o.name}</legend>
              {o.values.map((v, vi) => {
                const id = `f${gi}-${vi}`;
                return (
                  <div class="check">
                    <input type="checkbox" id={id} name={OPTION_PREFIX + o.name} value={v.value} checked={query.options[o.name]?.includes(v.value)} />
                    <label for={id}>
                      {v.value} <span class="muted">({v.count})</span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          <fieldset class="price-range">
            <legend>{t(locale, 'filters.price')}</legend>
            <div class="field">
              <label for="min-price">{t(locale, 'filters.min', { currency: symbol })}</label>
              <input id="min-price" name="min" type="number" inputMode="numeric" min={0} step={1} value={query.minText} placeholder={facets.price ? String(Math.floor(facets.price.min / unit)) : undefined} />
            </div>
            <div class="field">
              <label for="max-price">{t(locale, 'filters.max', { currency: symbol })}</label>
              <input id="max-price" name="max" type="number" inputMode="numeric" min={0} step={1} value={query.maxText} placeholder={facets.price ? String(Math.ceil(facets.price.max / unit)) : undefined} />
            </div>
          </fieldset>
          <div class="actions">
            <button type="submit">{t(locale, 'filters.apply')}</button>
            {filtered || query.sort !== 'featured' ? <a href={path}>{t(locale, 'filters.clear')}</a> : null}
          </div>
        </form>
      </details>
      {listing.items.length ? (
        <ProductGrid locale={locale} cards={listing.items} eagerCount={2} />
      ) : (
        <p class="empty">
          {t(locale, filtered ? 'collection.empty' : 'collection.emptyAll')} {filtered ? <a href={path}>{t(locale, 'collection.showAll')}</a> : null}
        </p>
      )}
      <Pagination locale={locale} page={listing.page} pages={listing.pages} hrefFor={href} />
    </Layout>
  );
}
