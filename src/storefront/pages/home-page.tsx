import type { ProductCard } from '../../catalog/index.ts';
import { t, tp } from '../../i18n/index.ts';
import { ProductGrid } from '../components/product-card.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { localePaths, ogImage } from '../seo.ts';

export function HomePage({ ctx, products }: { ctx: PageContext; products: ProductCard[] }) {
  const { locale } = ctx;
  const shop = ctx.site.config.shopName;
  const featured = ctx.nav.slice(0, 4);
  // Shared links to the home page show the newest product with a photo.
  const cover = products.find((p) => p.image);
  return (
    <Layout
      ctx={ctx}
      seo={{
        title: t(locale, 'home.title', { shop }),
        description: t(locale, 'home.description', { shop }),
        canonical: `/${locale}/`,
        alternates: localePaths('/'),
        xDefault: '/',
        image: cover ? ogImage(cover.image!, cover.title) : null,
      }}
    >
      <section class="hero">
        <h1>{t(locale, 'home.heroTitle', { shop })}</h1>
        <p>{t(locale, 'home.heroText')}</p>
      </section>
      {featured.length ? (
        <section aria-labelledby="featured-collections">
          <h2 id="featured-collections">{t(locale, 'home.featuredCollections')}</h2>
          <ul class="collection-tiles">
            {featured.map((c) => (
              <li>
                <a href={`/${locale}/collections/${c.handle}`}>
                  <span class="tile-title">{c.title}</span>
                  <span class="tile-count">{tp(locale, 'collection.count', c.productCount)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="new-products">
        <h2 id="new-products">{t(locale, 'home.newProducts')}</h2>
        {products.length ? <ProductGrid locale={locale} cards={products} eagerCount={0} heading="h3" /> : <p class="empty">{t(locale, 'home.empty')}</p>}
      </section>
    </Layout>
  );
}
