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
  /** The stages' names, in the order they run, e.g. `fetch > join > map > local filter`. */
  readonly stages: readonly string[];
  read(step: SourceStep): Promise<MappedPage>;
}

type Named<Run> = [name: string, run: Run];

function pipeline(
  fetch: { names: string[]; run: Fetch },
  rawStages: Named<RawStage>[],
  map: MapStage,
  recordStages: Named<RecordStage>[],
): SourcePipeline {
  return {
    stages: [
      ...fetch.names,
      ...rawStages.map(([name]) => name),
      'map',
      ...recordStages.map(([name]) => name),
    ],
    async read(step) {
      let raw = await fetch.run(step);
      if (raw.skipped) return { records: [], next: null };
      for (const [, stage] of rawStages) raw = await stage(raw, step);
      let page: MappedPage = { records: await map(raw, step), next: raw.next };
      for (const [, stage] of recordStages) page = await stage(page, step);
      return page;
    },
  };
}

function build(resource: CompiledResource, source: CompiledSource): SourcePipeline {
  const localFilter: Named<RecordStage> = ['local filter', filterLocally(resource, source)];
  if (source.kind === 'derived') {
    return {
      stages: ['derive', localFilter[0]],
      read: async (step) => localFilter[1]({ records: await readDerived(step, source), next: null }, step),
    };
  }
  const map = mapRecords(source.mapping);
  if (source.kind === 'static') {
    return pipeline({ names: ['static'], run: staticRecords(source.records) }, [], map, [localFilter]);
  }
  const enrichers: Named<RawStage>[] =
    source.enrichers.length > 0 ? [['enrich', enrich(source.enrichers)]] : [];
  // A fan-out pages its parent's children: the join and dedupe of a flat listing do not apply.
  if (source.fanOutParent !== undefined) {
    return pipeline({ names: ['fan-out fetch'], run: fetchChildPage(source) }, enrichers, map, [localFilter]);
  }
  const fetch =
    source.request.onStatus.size > 0
      ? { names: ['fetch', 'status rule'], run: skipOnStatus(source.request, fetchPage(source)) }
      : { names: ['fetch'], run: fetchPage(source) };
  const join: Named<RawStage>[] = source.join ? [['join', keepJoinedRecords(source.join)]] : [];
  const dedupe: Named<RecordStage>[] = source.dedupe ? [['dedupe', dropRepeatedIds()]] : [];
  return pipeline(fetch, [...join, ...enrichers], map, [...dedupe, localFilter]);
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
