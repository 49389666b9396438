import type { CompiledHttpSource, CompiledResource } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS } from '../pagination/page-state.js';
import type { ListState } from './list-types.js';
import { type RawPosition, readRawPage } from './raw-reader.js';
import type { ConnectionRuntime } from './runtime.js';
import type { Fetch } from './source-pipeline.js';

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

/**
 * Fetch of a fan-out: the child records of one parent, walking the parent resource's pages
 * (each read once while the listing stays on it) and its records in order.
 */
export function fetchChildPage(source: CompiledHttpSource): Fetch {
  return async ({ listing, state, stats }) => {
    const { runtime, resource } = listing;
    const parentKey = source.fanOutParent!;
    let parentPosition = state.fan?.parent ?? { source: 0 };
    let index = state.fan?.index ?? 0;
    let resuming = state.fan !== undefined;
    for (;;) {
      const position = parentPosition;
      const parentPage = await listing.parentPage(position, () => readRawPage(runtime, parentKey, position));
      if (resuming) {
        // Parents are found again by id, not only by place: one added or removed meanwhile
        // would otherwise shift the listing onto the wrong parent.
        index = realign(runtime, resource, parentPage.records, state.fan!, index);
        resuming = false;
      }
      if (index >= parentPage.records.length) {
        if (!parentPage.next) return { records: [], next: null, context: listing.context(stats) };
        parentPosition = parentPage.next;
        index = 0;
        continue;
      }
      const parent = parentPage.records[index];
      const parentId = idOf(parent);
      const progress =
        state.fan?.parentId !== undefined &&
        state.fan.parentId === parentId &&
        JSON.stringify(state.fan.parent) === JSON.stringify(parentPosition)
          ? state.progress
          : undefined;
      const context = listing.childContext(stats, parent);
      const page = await readHttpPage(
        runtime,
        source,
        progress ?? FRESH_PROGRESS,
        listing.scope(parent),
        context,
      );
      const next: ListState = page.next
        ? { source: state.source, progress: page.next, fan: { parent: parentPosition, index, parentId } }
        : { source: state.source, fan: { parent: parentPosition, index: index + 1, afterId: parentId } };
      return { records: page.records, next, context };
    }
  };
}
