import type {
  CompiledEnricher,
  CompiledHttpSource,
  CompiledJoin,
  CompiledRequest,
  CompiledResource,
  CompiledSource,
} from '../definition/compiled-types.js';
import type { PageExpression } from '../mapping/record-mapping.js';
import { readHttpPage } from '../pagination/http-page-reader.js';
import { FRESH_PROGRESS } from '../pagination/page-state.js';
import { dropRepeated } from './drop-repeated.js';
import { enrichRecords } from './enrich-records.js';
import { applyLocalFilters } from './filters.js';
import { keepJoined, readJoinedIds } from './join.js';
import { mapPage } from './record-pipeline.js';
import type { Fetch, MapStage, RawStage, RecordStage } from './source-pipeline.js';
import { skippedBy } from './status-rule.js';

/** Fetch: one page of an HTTP source, from where the listing stands. */
export function fetchPage(source: CompiledHttpSource): Fetch {
  return async ({ listing, state, stats }) => {
    const context = listing.context(stats);
    const page = await readHttpPage(
      listing.runtime,
      source,
      state.progress ?? FRESH_PROGRESS,
      listing.scope(),
      context,
    );
    return {
      records: page.records,
      next: page.next ? { source: state.source, progress: page.next } : null,
      context,
    };
  };
}

/**
 * Status rule: a first page the request's `on_status` rule skips answers nothing, and the
 * source ends. Only a first page: a source that vanishes mid-listing is a real failure.
 */
export function skipOnStatus(request: CompiledRequest, fetch: Fetch): Fetch {
  return async (step) => {
    try {
      return await fetch(step);
    } catch (error) {
      const context = step.listing.context(step.stats);
      if (step.state.progress === undefined && skippedBy(step.listing.runtime, request, error, context)) {
        return { records: [], next: null, context, skipped: true };
      }
      throw error;
    }
  };
}

/** Fetch: the records a definition lists itself. */
export function staticRecords(records: readonly Record<string, unknown>[]): Fetch {
  return async ({ listing, stats }) => ({
    records: [...records],
    next: null,
    context: listing.context(stats),
  });
}

/** Join: keeps the records whose id the join's own source lists, read once per listing. */
export function keepJoinedRecords(join: CompiledJoin): RawStage {
  return async (page, { listing, state }) => {
    const ids = await listing.joinedIds(state.source, () =>
      readJoinedIds(listing.runtime, join, listing.scope(), page.context),
    );
    return { ...page, records: await keepJoined(join, page.records, ids) };
  };
}

/** Enrich: each record gets the answers of its enrichers' requests under `_enriched`. */
export function enrich(enrichers: readonly CompiledEnricher[]): RawStage {
  return async (page, { listing }) => ({
    ...page,
    records: await enrichRecords(listing.runtime, enrichers, page.records, page.context),
  });
}

/** Map: the page's raw records become validated unified records. */
export function mapRecords(mapping: PageExpression | undefined): MapStage {
  return (page, { listing }) => mapPage(listing.runtime, mapping, page.records, page.context);
}

/** Dedupe: drops ids repeated at the boundary with the page before (`pagination.dedupe`). */
export function dropRepeatedIds(): RecordStage {
  return async (page, { state }) => {
    const unique = dropRepeated(page.records, state.recent);
    return {
      records: unique.records,
      next: page.next ? { ...page.next, recent: unique.fingerprints } : null,
    };
  };
}

/** Local filter: the filters the source did not answer itself, applied to mapped records. */
export function filterLocally(resource: CompiledResource, source: CompiledSource): RecordStage {
  return async (page, { listing }) => ({
    ...page,
    records: await applyLocalFilters(resource, source, listing.request.filters, page.records),
  });
}
