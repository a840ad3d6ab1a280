export { createShippingService, ShippingMethodInputSchema, type ShippingMethod, type ShippingMethodInput, type ShippingOption, type ShippingService } from './service.ts';
export { shippingPrice, type MethodRule, type WeightRate } from './rules.ts';
