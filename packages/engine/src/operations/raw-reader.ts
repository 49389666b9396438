import type { CompiledSource } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS, type SourceProgress } from '../pagination/page-state.js';
import type { ConnectionRuntime } from './runtime.js';

/** A position in a resource's raw listing: which source, and where in it. */
export interface RawPosition {
  source: number;
  progress?: SourceProgress | undefined;
}

export interface RawResourcePage {
  records: unknown[];
  next: RawPosition | null;
}

function rawSources(runtime: ConnectionRuntime, key: string): CompiledSource[] {
  const sources = runtime.provider.resources.get(key)?.list?.sources;
  if (!sources) {
    throw new EngineError('unsupported_resource', `${key} has no listing to read from`, {
      provider: runtime.provider.id,
      resource: key,
    });
  }
  return sources;
}

/**
 * Reads one page of another resource's raw provider records (before mapping), for fan-out
 * parents and derivations. HTTP and static sources qualify; derived ones have no raw records.
 */
export async function readRawPage(
  runtime: ConnectionRuntime,
  key: string,
  position: RawPosition,
): Promise<RawResourcePage> {
  const sources = rawSources(runtime, key);
  const source = sources[position.source];
  if (!source) return { records: [], next: null };
  const following = (): RawPosition | null =>
    position.source + 1 < sources.length ? { source: position.source + 1 } : null;
  if (source.kind === 'static') return { records: [...source.records], next: following() };
  if (source.kind === 'derived' || source.fanOutParent !== undefined) {
    throw new EngineError(
      'invalid_definition',
      `${key} cannot feed another resource: its records are not read directly`,
      {
        provider: runtime.provider.id,
        resource: key,
      },
    );
  }
  const page = await readHttpPage(
    runtime,
    source,
    position.progress ?? FRESH_PROGRESS,
    { params: runtime.params, filter: {} },
    {
      resource: key,
      operation: 'list',
    },
  );
  return {
    records: page.records,
    next: page.next ? { source: position.source, progress: page.next } : following(),
  };
}
