import { EngineError, type Problem } from '../errors/engine-error.js';
import { JsonataEvaluationError } from '../errors/jsonata-evaluation-error.js';
import { pruneEmpty, pruneFields } from '../mapping/prune-empty.js';
import type { PageExpression } from '../mapping/record-mapping.js';
import { repairRecord } from '../validation/repair-record.js';
import type { ListingStats } from './list-types.js';
import type { ConnectionRuntime } from './runtime.js';

/** A unified record as operations return it. */
export type UnifiedRecord = Record<string, unknown> & { id: string };

export interface PipelineContext {
  resource: string;
  operation: string;
  remoteData: boolean;
  /** Field of a raw record that names it in errors (the resource's `raw_id`). Default: id. */
  rawId?: string | undefined;
  bindings: Record<string, unknown>;
  /** Counts records skipped or repaired by validation, for the listing's stats. */
  stats?: ListingStats | undefined;
}

interface ErrorContext {
  provider: string;
  resource: string;
  operation: string;
}

function rawIdOf(raw: unknown, field = 'id'): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const id = (raw as Record<string, unknown>)[field];
  return id === undefined || id === null ? undefined : String(id);
}

/**
 * Maps a page of raw records (one JSONata evaluation), drops empty fields, attaches
 * `remote_data` and validates each record against its unified schema. Records that validation
 * skips are left out.
 */
export async function mapPage(
  runtime: ConnectionRuntime,
  mapping: PageExpression | undefined,
  raws: readonly unknown[],
  context: PipelineContext,
): Promise<UnifiedRecord[]> {
  const errorContext = {
    provider: runtime.provider.id,
    resource: context.resource,
    operation: context.operation,
  };
  let outputs: unknown[];
  try {
    outputs = mapping ? await mapping.apply(raws, context.bindings) : [...raws];
  } catch (error) {
    const index = error instanceof JsonataEvaluationError ? error.index : undefined;
    const recordId = index === undefined ? undefined : rawIdOf(raws[index], context.rawId);
    throw new EngineError(
      'mapping_error',
      `mapping failed${recordId ? ` on record ${recordId}` : ''}: ${(error as Error).message}`,
      {
        ...errorContext,
        recordId,
        cause: error,
      },
    );
  }
  const records: UnifiedRecord[] = [];
  for (let index = 0; index < outputs.length; index += 1) {
    const record = finishRecord(runtime, outputs[index], raws[index], context, errorContext);
    // The mapped object is garbage once pruned into the record: let it go before the next.
    outputs[index] = undefined;
    if (record) records.push(record);
  }
  return records;
}

const resourceParts = new Map<string, readonly [string, string]>();

/** `user-directory/users` as `['user-directory', 'users']`, split once per resource, not per record. */
function modelAndName(resource: string): readonly [string, string] {
  let parts = resourceParts.get(resource);
  if (parts === undefined) {
    parts = resource.split('/') as [string, string];
    resourceParts.set(resource, parts);
  }
  return parts;
}

/**
 * Prunes, attaches remote_data and validates one mapped record. Returns undefined for a record
 * that validation skips (default mode: no valid id or another required field; see
 * {@link ValidationMode}).
 */
export function finishRecord(
  runtime: ConnectionRuntime,
  output: unknown,
  raw: unknown,
  context: PipelineContext,
  errorContext: ErrorContext,
): UnifiedRecord | undefined {
  // remote_data is the provider's object as it came: empty fields are pruned only outside it.
  const isObject = output !== null && typeof output === 'object' && !Array.isArray(output);
  const mappedRemoteData = isObject ? (output as Record<string, unknown>).remote_data : undefined;
  const pruned = isObject
    ? pruneFields(output as Record<string, unknown>, 'remote_data')
    : pruneEmpty(output);
  if (pruned === undefined || typeof pruned !== 'object' || Array.isArray(pruned)) {
    return reject(runtime, context, errorContext, raw, 'mapping_error', {
      message: `mapping did not return one object for record ${rawIdOf(raw, context.rawId) ?? '(no id)'}`,
    });
  }
  const record = pruned as Record<string, unknown>;
  if (typeof record.id !== 'string') {
    return reject(runtime, context, errorContext, raw, 'mapping_error', {
      message: `mapped record has no string id (raw id ${rawIdOf(raw, context.rawId) ?? 'unknown'})`,
    });
  }
  if (mappedRemoteData !== undefined && mappedRemoteData !== null) record.remote_data = mappedRemoteData;
  if (context.remoteData && record.remote_data === undefined && raw !== null && typeof raw === 'object') {
    record.remote_data = raw;
  } else if (!context.remoteData) {
    delete record.remote_data;
  }
  if (runtime.validation === 'off') return record as UnifiedRecord;
  const [model, name] = modelAndName(context.resource);
  const validate = (candidate: Record<string, unknown>) => runtime.validator.validate(model, name, candidate);
  if (runtime.validation !== 'drop') {
    const problems = validate(record);
    if (problems.length > 0) {
      const error = new EngineError(
        'schema_violation',
        `record ${record.id} does not match the unified schema`,
        {
          ...errorContext,
          recordId: record.id,
          problems,
        },
      );
      if (runtime.validation === 'strict') throw error;
      runtime.onWarning(error);
    }
    return record as UnifiedRecord;
  }
  const repaired = repairRecord(record, validate);
  if (repaired.problems.length === 0) return record as UnifiedRecord;
  if (!repaired.record) {
    return reject(runtime, context, errorContext, raw, 'schema_violation', {
      message: `record ${record.id} does not match the unified schema`,
      recordId: record.id,
      problems: repaired.problems,
    });
  }
  if (context.stats) context.stats.repaired += 1;
  runtime.onWarning(
    new EngineError(
      'schema_violation',
      `record ${record.id}: dropped ${repaired.problems.map((problem) => problem.path).join(', ')} (the raw values stay in remote_data)`,
      { ...errorContext, recordId: record.id, problems: repaired.problems },
    ),
  );
  return repaired.record as UnifiedRecord;
}

/**
 * A record that cannot be returned: in the default mode a listing skips it, reports it and counts
 * it; `get` (asked for this very record) and the other modes fail with it.
 */
function reject(
  runtime: ConnectionRuntime,
  context: PipelineContext,
  errorContext: ErrorContext,
  raw: unknown,
  code: 'mapping_error' | 'schema_violation',
  detail: { message: string; recordId?: string; problems?: Problem[] },
): undefined {
  const recordId = detail.recordId ?? rawIdOf(raw, context.rawId);
  const skip = runtime.validation === 'drop' && context.operation !== 'get';
  const error = new EngineError(code, skip ? `${detail.message}; skipped` : detail.message, {
    ...errorContext,
    recordId,
    problems: detail.problems,
  });
  if (!skip) throw error;
  if (context.stats) context.stats.skipped += 1;
  runtime.onWarning(error);
  return undefined;
}
