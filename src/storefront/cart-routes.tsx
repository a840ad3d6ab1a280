import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../app.ts';
import { LOCALES, t, type Locale } from '../i18n/index.ts';
import { HANDLE_PATTERN } from '../lib/slug.ts';
import { cartProblem, cartUnusable, type CartProblem } from './cart-errors.ts';
import { formToken } from './csrf.ts';
import { requireCsrf, requireSameSite } from './csrf-guard.tsx';
import { field, formBody, wholeNumber } from './form-values.ts';
import { CartPage } from './pages/cart-page.tsx';
import { ProductPage } from './pages/product-page.tsx';
import { NO_STORE, pageContext, seeOther, sendPage } from './render.ts';
import { cartIdOf, setCartCookie, syncCartCount } from './shopper-cookies.ts';
import type { Site } from './site.ts';
import { chooseVariant } from './variant-choice.ts';

/** The cart page and its forms: add from a product page, change a quantity, remove a line. All post-redirect-get. */
export function registerCartRoutes(server: FastifyInstance, site: Site, services: Services): void {
  const { cart, config } = services;
  const max = config.cartMaxQuantity;

  /** After every change: the count cookie the shared pages' header badge shows. */
  async function countChanged(req: FastifyRequest, reply: FastifyReply, cartId: string) {
    syncCartCount(req, reply, config, await cart.itemCount(cartId));
  }

  async function showCart(req: FastifyRequest, reply: FastifyReply, locale: Locale, problem: (CartProblem & { lineId?: number }) | null = null) {
    const cartId = cartIdOf(req);
    const [ctx, view] = await Promise.all([pageContext(site, req, locale), cartId ? cart.get(cartId, locale) : null]);
    const open = view?.status === 'open' ? view : null;
    ctx.cartCount = open?.itemCount ?? 0;
    // After a refused post, the language switch leads to the cart, not to the post's URL.
    ctx.url = `/${locale}/cart`;
    const csrf = formToken(req, reply, config.secureCookies);
    return sendPage(reply, <CartPage ctx={ctx} cart={open} csrf={csrf} max={max} problem={problem} />, { status: problem?.status ?? 200, cacheControl: NO_STORE });
  }

  /** A refused add goes back to the product, with the message beside the quantity; without a product to show, to the cart. */
  async function showAddProblem(req: FastifyRequest, reply: FastifyReply, locale: Locale, problem: CartProblem, variantId: number | null, handle: string, quantity: string) {
    const product = HANDLE_PATTERN.test(handle) && handle.length <= 120 ? await site.catalog.products.getByHandle(handle, locale) : null;
    const variant = product?.status === 'active' && product.variants.find((v) => v.id === variantId) ? chooseVariant(product, { variant: String(variantId) }) : null;
    if (!product || !variant) return showCart(req, reply, locale, problem);
    const ctx = await pageContext(site, req, locale);
    ctx.url = `/${locale}/products/${product.handle}?variant=${variant.id}`;
    const form = { error: problem.message, quantity: quantity.slice(0, 12) };
    return sendPage(reply, <ProductPage ctx={ctx} product={product} variant={variant} cart={form} />, { status: problem.status, cacheControl: NO_STORE });
  }

  for (const locale of LOCALES) {
    const csrf = requireCsrf(site, locale);
    const cartPath = `/${locale}/cart`;

    server.get(cartPath, async (req, reply) => showCart(req, reply, locale));

    server.post(`/${locale}/cart/add`, { preHandler: requireSameSite(site, locale) }, async (req, reply) => {
      const body = formBody(req.body);
      const variantText = field(body, 'variantId');
      const quantityText = field(body, 'quantity');
      const handle = field(body, 'handle');
      const variantId = wholeNumber(variantText, 1, Number.MAX_SAFE_INTEGER);
      const quantity = wholeNumber(quantityText, 1, max);
      if (variantId === null) return showAddProblem(req, reply, locale, { status: 400, message: t(locale, 'cart.error.notForSale') }, null, handle, quantityText);
      if (quantity === null) return showAddProblem(req, reply, locale, { status: 400, message: t(locale, 'cart.error.quantity', { max }) }, variantId, handle, quantityText);
      try {
        let cartId = cartIdOf(req);
        if (cartId) {
          try {
            await cart.addLine(cartId, variantId, quantity);
          } catch (e) {
            // A cart already ordered (or gone) is not an error for the shopper: a new one starts.
            if (!cartUnusable(e)) throw e;
            cartId = null;
          }
        }
        if (!cartId) {
          cartId = await cart.create(locale);
          await cart.addLine(cartId, variantId, quantity);
        }
        setCartCookie(reply, config, cartId);
        await countChanged(req, reply, cartId);
        return seeOther(reply, cartPath);
      } catch (e) {
        return showAddProblem(req, reply, locale, cartProblem(e, locale, max), variantId, handle, quantityText);
      }
    });

    server.post(`/${locale}/cart/lines/:lineId`, { preHandler: csrf }, async (req, reply) => {
      const lineId = lineIdOf(req.params);
      const quantity = wholeNumber(field(formBody(req.body), 'quantity'), 0, max);
      const cartId = cartIdOf(req);
      if (lineId === null || !cartId) return showCart(req, reply, locale, { status: 404, message: t(locale, 'cart.error.lineGone') });
      if (quantity === null) return showCart(req, reply, locale, { status: 400, message: t(locale, 'cart.error.lineQuantity', { max }), lineId });
      try {
        if (quantity === 0) await cart.removeLine(cartId, lineId);
        else await cart.setQuantity(cartId, lineId, quantity);
        await countChanged(req, reply, cartId);
        return seeOther(reply, cartPath);
      } catch (e) {
        return showCart(req, reply, locale, { ...cartProblem(e, locale, max), lineId });
      }
    });

    server.post(`/${locale}/cart/lines/:lineId/remove`, { preHandler: csrf }, async (req, reply) => {
      const lineId = lineIdOf(req.params);
      const cartId = cartIdOf(req);
      if (lineId === null || !cartId) return showCart(req, reply, locale, { status: 404, message: t(locale, 'cart.error.lineGone') });
      try {
        await cart.removeLine(cartId, lineId);
        await countChanged(req, reply, cartId);
        return seeOther(reply, cartPath);
      } catch (e) {
        return showCart(req, reply, locale, cartProblem(e, locale, max));
      }
    });
  }
}

function lineIdOf(params: unknown): number | null {
  const raw = (params as { lineId?: unknown } | null)?.lineId;
  return typeof raw === 'string' ? wholeNumber(raw, 1, Number.MAX_SAFE_INTEGER) : null;
}
