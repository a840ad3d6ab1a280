import type { Transitions } from '../lib/state-machine.ts';

export const ORDER_STATUSES = ['pending_payment', 'paid', 'partially_fulfilled', 'fulfilled', 'cancelled', 'refunded'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_TRANSITIONS: Transitions<OrderStatus> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['partially_fulfilled', 'fulfilled', 'cancelled', 'refunded'],
  partially_fulfilled: ['fulfilled', 'refunded'],
  fulfilled: ['refunded'],
  cancelled: [],
  refunded: [],
};

/** Order line stock state: not tracked, held in stock (reserved or sold), or backordered. */
export const LINE_UNTRACKED = 0;
export const LINE_HELD = 1;
export const LINE_BACKORDERED = 2;
