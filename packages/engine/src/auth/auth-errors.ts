import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';
import type { EngineErrorCode } from '../errors/error-codes.js';
import type { AuthContext } from './auth-strategy.js';

/** What stands in for a secret value wherever one is removed. */
export const REDACTED = '[redacted]';

/** Undici error codes that mean "took too long" rather than "could not connect". */
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * An {@link EngineError} raised while authenticating. The message must never hold a secret:
 * callers pass provider text through {@link redactSecrets} first.
 */
export function authError(
  code: EngineErrorCode,
  message: string,
  context: Pick<AuthContext, 'provider'>,
  details: Omit<EngineErrorContext, 'provider' | 'operation'> = {},
): EngineError {
  return new EngineError(code, message, { ...details, provider: context.provider, operation: 'auth' });
}

/**
 * Replaces every secret in text that came from outside (a provider's error description may echo
 * the refresh token or client id it rejected).
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let redacted = text;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of encodedForms(secret)) redacted = redacted.split(form).join(REDACTED);
  }
  return redacted;
}

/**
 * A secret as it may appear in quoted text: as is, URL- and form-encoded (a `client_secret_post`
 * body, a query), and JSON-escaped (a dump of headers or of a body).
 */
function encodedForms(secret: string): Set<string> {
  return new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams([['', secret]]).toString().slice(1),
    JSON.stringify(secret).slice(1, -1),
  ]);
}

/**
 * Maps a failure of the HTTP client itself (no response) to `timeout` or `network_error`. The
 * client's message is redacted before it is quoted: some dispatchers (a mock that matched
 * nothing, for one) repeat the request headers or body, which hold the client's credentials.
 */
export function transportError(
  error: unknown,
  url: URL,
  context: Pick<AuthContext, 'provider'>,
  secrets: readonly string[],
): EngineError {
  if (EngineError.isInstance(error)) return error;
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && TIMEOUT_CODES.has(code)) {
    return authError(
      'timeout',
      `token request to ${url.origin}${url.pathname} timed out (${code})`,
      context,
      {
        cause: error,
      },
    );
  }
  const original = error instanceof Error ? error.message : String(error);
  const reason = redactSecrets(original, secrets);
  // A cause whose message held a secret would leak it through `error.cause`, so it is dropped.
  return authError(
    'network_error',
    `token request to ${url.origin}${url.pathname} failed: ${reason}`,
    context,
    {
      cause: reason === original ? error : undefined,
    },
  );
}
