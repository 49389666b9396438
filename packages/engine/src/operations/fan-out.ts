import type { CompiledHttpSource, CompiledResource } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS } from '../pagination/page-state.js';
import { enrichRecords } from './enrich-records.js';
import type { ListRequest, ListState } from './list-types.js';
import { type RawPosition, readRawPage } from './raw-reader.js';
import { mapPage, type UnifiedRecord } from './record-pipeline.js';
import type { ConnectionRuntime } from './runtime.js';

export function listScope(runtime: ConnectionRuntime, request: ListRequest, parent?: unknown) {
  return { params: runtime.params, filter: request.filters, limit: request.limit, parent };
}

/** Where a fan-out stands: the parent page, the parent's place in it and its id. */
export interface FanOutPosition {
  parent: RawPosition;
  index: number;
  /** The parent whose children are being paged. */
  parentId?: string | undefined;
  /** The parent whose children are done; the next one follows it. */
  afterId?: string | undefined;
}

function idOf(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | null)?.id;
  return id === undefined || id === null ? undefined : String(id);
}

function realign(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  parents: readonly unknown[],
  position: FanOutPosition,
  index: number,
): number {
  const wanted = position.parentId ?? position.afterId;
  if (wanted === undefined) return index;
  const expectedAt = position.parentId !== undefined ? index : index - 1;
  if (idOf(parents[expectedAt]) === wanted) return index;
  const found = parents.findIndex((parent) => idOf(parent) === wanted);
  if (found >= 0) return position.parentId !== undefined ? found : found + 1;
  runtime.onWarning(
    new EngineError(
      'invalid_response',
      `the parent ${wanted} is gone since the last page; the listing goes on from its place`,
      {
        provider: runtime.provider.id,
        resource: resource.key,
        operation: 'list',
      },
    ),
  );
  // The parent before this place was removed: the next one moved back by one.
  return position.parentId !== undefined ? index : Math.max(0, index - 1);
}

export async function readFanOut(
  runtime: ConnectionRuntime,
  resource: CompiledResource,
  source: CompiledHttpSource,
  state: ListState,
  request: ListRequest,
): Promise<{ records: UnifiedRecord[]; next: ListState | null }> {
  const parentKey = source.fanOutParent!;
  let parentPosition = state.fan?.parent ?? { source: 0 };
  let index = state.fan?.index ?? 0;
  let resuming = state.fan !== undefined;
  for (;;) {
    const cacheKey = JSON.stringify(parentPosition);
    let parentPage = request.parentPages?.get(cacheKey);
    if (!parentPage) {
      parentPage = await readRawPage(runtime, parentKey, parentPosition);
      request.parentPages?.clear();
      request.parentPages?.set(cacheKey, parentPage);
    }
    if (resuming) {
      // Parents are found again by id, not only by place: one added or removed meanwhile
      // would otherwise shift the listing onto the wrong parent.
      index = realign(runtime, resource, parentPage.records, state.fan!, index);
      resuming = false;
    }
    if (index >= parentPage.records.length) {
      if (!parentPage.next) return { records: [], next: null };
      parentPosition = parentPage.next;
      index = 0;
      continue;
    }
    const parent = parentPage.records[index];
    const parentId = idOf(parent);
    const progress =
      state.fan?.parentId !== undefined &&
      state.fan.parentId === parentId &&
      JSON.stringify(state.fan.parent) === cacheKey
        ? state.progress
        : undefined;
    const context = {
      resource: resource.key,
      operation: 'list',
      remoteData: request.remoteData,
      rawId: resource.rawId,
      bindings: { params: runtime.params, filter: request.filters, parent },
      stats: request.stats,
    };
    const page = await readHttpPage(
      runtime,
      source,
      progress ?? FRESH_PROGRESS,
      listScope(runtime, request, parent),
      context,
    );
    const records = await mapPage(
      runtime,
      source.mapping,
      await enrichRecords(runtime, source.enrichers, page.records, context),
      context,
    );
    const next: ListState = page.next
      ? { source: state.source, progress: page.next, fan: { parent: parentPosition, index, parentId } }
      : { source: state.source, fan: { parent: parentPosition, index: index + 1, afterId: parentId } };
    return { records, next };
  }
}
