import type { Services } from './app.ts';

// The worker role: outbox delivery and the sweeper that ends stock holds nobody paid for.
// It runs inside the web process by default (WORKER=1); a separate process can run it alone.
export type Worker = { stop: () => Promise<void> };

export const SWEEP_EVERY_MS = 30_000;

export function startWorker(s: Services): Worker {
  s.outbox.start(1000);
  const sweep = setInterval(() => {
    s.orders.expireHolds().catch((e) => console.error('stock hold sweep failed', e));
  }, SWEEP_EVERY_MS);
  sweep.unref();
  return {
    async stop() {
      clearInterval(sweep);
      await s.outbox.stop();
    },
  };
}
