import { REDACTED } from '../auth/auth-errors.js';
import type { CompiledResource, CompiledWrite } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { mergeHeaders } from '../http/header-values.js';
import type { UnifiedRecord } from '../operations/record-pipeline.js';
import type { ConnectionRuntime } from '../operations/runtime.js';
import type { DryRunRequest, WriteOptions } from '../public-types.js';
import { type BuiltWrite, buildWriteRequest } from './build-write-request.js';
import { checkInput } from './check-input.js';
import { sendWrite } from './send-write.js';
import { findRecord, type WriteOutcome, writeResult } from './write-result.js';
import { applyStatusRule } from './write-status.js';

/** One write call as the connection receives it. */
export interface WriteCall {
  resource: CompiledResource;
  write: CompiledWrite;
  id?: string | undefined;
  memberId?: string | undefined;
  input?: unknown;
  options: WriteOptions;
}

const TAKES_INPUT = new Set(['create', 'update']);
const TAKES_ID = new Set(['update', 'deactivate', 'add_member', 'remove_member']);
const TAKES_MEMBER = new Set(['add_member', 'remove_member']);

function dryRunOf(runtime: ConnectionRuntime, built: BuiltWrite): DryRunRequest {
  // The body goes through the same redaction as messages: an input could carry a secret value.
  const redact = (value: unknown): unknown => JSON.parse(runtime.redact(JSON.stringify(value)));
  // The auth headers are named but never valued: the caller sees that credentials go along, and
  // no token is fetched for a request that is not sent.
  const authHeaders = Object.fromEntries(runtime.authHeaderNames().map((name) => [name, REDACTED]));
  const headers = mergeHeaders(runtime.defaultHeaders, built.headers, authHeaders);
  return {
    dry_run: true,
    method: built.method,
    url: runtime.redact(built.url.href),
    headers: redact(headers) as Record<string, string>,
    ...(built.body === undefined ? {} : { body: redact(built.body) }),
  };
}

function requireId(value: unknown, what: string, context: Record<string, unknown>): string {
  if (typeof value !== 'string' || value === '') {
    throw new EngineError('invalid_request', `${what} must be a non-empty string`, context);
  }
  return value;
}

/**
 * Runs one write: checks the input, builds the request, and either returns it (dryRun) or sends
 * it under the write safety rules, applies the status rule and returns the record after it.
 */
export async function runWrite(
  runtime: ConnectionRuntime,
  call: WriteCall,
): Promise<UnifiedRecord | { id: string } | DryRunRequest> {
  const { resource, write, options } = call;
  const context = {
    provider: runtime.provider.id,
    resource: resource.key,
    operation: write.operation,
    recordId: call.id,
  };
  const id = TAKES_ID.has(write.operation) ? requireId(call.id, 'the record id', context) : undefined;
  const memberId = TAKES_MEMBER.has(write.operation)
    ? requireId(call.memberId, 'the member id', context)
    : undefined;
  let input: Record<string, unknown> | undefined;
  if (TAKES_INPUT.has(write.operation)) {
    checkInput(runtime, resource, write, call.input, context);
    input = call.input as Record<string, unknown>;
  }
  const scope = { id, member_id: memberId, input };
  const built = await buildWriteRequest(runtime, write, scope, options.idempotencyKey, context);
  if (options.dryRun) return dryRunOf(runtime, built);

  const response = await sendWrite(runtime, write, built, options, context);
  const outcome: WriteOutcome = {
    resource,
    write,
    id,
    memberId,
    input,
    remoteData: options.remoteData !== false,
    body: response.body,
  };
  if (response.status >= 400) {
    const decided = await applyStatusRule(runtime, write, response.status, response.body, scope, context);
    if (decided === 'exists') {
      const existing = await findRecord(runtime, outcome);
      if (existing) return existing;
      throw new EngineError(
        'conflict',
        `the record already exists (HTTP ${response.status}) and could not be read back`,
        { ...context, status: response.status },
      );
    }
    outcome.body = undefined;
  }
  return writeResult(runtime, outcome);
}
