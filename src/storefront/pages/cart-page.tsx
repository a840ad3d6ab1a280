import type { CartLineView, CartView } from '../../cart/index.ts';
import { t, tp, type Locale } from '../../i18n/index.ts';
import { formatMoney } from '../../lib/money.ts';
import { CsrfField } from '../components/form-errors.tsx';
import { Picture } from '../components/picture.tsx';
import { Layout, type PageContext } from '../layout.tsx';
import { variantLabel } from '../variant-choice.ts';

export type CartPageProblem = { message: string; lineId?: number | null };

/** Why a line cannot be ordered as it stands, or null. */
export function lineWarning(line: CartLineView, locale: Locale): string | null {
  if (!line.purchasable) return t(locale, 'cart.warn.unavailable', { title: line.title });
  const left = line.availableQuantity;
  if (left !== null && line.quantity > left) return left > 0 ? tp(locale, 'cart.warn.onlyLeft', left, { title: line.title }) : t(locale, 'cart.warn.soldOut', { title: line.title });
  return null;
}

function Line({ ctx, line, csrf, max, problem }: { ctx: PageContext; line: CartLineView; csrf: string; max: number; problem?: string }) {
  const { locale } = ctx;
  const warning = lineWarning(line, locale);
  const qtyId = `qty-${line.id}`;
  const described = [problem ? `${qtyId}-error` : null, warning ? `warn-${line.id}` : null].filter(Boolean).join(' ') || undefined;
  return (
    <li class="cart-line" id={`line-${line.id}`}>
      <div class="cart-thumb">
        {line.image ? <Picture image={{ id: 0, ...line.image }} alt="" sizes="6rem" /> : <span class="no-image" />}
      </div>
      <div class="cart-line-body">
        <h2 class="cart-line-title">
          <a href={`/${locale}/products/${line.handle}?variant=${line.variantId}`}>{line.title}</a>
        </h2>
        {variantLabel(line.variantTitle) ? <p class="muted">{variantLabel(line.variantTitle)}</p> : null}
        <p class="cart-unit">
          <span class="visually-hidden">{t(locale, 'cart.unitPrice')} </span>
          {formatMoney(line.unitPrice, locale)}
        </p>
        {warning ? (
          <p class="line-warning" id={`warn-${line.id}`}>
            {warning}
          </p>
        ) : null}
        <form id={`line-form-${line.id}`} class="line-form" method="post" action={`/${locale}/cart/lines/${line.id}`}>
          <CsrfField token={csrf} />
          <label for={qtyId}>
            {t(locale, 'cart.quantity')}
            <span class="visually-hidden"> ({line.title})</span>
          </label>
          <input
            id={qtyId}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            max={max}
            step={1}
            value={String(line.quantity)}
            required
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={described}
          />
          <button type="submit" class="secondary">
            {t(locale, 'cart.update')}
          </button>
        </form>
        {problem ? (
          <p class="field-error" id={`${qtyId}-error`}>
            {problem}
          </p>
        ) : null}
        <form id={`remove-form-${line.id}`} class="remove-form" method="post" action={`/${locale}/cart/lines/${line.id}/remove`}>
          <CsrfField token={csrf} />
          <button type="submit" class="link-button">
            {t(locale, 'cart.remove')}
            <span class="visually-hidden"> {line.title}</span>
          </button>
        </form>
      </div>
      <p class="cart-line-total">
        <span class="visually-hidden">{t(locale, 'cart.lineTotal')} </span>
        {formatMoney(line.total, locale)}
      </p>
    </li>
  );
}

/** The cart: lines with their quantity forms, warnings for what cannot be ordered, subtotal and the way to checkout. */
export function CartPage({ ctx, cart, csrf, max, problem }: { ctx: PageContext; cart: CartView | null; csrf: string; max: number; problem?: CartPageProblem | null }) {
  const { locale, site } = ctx;
  const lines = cart && cart.status === 'open' ? cart.lines : [];
  const lineProblem = problem?.lineId ?? null;
  return (
    <Layout ctx={ctx} seo={{ title: `${t(locale, 'cart.title')} | ${site.config.shopName}`, description: t(locale, 'cart.metaDescription', { shop: site.config.shopName }), canonical: null }}>
      <h1>{t(locale, 'cart.title')}</h1>
      {problem ? (
        <p class="notice" role="alert">
          {problem.message}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <>
          <p class="empty">{t(locale, 'cart.empty')}</p>
          <p>
            <a class="button" href={`/${locale}/`}>
              {t(locale, 'cart.continue')}
            </a>
          </p>
        </>
      ) : (
        <>
          <ul class="cart-lines">
            {lines.map((l) => (
              <Line ctx={ctx} line={l} csrf={csrf} max={max} problem={l.id === lineProblem ? problem?.message : undefined} />
            ))}
          </ul>
          <div class="cart-summary">
            <p class="cart-subtotal">
              <span>{t(locale, 'cart.subtotal')}</span> <strong>{formatMoney(cart!.subtotal, locale)}</strong>
            </p>
            <p class="muted">{t(locale, 'cart.taxNote')}</p>
            <a id="checkout-button" class="button primary" href={`/${locale}/checkout`}>
              {t(locale, 'cart.checkout')}
            </a>
            <p>
              <a href={`/${locale}/`}>{t(locale, 'cart.continue')}</a>
            </p>
          </div>
        </>
      )}
    </Layout>
  );
}
