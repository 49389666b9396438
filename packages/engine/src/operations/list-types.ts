import type { SourceProgress } from '../pagination/page-state.js';
import type { ListingStats } from '../public-types.js';
import type { FanOutPosition } from './fan-out.js';
import type { UnifiedRecord } from './record-pipeline.js';

/** Where a listing stands between pages; this is what a cursor carries (signed, never a host). */
export interface ListState {
  source: number;
  progress?: SourceProgress | undefined;
  /** Fan-out: the parent page being walked, the parent's index in it, and the child's progress. */
  fan?: FanOutPosition | undefined;
  /** Fingerprints of the previous page's ids, for sources that `dedupe`. */
  recent?: string[] | undefined;
}

export interface ListResult {
  records: UnifiedRecord[];
  next: ListState | null;
  stats: ListingStats;
}

export type { ListingStats } from '../public-types.js';
