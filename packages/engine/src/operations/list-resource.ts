import type { CompiledResource, CompiledSource } from '../definition/compiled-types.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS } from '../pagination/page-state.js';
import { readDerived } from './derived-source.js';
import { dropRepeated } from './drop-repeated.js';
import { enrichRecords } from './enrich-records.js';
import { listScope, readFanOut } from './fan-out.js';
import { applyLocalFilters, chooseSources } from './filters.js';
import { keepJoined, readJoinedIds } from './join.js';
import type { ListRequest, ListResult, ListState } from './list-types.js';
import { mapPage, type UnifiedRecord } from './record-pipeline.js';
import type { ConnectionRuntime } from './runtime.js';
import { skippedBy } from './status-rule.js';

// A call keeps reading while pages come back empty (filtered out, parents without children),
// but never more than this, so one call stays bounded; it then returns an empty page and a cursor.
const MAX_READS_PER_CALL = 25;

/** Reads the next page of a resource's listing. */
export async function listResource(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  given: ListRequest,
): Promise<ListResult> {
  const stats = given.stats ?? { skipped: 0, repaired: 0, requests: 0 };
  const request = { ...given, stats };
  const sources = chooseSources(resource, request.filters);
  let state: ListState = request.state ?? { source: 0 };
  for (let reads = 1; state.source < sources.length; reads += 1) {
    const source = sources[state.source]!;
    const { records, next } = await readSource(runtime, resource, source, state, request);
    const kept = await applyLocalFilters(resource, source, request.filters, records);
    const following: ListState | null =
      next ?? (state.source + 1 < sources.length ? { source: state.source + 1 } : null);
    if (kept.length > 0 || following === null || reads >= MAX_READS_PER_CALL)
      return { records: kept, next: following, stats };
    state = following;
  }
  return { records: [], next: null, stats };
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
    rawId: resource.rawId,
    bindings: { params: runtime.params, filter: request.filters },
    stats: request.stats,
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
      listScope(runtime, request),
      context,
    );
  } catch (error) {
    // Only a first page may be skipped: a source that vanishes mid-listing is a real failure.
    if (state.progress === undefined && skippedBy(runtime, source.request, error, context))
      return { records: [], next: null };
    throw error;
  }
  let raws = page.records;
  if (source.join) {
    // Read once per iteration; a cursor call reads the ids again (they may have changed).
    const cacheKey = `${state.source}`;
    let ids = request.joinedIds?.get(cacheKey);
    if (!ids) {
      ids = await readJoinedIds(runtime, source.join, listScope(runtime, request), context);
      request.joinedIds?.set(cacheKey, ids);
    }
    raws = await keepJoined(source.join, raws, ids);
  }
  const records = await mapPage(
    runtime,
    source.mapping,
    await enrichRecords(runtime, source.enrichers, raws, context),
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

export type { ListRequest, ListResult, ListState } from './list-types.js';
