import type { ProductView, VariantView } from '../../catalog/index.ts';
import { jsonForScript } from '../../http/html.ts';
import { t, tp } from '../../i18n/index.ts';
import { amountToInput, formatMoney } from '../../lib/money.ts';
import { Paragraphs } from '../components/paragraphs.tsx';
import { Picture } from '../components/picture.tsx';
import { Price } from '../components/price.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { productJsonLd } from '../product-json-ld.ts';
import { localePaths, ogImage, summary } from '../seo.ts';
import { stockState, variantFor, type StockState } from '../variant-choice.ts';

const GALLERY_SIZES = '(min-width: 48em) 50vw, 100vw';

function StockLine({ locale, state }: { locale: PageContext['locale']; state: StockState }) {
  const text =
    state.kind === 'low'
      ? tp(locale, 'stock.low', state.count)
      : t(locale, state.kind === 'in-stock' ? 'stock.inStock' : state.kind === 'backorder' ? 'stock.backorder' : 'stock.soldOut');
  return <p class={`stock stock-${state.kind}`}>{text}</p>;
}

function VariantForm({ ctx, product, variant, path }: { ctx: PageContext; product: ProductView; variant: VariantView; path: string }) {
  const { locale } = ctx;
  return (
    <form id="variant-form" method="get" action={`${path}#variant-form`}>
      {product.options.map((o, i) => (
        <fieldset class="variant-option">
          <legend>{o.name}</legend>
          {o.values.map((value, vi) => {
            const id = `opt${i}-${vi}`;
            const match = variantFor(product, variant, i, value);
            const note = !match ? t(locale, 'stock.unavailable') : !match.available ? t(locale, 'stock.soldOutNote') : null;
            return (
              <div class="choice">
                <input type="radio" id={id} name={`option${i + 1}`} value={value} checked={variant.options[i] === value} />
                <label for={id}>
                  {value}
                  {note ? <span class="muted"> ({note})</span> : null}
                </label>
              </div>
            );
          })}
        </fieldset>
      ))}
      <button type="submit" class="js-hide secondary">
        {t(locale, 'product.chooseVariant')}
      </button>
    </form>
  );
}

/**
 * After a refused add, the message and the quantity asked. The form carries no CSRF token: the page is
 * shared by every visitor through the page cache, and the add is checked by origin (csrf.ts sameOrigin).
 */
export type AddToCart = { error?: string | null; quantity?: string };

export function ProductPage({ ctx, product, variant, cart }: { ctx: PageContext; product: ProductView; variant: VariantView; cart: AddToCart }) {
  const { locale, site } = ctx;
  const base = site.config.publicUrl;
  const shop = site.config.shopName;
  const path = `/${locale}/products/${product.handle}`;
  const state = stockState(variant);
  const crumb = product.collections[0];
  const cover = product.images[0];
  const og = cover ? ogImage(cover, product.title) : null;
  const price = formatMoney(product.priceRange.min, locale);
  const description = product.seoDescription ?? (summary(product.description) || t(locale, 'product.metaDescription', { title: product.title, shop, price }));
  const ld = productJsonLd(product, base + path, product.images.map((i) => base + ogImage(i, product.title).path));
  const buyLabel = state.kind === 'sold-out' ? t(locale, 'product.soldOut') : state.kind === 'backorder' ? t(locale, 'product.preorder') : t(locale, 'product.addToCart');
  return (
    <Layout
      ctx={ctx}
      seo={{
        title: `${product.seoTitle ?? product.title} | ${shop}`,
        description,
        canonical: path,
        alternates: localePaths(`/products/${product.handle}`),
        type: 'product',
        image: og,
        og: [
          ['product:price:amount', amountToInput(variant.price.amount, variant.price.currency)],
          ['product:price:currency', variant.price.currency],
        ],
      }}
    >
      <nav class="breadcrumbs" aria-label={t(locale, 'product.breadcrumb')}>
        <ol>
          <li>
            <a href={`/${locale}/`}>{t(locale, 'nav.home')}</a>
          </li>
          {crumb ? (
            <li>
              <a href={`/${locale}/collections/${crumb.handle}`}>{crumb.title}</a>
            </li>
          ) : null}
          <li aria-current="page">{product.title}</li>
        </ol>
      </nav>
      <div class="product">
        {product.images.length ? (
          <section class="gallery" aria-label={t(locale, 'product.gallery', { title: product.title })}>
            <ul>
              {product.images.map((img, i) => (
                <li>
                  <Picture image={img} alt={img.alt || product.title} sizes={GALLERY_SIZES} priority={i === 0 ? 'high' : 'lazy'} />
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <div class="product-info">
          <h1>{product.title}</h1>
          {product.vendor ? <p class="vendor">{product.vendor}</p> : null}
          <div id="variant-status" aria-live="polite">
            <Price locale={locale} price={variant.price} compareAt={variant.compareAtPrice} />
            <StockLine locale={locale} state={state} />
          </div>
          {product.options.length ? <VariantForm ctx={ctx} product={product} variant={variant} path={path} /> : null}
          <form id="add-to-cart" method="post" action={`/${locale}/cart/add`}>
            <input type="hidden" name="variantId" value={String(variant.id)} />
            <input type="hidden" name="handle" value={product.handle} />
            <div class="field quantity">
              <label for="quantity">{t(locale, 'product.quantity')}</label>
              <input
                id="quantity"
                name="quantity"
                type="number"
                inputMode="numeric"
                min={1}
                max={site.config.cartMaxQuantity}
                step={1}
                value={cart.quantity ?? '1'}
                required
                aria-invalid={cart.error ? 'true' : undefined}
                aria-describedby={cart.error ? 'add-to-cart-error' : undefined}
              />
            </div>
            {cart.error ? (
              <p class="field-error" id="add-to-cart-error" role="alert">
                {cart.error}
              </p>
            ) : null}
            <button type="submit" class="primary" disabled={!variant.available}>
              {buyLabel}
            </button>
          </form>
          <p class="sku muted" id="variant-sku">{t(locale, 'product.sku', { sku: variant.sku })}</p>
          {product.description ? (
            <section class="description" aria-labelledby="description-title">
              <h2 id="description-title">{t(locale, 'product.description')}</h2>
              <Paragraphs text={product.description} />
            </section>
          ) : null}
        </div>
      </div>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(ld) }} />
    </Layout>
  );
}
