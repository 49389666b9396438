/** Waits `milliseconds` on the global timer, so vitest fake timers control every wait. */
export function sleep(milliseconds: number): Promise<void> {
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** Exponential backoff with full jitter: a random delay up to base * 2^(attempt - 1), capped. */
export function backoffDelay(
  attempt: number,
  baseMilliseconds: number,
  maxMilliseconds: number,
  random = Math.random,
): number {
  const ceiling = Math.min(maxMilliseconds, baseMilliseconds * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
