export { createOrderService, transition, noteEvent, type OrderService, type OrderActor, type Faults } from './service.ts';
export { ORDER_STATUSES, ORDER_TRANSITIONS, LINE_BACKORDERED, LINE_HELD, LINE_UNTRACKED, type OrderStatus } from './rules.ts';
export type { Address, OrderView, OrderLineView, OrderEvent } from './types.ts';
export { loadOrder, toView } from './repo.ts';
