// How long a shopper at a given place in line will wait, from how fast shoppers were let in lately.

export type WaitInputs = {
  position: number;
  /** Shoppers admitted in the last minute. */
  admittedLastMinute: number;
  /** When nobody got in for a minute: the worst case, every place held for a whole session. */
  capacity: number;
  sessionSeconds: number;
};

const MAX_WAIT_SECONDS = 2 * 3600;

/** Seconds, rounded up to 10 s under a minute, to the minute under 10 minutes, then to 5 minutes; at most 2 hours. */
export function estimateWaitSeconds({ position, admittedLastMinute, capacity, sessionSeconds }: WaitInputs): number {
  if (position <= 0) return 0;
  const perSecond = admittedLastMinute / 60;
  const raw = perSecond > 0 ? position / perSecond : (position * sessionSeconds) / Math.max(1, capacity);
  return roundWait(Math.min(raw, MAX_WAIT_SECONDS));
}

export function roundWait(seconds: number): number {
  if (seconds <= 0) return 0;
  if (seconds <= 60) return Math.max(10, Math.ceil(seconds / 10) * 10);
  if (seconds <= 600) return Math.ceil(seconds / 60) * 60;
  return Math.min(MAX_WAIT_SECONDS, Math.ceil(seconds / 300) * 300);
}

/** How often a waiting page asks again: often near the front, seldom far back (each ask costs the server). */
export function pollSeconds(waitSeconds: number): number {
  return Math.min(15, Math.max(3, Math.round(waitSeconds / 6)));
}
