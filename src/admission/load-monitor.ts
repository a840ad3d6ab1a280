import { performance } from 'node:perf_hooks';

/** The event loop's recent p99 delay in milliseconds: how late the process answers when busy. */
export type LoadProbe = { p99Ms(): number; stop(): void };

const TICK_MS = 20;
const WINDOW_MS = 5_000;
const RECOMPUTE_MS = 250;

/**
 * A timer every 20 ms notes how late it fires; the p99 of those delays over the last five seconds is
 * the reading. One long pause is a single late sample and does not count as overload; a loop that is
 * late all the time does. (perf_hooks' monitorEventLoopDelay histograms cannot be merged over a
 * sliding window, hence the few lines here.)
 */
export function createLoopDelayProbe(): LoadProbe {
  const at: number[] = [];
  const delay: number[] = [];
  let expected = performance.now() + TICK_MS;
  let cached = 0;
  let computedAt = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    at.push(now);
    delay.push(Math.max(0, now - expected));
    expected = now + TICK_MS;
    while (at.length && at[0]! < now - WINDOW_MS) {
      at.shift();
      delay.shift();
    }
  }, TICK_MS);
  timer.unref();
  return {
    p99Ms() {
      const now = performance.now();
      if (now - computedAt >= RECOMPUTE_MS) {
        computedAt = now;
        const sorted = delay.slice().sort((a, b) => a - b);
        cached = sorted.length ? sorted[Math.floor(0.99 * (sorted.length - 1))]! : 0;
      }
      return cached;
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** A fixed reading, for tests. */
export const fixedLoad = (ms: number): LoadProbe => ({ p99Ms: () => ms, stop() {} });
