export { createCartService, newCartId, type CartService, type CartView, type CartLineView } from './service.ts';
