import type { Services } from '../app.ts';
import type { CartService } from '../cart/index.ts';
import type { Catalog } from '../catalog/index.ts';
import type { Config } from '../config.ts';
import { hashedAssets, type Assets } from './assets.ts';
import { createNavCache, type NavCache } from './nav-cache.ts';

/** What every storefront page needs, built once at boot. */
export type Site = {
  /** Read at request time: publicUrl may be set after boot (tests do). */
  config: Config;
  catalog: Catalog;
  /** For the item count in the header. */
  cart: CartService;
  assets: Assets;
  nav: NavCache;
  /** The currency symbol per locale, for the price filter labels. */
  currencySymbol: Record<'fr' | 'en', string>;
};

export function createSite(services: Services): Site {
  const { config, catalog, events } = services;
  const symbol = (locale: string) =>
    new Intl.NumberFormat(locale, { style: 'currency', currency: config.currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? config.currency;
  return {
    config,
    catalog,
    cart: services.cart,
    assets: hashedAssets(),
    nav: createNavCache(catalog, events),
    currencySymbol: { fr: symbol('fr'), en: symbol('en') },
  };
}
