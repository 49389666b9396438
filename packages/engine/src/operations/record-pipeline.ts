import { EngineError } from '../errors/engine-error.js';
import { JsonataEvaluationError } from '../mapping/compile-jsonata.js';
import { pruneEmpty } from '../mapping/prune-empty.js';
import type { PageExpression } from '../mapping/record-mapping.js';
import type { ConnectionRuntime } from './runtime.js';

/** A unified record as operations return it. */
export type UnifiedRecord = Record<string, unknown> & { id: string };

export interface PipelineContext {
  resource: string;
  operation: string;
  remoteData: boolean;
  bindings: Record<string, unknown>;
}

function rawId(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const id = (raw as Record<string, unknown>).id ?? (raw as Record<string, unknown>).uuid;
  return id === undefined || id === null ? undefined : String(id);
}

/**
 * Maps a page of raw records (one JSONata evaluation), drops empty fields, attaches
 * `remote_data` and validates each record against its unified schema.
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
    const recordId = index === undefined ? undefined : rawId(raws[index]);
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
  return outputs.map((output, index) => finishRecord(runtime, output, raws[index], context, errorContext));
}

/** Prunes, attaches remote_data and validates one mapped record. */
export function finishRecord(
  runtime: ConnectionRuntime,
  output: unknown,
  raw: unknown,
  context: PipelineContext,
  errorContext: { provider: string; resource: string; operation: string },
): UnifiedRecord {
  // remote_data is the provider's object as it came: empty fields are pruned only outside it.
  const { remote_data: mappedRemoteData, ...fields } =
    output !== null && typeof output === 'object' && !Array.isArray(output)
      ? (output as Record<string, unknown>)
      : {};
  const pruned =
    output !== null && typeof output === 'object' && !Array.isArray(output)
      ? pruneEmpty(fields)
      : pruneEmpty(output);
  if (pruned === undefined || typeof pruned !== 'object' || Array.isArray(pruned)) {
    throw new EngineError(
      'mapping_error',
      `mapping did not return one object for record ${rawId(raw) ?? '(no id)'}`,
      {
        ...errorContext,
        recordId: rawId(raw),
      },
    );
  }
  const record = pruned as Record<string, unknown>;
  if (typeof record.id !== 'string') {
    throw new EngineError(
      'mapping_error',
      `mapped record has no string id (raw id ${rawId(raw) ?? 'unknown'})`,
      {
        ...errorContext,
        recordId: rawId(raw),
      },
    );
  }
  if (mappedRemoteData !== undefined && mappedRemoteData !== null) record.remote_data = mappedRemoteData;
  if (context.remoteData && record.remote_data === undefined && raw !== null && typeof raw === 'object') {
    record.remote_data = raw;
  } else if (!context.remoteData) {
    delete record.remote_data;
  }
  if (runtime.validation !== 'off') {
    const [model, name] = context.resource.split('/') as [string, string];
    const problems = runtime.validator.validate(model, name, record);
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
  }
  return record as UnifiedRecord;
}
