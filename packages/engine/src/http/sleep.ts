import { currentSignal } from './call-signal.js';

/**
 * Waits `milliseconds` on the global timer, so vitest fake timers control every wait. The wait
 * ends early, rejecting with the signal's reason, when the call's AbortSignal fires: a
 * cancelled call leaves no timer behind.
 */
export function sleep(milliseconds: number, signal = currentSignal()): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (milliseconds <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, milliseconds);
    signal?.addEventListener('abort', abort, { once: true });
  });
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
