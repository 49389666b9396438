import type { CompiledWrite } from '../definition/compiled-types.js';
import { renderTemplate } from '../definition/template.js';
import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';
import type { ConnectionRuntime } from '../operations/runtime.js';
import { buildRequestUrl } from '../pagination/build-request-url.js';

/** The values a write's templates and body mapping read. */
export interface WriteScope {
  id?: string | undefined;
  member_id?: string | undefined;
  input?: Record<string, unknown> | undefined;
}

/** A write request, built but not sent. */
export interface BuiltWrite {
  method: CompiledWrite['method'];
  url: URL;
  headers: Record<string, string>;
  body: unknown;
}

/** Renders the path, query and headers, and evaluates the JSON body from the unified input. */
export async function buildWriteRequest(
  runtime: ConnectionRuntime,
  write: CompiledWrite,
  scope: WriteScope,
  idempotencyKey: string | undefined,
  context: EngineErrorContext,
): Promise<BuiltWrite> {
  const templateScope = { params: runtime.params, id: scope.id, member_id: scope.member_id };
  const url = await buildRequestUrl(
    runtime.baseUrl,
    { path: write.path, query: write.query, computedQuery: undefined },
    templateScope,
  );
  const headers: Record<string, string> = {};
  for (const [name, template] of write.headers) {
    const value = renderTemplate(template, templateScope);
    if (value !== undefined) headers[name.toLowerCase()] = value;
  }
  if (idempotencyKey !== undefined) {
    if (!write.idempotencyKey) {
      throw new EngineError(
        'invalid_request',
        `${runtime.provider.id} honours no idempotency key for ${write.operation}; call without idempotencyKey, and read the record back after a write_outcome_unknown`,
        context,
      );
    }
    headers[write.idempotencyKey.toLowerCase()] = idempotencyKey;
  }
  let body: unknown;
  if (write.body) {
    try {
      body = await write.body.apply(scope.input ?? {}, templateScope);
    } catch (error) {
      throw new EngineError('mapping_error', `the body mapping failed: ${(error as Error).message}`, {
        ...context,
        cause: error,
      });
    }
    if (body !== undefined && (body === null || typeof body !== 'object')) {
      throw new EngineError('mapping_error', 'the body mapping must return an object or an array', context);
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
  }
  return { method: write.method, url, headers, body };
}
