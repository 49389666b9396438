/**
 * The error to keep as `cause`: the original, unless its message or stack holds a secret (some
 * dispatchers quote the request headers), then a plain Error with the redacted message only.
 * Loggers print causes, so a cause must be as safe as the message.
 */
export function redactedCause(error: unknown, redact: (text: string) => string): unknown {
  if (!(error instanceof Error)) {
    const text = String(error);
    return redact(text) === text ? error : new Error(redact(text));
  }
  const text = `${error.message}\n${error.stack ?? ''}`;
  return redact(text) === text ? error : new Error(redact(error.message));
}
