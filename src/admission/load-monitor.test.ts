import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLoopDelayProbe } from './load-monitor.ts';

const block = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

describe('event-loop delay probe', () => {
  it('reads a loop that is late all the time as overloaded', async () => {
    const probe = createLoopDelayProbe();
    try {
      await sleep(200);
      for (let i = 0; i < 20; i++) {
        block(80);
        await sleep(1);
      }
      assert.ok(probe.p99Ms() >= 50, `p99 ${probe.p99Ms()} ms`);
    } finally {
      probe.stop();
    }
  });

  it('does not count one long pause in seconds of calm as overload', async () => {
    const probe = createLoopDelayProbe();
    try {
      await sleep(1000);
      block(400);
      await sleep(1500);
      assert.ok(probe.p99Ms() < 300, `p99 ${probe.p99Ms()} ms`);
    } finally {
      probe.stop();
    }
  });
});
