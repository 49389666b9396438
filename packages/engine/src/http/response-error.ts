import type { ProviderDefinition } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import type { EngineErrorCode } from '../errors/error-codes.js';
import type { SingleExpression } from '../mapping/record-mapping.js';

/** Where an HTTP call was made from, for error messages. */
export interface CallContext {
  resource?: string | undefined;
  operation: string;
}

function codeForStatus(status: number): EngineErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'provider_unavailable';
  return 'provider_error';
}

/** A message from common error fields when the definition maps none. */
function genericMessage(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object')
    return typeof body === 'string' && body.length < 300 ? body : undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['message', 'error_description', 'error', 'title', 'detail']) {
    const value = record[key];
    if (typeof value === 'string' && value) return value;
  }
  return undefined;
}

/** The definition's `errors` expressions, as a compiled provider holds them. */
export interface ErrorFields {
  errorMessage: SingleExpression | undefined;
  errorCode: SingleExpression | undefined;
}

/** The message and code the definition's `errors` expressions read from an error body, if any. */
export async function readErrorFields(
  fields: ErrorFields,
  body: unknown,
): Promise<{ message: string | undefined; code: string | undefined }> {
  return {
    message: fields.errorMessage ? await safely(() => fields.errorMessage!.apply(body)) : undefined,
    code: fields.errorCode ? await safely(() => fields.errorCode!.apply(body)) : undefined,
  };
}

async function safely(run: () => Promise<unknown>): Promise<string | undefined> {
  try {
    const value = await run();
    return value === undefined || value === null || value === '' ? undefined : String(value);
  } catch {
    // An error mapping that fails on an unexpected body must not hide the HTTP error itself.
    return undefined;
  }
}

/** Turns an error response into an EngineError carrying the provider's own message and code. */
export async function errorFromResponse(
  provider: ProviderDefinition,
  status: number,
  body: unknown,
  context: CallContext,
  redact: (text: string) => string,
): Promise<EngineError> {
  const { message: mapped, code: providerCode } = await readErrorFields(provider, body);
  const detail = mapped ?? genericMessage(body);
  return new EngineError(codeForStatus(status), redact(`HTTP ${status}${detail ? `: ${detail}` : ''}`), {
    provider: provider.id,
    resource: context.resource,
    operation: context.operation,
    status,
    providerCode,
  });
}
