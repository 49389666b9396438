import { redactError } from './redact-error.js';

/**
 * The error to keep as `cause`: the original, unless it holds a secret (some dispatchers quote
 * the request headers), then a copy with the secrets redacted. Loggers print causes, so a cause
 * must be as safe as the message.
 */
export function redactedCause(error: unknown, redact: (text: string) => string): unknown {
  return redactError(error, redact);
}
