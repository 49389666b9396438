import { AsyncLocalStorage } from 'node:async_hooks';
import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';

// The caller's AbortSignal reaches every request, wait and token request of a call without
// being threaded through each layer between the public API and the HTTP client.
const storage = new AsyncLocalStorage<AbortSignal | undefined>();

/** Runs `run` with `signal` as the signal of every request and wait it starts. */
export function withSignal<T>(signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  return storage.run(signal, run);
}

/** The signal of the call in progress, if its caller gave one. */
export function currentSignal(): AbortSignal | undefined {
  return storage.getStore();
}

/** The error every cancelled call ends with, whatever it was doing when the signal fired. */
export function abortedError(context: EngineErrorContext): EngineError {
  return new EngineError('aborted', 'the call was cancelled by its AbortSignal', context);
}

/** Throws `aborted` when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, context: EngineErrorContext): void {
  if (signal?.aborted) throw abortedError(context);
}
