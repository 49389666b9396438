import { EngineError } from '../../src/index.js';

/** Awaits a promise that must reject with an EngineError, and returns the error for assertions. */
export async function engineError(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!EngineError.isInstance(error)) throw new Error(`expected an EngineError, got ${String(error)}`);
  return error;
}
