import { ACCESSORIES } from './catalog-accessories.ts';
import { CLOTHING } from './catalog-clothing.ts';
import { GIFTS } from './catalog-gifts.ts';
import { HOME } from './catalog-home.ts';
import { KITCHEN } from './catalog-kitchen.ts';
import { STATIONERY } from './catalog-stationery.ts';
import type { DemoProduct } from './types.ts';

export { DEMO_COLLECTIONS } from './collections.ts';

/** Every demo product, in the order they are created (and so listed in each collection). */
export const DEMO_PRODUCTS: DemoProduct[] = [...CLOTHING, ...ACCESSORIES, ...HOME, ...KITCHEN, ...STATIONERY, ...GIFTS];
