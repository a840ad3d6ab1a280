export { createDiscountService, consumeCode, DiscountInputSchema, type DiscountCode, type DiscountInput, type DiscountService } from './service.ts';
export { codeProblem, type CodeRule } from './rules.ts';
