import { AsyncLocalStorage } from 'node:async_hooks';

// Requests are counted per call of the public API, across every layer it goes through (pages,
// retries, redirects, fan-out, token requests), without threading a counter through each.
const storage = new AsyncLocalStorage<{ requests: number }>();

/** Runs `run`, counting the HTTP requests it sends. */
export async function countingRequests<T>(run: () => Promise<T>): Promise<{ value: T; requests: number }> {
  const counter = { requests: 0 };
  const value = await storage.run(counter, run);
  return { value, requests: counter.requests };
}

/** Notes one HTTP request sent for the call in progress (outside a counted call, nothing). */
export function noteRequest(): void {
  const counter = storage.getStore();
  if (counter) counter.requests += 1;
}
