import type { ListingStats } from '../public-types.js';
import { chooseSources } from './filters.js';
import type { ListResult, ListState } from './list-types.js';
import type { Listing } from './listing.js';
import { sourcePipeline } from './source-pipeline.js';

// A call keeps reading while pages come back empty (filtered out, parents without children),
// but never more than this, so one call stays bounded; it then returns an empty page and a cursor.
const MAX_READS_PER_CALL = 25;

/**
 * Reads the next page of a listing, from `state` (undefined: the start): each read runs the
 * current source's pipeline, and an empty page goes on to the next page or source.
 */
export async function listResource(
  listing: Listing,
  start: ListState | undefined,
  stats: ListingStats = { skipped: 0, repaired: 0, requests: 0 },
): Promise<ListResult> {
  const sources = chooseSources(listing.resource, listing.request.filters);
  let state: ListState = start ?? { source: 0 };
  for (let reads = 1; state.source < sources.length; reads += 1) {
    const pipeline = sourcePipeline(listing.resource, sources[state.source]!);
    const { records, next } = await pipeline.read({ listing, state, stats });
    const following: ListState | null =
      next ?? (state.source + 1 < sources.length ? { source: state.source + 1 } : null);
    if (records.length > 0 || following === null || reads >= MAX_READS_PER_CALL)
      return { records, next: following, stats };
    state = following;
  }
  return { records: [], next: null, stats };
}

export type { ListResult, ListState } from './list-types.js';
