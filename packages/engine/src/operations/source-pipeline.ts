import type { CompiledResource, CompiledSource } from '../definition/compiled-types.js';
import type { ListingStats } from '../public-types.js';
import { readDerived } from './derived-source.js';
import { fetchChildPage } from './fan-out.js';
import type { ListState } from './list-types.js';
import type { Listing } from './listing.js';
import type { PipelineContext, UnifiedRecord } from './record-pipeline.js';
import {
  dropRepeatedIds,
  enrich,
  fetchPage,
  filterLocally,
  keepJoinedRecords,
  mapRecords,
  skipOnStatus,
  staticRecords,
} from './source-stages.js';

/** One read of a source: the listing, where it stands in the source, and this call's stats. */
export interface SourceStep {
  listing: Listing;
  state: ListState;
  stats: ListingStats;
}

/** Raw records of one page, the context they are mapped in, and where the source goes next. */
interface FetchedPage {
  records: unknown[];
  next: ListState | null;
  context: PipelineContext;
  /** The request's status rule answered nothing: the source ends here, no stage runs. */
  skipped?: boolean;
}

/** Unified records of one page, and where the source goes next. */
interface MappedPage {
  records: UnifiedRecord[];
  next: ListState | null;
}

/** The first stage: reads a page of raw records. */
export type Fetch = (step: SourceStep) => Promise<FetchedPage>;
/** A stage on raw records, before mapping (join, enrich). */
export type RawStage = (page: FetchedPage, step: SourceStep) => Promise<FetchedPage>;
/** The stage that maps raw records to unified ones. */
export type MapStage = (page: FetchedPage, step: SourceStep) => Promise<UnifiedRecord[]>;
/** A stage on unified records, after mapping (dedupe, local filter). */
export type RecordStage = (page: MappedPage, step: SourceStep) => Promise<MappedPage>;

/** The stages of one source, built once per definition; a read runs them in order. */
export interface SourcePipeline {
  read(step: SourceStep): Promise<MappedPage>;
}

function pipeline(fetch: Fetch, rawStages: RawStage[], map: MapStage, recordStages: RecordStage[]) {
  return {
    async read(step: SourceStep): Promise<MappedPage> {
      let raw = await fetch(step);
      if (raw.skipped) return { records: [], next: null };
      for (const stage of rawStages) raw = await stage(raw, step);
      let page: MappedPage = { records: await map(raw, step), next: raw.next };
      for (const stage of recordStages) page = await stage(page, step);
      return page;
    },
  };
}

function build(resource: CompiledResource, source: CompiledSource): SourcePipeline {
  const localFilter = filterLocally(resource, source);
  if (source.kind === 'derived') {
    return {
      read: async (step) => localFilter({ records: await readDerived(step, source), next: null }, step),
    };
  }
  const map = mapRecords(source.mapping);
  if (source.kind === 'static') return pipeline(staticRecords(source.records), [], map, [localFilter]);
  const enrichers = source.enrichers.length > 0 ? [enrich(source.enrichers)] : [];
  // A fan-out pages its parent's children: the join and dedupe of a flat listing do not apply.
  if (source.fanOutParent !== undefined) {
    return pipeline(fetchChildPage(source), enrichers, map, [localFilter]);
  }
  return pipeline(
    skipOnStatus(source.request, fetchPage(source)),
    [...(source.join ? [keepJoinedRecords(source.join)] : []), ...enrichers],
    map,
    [...(source.dedupe ? [dropRepeatedIds()] : []), localFilter],
  );
}

const built = new WeakMap<CompiledSource, SourcePipeline>();

/** The pipeline of a resource's source, built on first use and kept with its definition. */
export function sourcePipeline(resource: CompiledResource, source: CompiledSource): SourcePipeline {
  let found = built.get(source);
  if (!found) {
    found = build(resource, source);
    built.set(source, found);
  }
  return found;
}
