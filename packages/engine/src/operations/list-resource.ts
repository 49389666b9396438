import type {
  CompiledDerivedSource,
  CompiledHttpSource,
  CompiledResource,
  CompiledSource,
} from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS, type SourceProgress } from '../pagination/page-state.js';
import { dropRepeated } from './drop-repeated.js';
import { enrichRecords } from './enrich-records.js';
import { applyLocalFilters, chooseSources, type FilterValues } from './filters.js';
import { type RawPosition, type RawResourcePage, readRawPage } from './raw-reader.js';
import { finishRecord, mapPage, type UnifiedRecord } from './record-pipeline.js';
import type { ConnectionRuntime } from './runtime.js';

/** Where a listing stands between pages; this is what a cursor carries (signed, never a host). */
export interface ListState {
  source: number;
  progress?: SourceProgress | undefined;
  /** Fan-out: the parent page being walked, the parent's index in it, and the child's progress. */
  fan?: { parent: RawPosition; index: number } | undefined;
  /** Fingerprints of the previous page's ids, for sources that `dedupe`. */
  recent?: string[] | undefined;
}

export interface ListRequest {
  limit?: number | undefined;
  filters: FilterValues;
  remoteData: boolean;
  state?: ListState | undefined;
  /** Parent pages already read in this iteration, so a fan-out reads each parent page once. */
  parentPages?: Map<string, RawResourcePage> | undefined;
}

export interface ListResult {
  records: UnifiedRecord[];
  next: ListState | null;
}

// A call keeps reading while pages come back empty (filtered out, parents without children),
// but never more than this, so one call stays bounded; it then returns an empty page and a cursor.
const MAX_READS_PER_CALL = 25;

/** Reads the next page of a resource's listing. */
export async function listResource(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  request: ListRequest,
): Promise<ListResult> {
  const sources = chooseSources(resource, request.filters);
  let state: ListState = request.state ?? { source: 0 };
  for (let reads = 1; state.source < sources.length; reads += 1) {
    const source = sources[state.source]!;
    const { records, next } = await readSource(runtime, resource, source, state, request);
    const kept = await applyLocalFilters(resource, source, request.filters, records);
    const following: ListState | null =
      next ?? (state.source + 1 < sources.length ? { source: state.source + 1 } : null);
    if (kept.length > 0 || following === null || reads >= MAX_READS_PER_CALL)
      return { records: kept, next: following };
    state = following;
  }
  return { records: [], next: null };
}

async function readSource(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  source: CompiledSource,
  state: ListState,
  request: ListRequest,
): Promise<{ records: UnifiedRecord[]; next: ListState | null }> {
  const context = {
    resource: resource.key,
    operation: 'list',
    remoteData: request.remoteData,
    bindings: { params: runtime.params, filter: request.filters },
  };
  if (source.kind === 'static') {
    return { records: await mapPage(runtime, source.mapping, source.records, context), next: null };
  }
  if (source.kind === 'derived')
    return { records: await readDerived(runtime, resource, source, request), next: null };
  if (source.fanOutParent !== undefined) return readFanOut(runtime, resource, source, state, request);
  let page: Awaited<ReturnType<typeof readHttpPage>>;
  try {
    page = await readHttpPage(
      runtime,
      source,
      state.progress ?? FRESH_PROGRESS,
      scope(runtime, request),
      context,
    );
  } catch (error) {
    if (!isUnavailableSource(source, state, error)) throw error;
    runtime.onWarning(
      new EngineError(
        'provider_error',
        `a source was skipped: not available to this account (${error.message})`,
        {
          provider: runtime.provider.id,
          resource: resource.key,
          operation: 'list',
          status: error.status,
          cause: error,
        },
      ),
    );
    return { records: [], next: null };
  }
  const records = await mapPage(
    runtime,
    source.mapping,
    await enrichRecords(runtime, source.enrichers, page.records, context),
    context,
  );
  if (!source.dedupe)
    return { records, next: page.next ? { source: state.source, progress: page.next } : null };
  const unique = dropRepeated(records, state.recent);
  return {
    records: unique.records,
    next: page.next ? { source: state.source, progress: page.next, recent: unique.fingerprints } : null,
  };
}

/** Only a first page may be skipped: a source that vanishes mid-listing is a real failure. */
function isUnavailableSource(
  source: CompiledHttpSource,
  state: ListState,
  error: unknown,
): error is EngineError {
  return (
    EngineError.isInstance(error) &&
    state.progress === undefined &&
    error.status !== undefined &&
    source.skipOnStatus.includes(error.status)
  );
}

function scope(runtime: ConnectionRuntime, request: ListRequest, parent?: unknown) {
  return { params: runtime.params, filter: request.filters, limit: request.limit, parent };
}

async function readFanOut(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  source: CompiledHttpSource,
  state: ListState,
  request: ListRequest,
): Promise<{ records: UnifiedRecord[]; next: ListState | null }> {
  const parentKey = source.fanOutParent!;
  let parentPosition = state.fan?.parent ?? { source: 0 };
  let index = state.fan?.index ?? 0;
  for (;;) {
    const cacheKey = JSON.stringify(parentPosition);
    let parentPage = request.parentPages?.get(cacheKey);
    if (!parentPage) {
      parentPage = await readRawPage(runtime, parentKey, parentPosition);
      request.parentPages?.clear();
      request.parentPages?.set(cacheKey, parentPage);
    }
    if (index >= parentPage.records.length) {
      if (!parentPage.next) return { records: [], next: null };
      parentPosition = parentPage.next;
      index = 0;
      continue;
    }
    const parent = parentPage.records[index];
    const progress =
      state.fan && state.fan.index === index && JSON.stringify(state.fan.parent) === cacheKey
        ? state.progress
        : undefined;
    const context = {
      resource: resource.key,
      operation: 'list',
      remoteData: request.remoteData,
      bindings: { params: runtime.params, filter: request.filters, parent },
    };
    const page = await readHttpPage(
      runtime,
      source,
      progress ?? FRESH_PROGRESS,
      scope(runtime, request, parent),
      context,
    );
    const records = await mapPage(
      runtime,
      source.mapping,
      await enrichRecords(runtime, source.enrichers, page.records, context),
      context,
    );
    const next: ListState = page.next
      ? { source: state.source, progress: page.next, fan: { parent: parentPosition, index } }
      : { source: state.source, fan: { parent: parentPosition, index: index + 1 } };
    return { records, next };
  }
}

/** Reads the whole source resource, derives records page by page and keeps the first of each id. */
async function readDerived(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  source: CompiledDerivedSource,
  request: ListRequest,
): Promise<UnifiedRecord[]> {
  const errorContext = { provider: runtime.provider.id, resource: resource.key, operation: 'list' };
  const context = {
    resource: resource.key,
    operation: 'list',
    remoteData: request.remoteData,
    bindings: { params: runtime.params },
  };
  const byId = new Map<string, UnifiedRecord>();
  let position: RawPosition | null = { source: 0 };
  while (position) {
    const page: RawResourcePage = await readRawPage(runtime, source.from, position);
    const derived = await source.mapping.apply(page.records, context.bindings);
    for (const output of derived) {
      const id = (output as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string' && byId.has(id)) continue;
      const record = finishRecord(runtime, output, undefined, context, errorContext);
      byId.set(record.id, record);
    }
    position = page.next;
  }
  return [...byId.values()];
}
