import { EngineError, type EngineErrorContext } from './engine-error.js';
import { JsonataEvaluationError } from './jsonata-evaluation-error.js';
import { redactedCause } from './redacted-cause.js';

/**
 * Every failure leaves the public API as an EngineError: a JSONata expression failing outside a
 * record mapping (a query, a path in a body) becomes `mapping_error`, anything unexpected
 * `internal_error`, with the original as `cause` and secrets redacted from the message.
 */
export function asEngineError(
  error: unknown,
  context: EngineErrorContext,
  redact: (text: string) => string,
): EngineError {
  if (EngineError.isInstance(error)) return error;
  const message = redact(error instanceof Error ? error.message : String(error));
  if (error instanceof JsonataEvaluationError) {
    return new EngineError('mapping_error', `a JSONata expression failed: ${message}`, {
      ...context,
      cause: redactedCause(error, redact),
    });
  }
  return new EngineError('internal_error', `unexpected failure: ${message}`, {
    ...context,
    cause: redactedCause(error, redact),
  });
}
