import type { CompiledWrite } from '../definition/compiled-types.js';
import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';
import type { IncomingResponse } from '../http/http-client.js';
import { errorFromResponse } from '../http/response-error.js';
import type { ConnectionRuntime } from '../operations/runtime.js';
import type { BuiltWrite } from './build-write-request.js';

/** Connection failures that happen before a byte of the request leaves: nothing can have changed. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

function neverSent(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * A 429 means the provider did not act: one wait for its reset is polite, a second 429 is
 * reported rather than hammered (a provider may answer a repeated create/delete cycle with 429 for a long while).
 */
const RATE_LIMIT_WAITS_WHEN_NOT_IDEMPOTENT = 1;

/**
 * Sends a write. A request that is not idempotent (and carries no honoured idempotency key) is
 * never retried after it may have reached the provider: a network error, a timeout or a 5xx
 * answer then fails with write_outcome_unknown, which tells the caller to read back first.
 * Error statuses come back as responses, for the operation's status rules.
 */
export async function sendWrite(
  runtime: ConnectionRuntime,
  write: CompiledWrite,
  built: BuiltWrite,
  options: { idempotencyKey?: string | undefined },
  context: EngineErrorContext & { operation: string },
): Promise<IncomingResponse> {
  const idempotent =
    write.idempotent || (options.idempotencyKey !== undefined && write.idempotencyKey !== undefined);
  const unknownOutcome = (reason: string, status: number | undefined, cause: unknown) =>
    new EngineError(
      'write_outcome_unknown',
      `${reason}; the ${write.operation} may or may not have happened: read the record back before trying again`,
      { ...context, status, cause },
    );
  let response: IncomingResponse;
  try {
    response = await runtime.http.send(
      {
        method: built.method,
        url: built.url,
        headers: built.headers,
        body: built.body === undefined ? undefined : JSON.stringify(built.body),
        family: write.family,
        context: { resource: context.resource, operation: context.operation },
        idempotent,
        maxRateLimitWaits: idempotent ? undefined : RATE_LIMIT_WAITS_WHEN_NOT_IDEMPOTENT,
        handledStatuses: write.onStatus,
      },
      true,
    );
  } catch (error) {
    if (
      !idempotent &&
      EngineError.isInstance(error) &&
      (error.code === 'network_error' || error.code === 'timeout') &&
      !neverSent(error.cause)
    ) {
      throw unknownOutcome(`the answer was lost (${error.message})`, undefined, error);
    }
    throw error;
  }
  if (response.status >= 500 && !idempotent && !write.onStatus.has(response.status)) {
    const cause = await errorFromResponse(
      runtime.provider,
      response.status,
      response.body,
      context,
      runtime.redact,
    );
    throw unknownOutcome(`the provider answered HTTP ${response.status}`, response.status, cause);
  }
  return response;
}
