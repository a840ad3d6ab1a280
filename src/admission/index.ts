import type { FastifyInstance } from 'fastify';
import type { Services } from '../app.ts';
import { QUEUE_LENGTH, QUEUE_WAIT_SECONDS } from '../metrics/index.ts';
import { AdmissionController, type AdmissionSnapshot } from './controller.ts';
import { CHECKOUT_DOORS, installCheckoutGate } from './gate.ts';
import { createLoopDelayProbe } from './load-monitor.ts';
import { registerWaitingRoomRoutes } from './routes.tsx';
import { createMemoryAdmissionStore } from './store.ts';

export { AdmissionController, type AdmissionSnapshot, type Clock } from './controller.ts';
export { fixedLoad, type LoadProbe } from './load-monitor.ts';
export type { AdmissionStore, QueueMode } from './store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Admission control for checkout: read by the admin's queue page (and by tests, to move its clock). */
    admission: AdmissionController;
  }
}

/**
 * Admission control: the gate in front of checkout, the waiting room and its status endpoint.
 * Call before the checkout routes are registered: the gate attaches itself to them as they are added.
 */
export async function registerAdmission(server: FastifyInstance, services: Services): Promise<AdmissionController> {
  const controller = new AdmissionController(createMemoryAdmissionStore(), services.config.admission, createLoopDelayProbe());
  server.decorate('admission', controller);
  server.addHook('onClose', async () => controller.stop());
  // One snapshot serves every gauge of a scrape.
  let last: { at: number; s: Promise<AdmissionSnapshot> } | null = null;
  const snapshot = () => {
    if (!last || Date.now() - last.at > 500) last = { at: Date.now(), s: controller.snapshot() };
    return last.s;
  };
  const { metrics } = services;
  metrics.gauge(QUEUE_LENGTH, 'Shoppers waiting in the checkout queue', async () => (await snapshot()).waiting);
  metrics.gauge(QUEUE_WAIT_SECONDS, 'Estimated wait for a shopper joining the checkout queue now, in seconds', async () => (await snapshot()).estimatedWaitSeconds);
  metrics.gauge('checkout_admissions_active', 'Shoppers admitted into checkout now (the capacity is checkout_capacity)', async () => (await snapshot()).active);
  metrics.gauge('checkout_capacity', 'Shoppers allowed in checkout at once (ADMISSION_MAX_CHECKOUTS)', () => controller.settings.maxCheckouts);
  metrics.gauge('admission_overloaded', '1 while the event loop lags past ADMISSION_MAX_EVENT_LOOP_DELAY_MS and nobody new is admitted', () => (controller.overloaded() ? 1 : 0));
  const guarded = installCheckoutGate(server, services, controller);
  // The gate attaches to checkout routes registered after it: a route registered earlier would be an open door.
  server.addHook('onReady', async () => {
    const open = CHECKOUT_DOORS.filter((d) => !guarded.has(d));
    if (open.length) throw new Error(`admission control is not in front of ${open.join(', ')}: call registerAdmission before registering those routes`);
  });
  registerWaitingRoomRoutes(server, services, controller);
  return controller;
}
