import type { CycleState } from './repeat-guard.js';

/** Where the next page of an HTTP source starts. Stored in cursors: never a host. */
export type PageState =
  | { kind: 'url'; path: string }
  | { kind: 'cursor'; cursor: string }
  | { kind: 'page'; page: number; size?: number | undefined }
  | { kind: 'offset'; offset: number };

/** Progress of one listing, carried from page to page (and inside cursors). */
export interface SourceProgress {
  /** The next page, or undefined for the first. */
  page?: PageState | undefined;
  /** Pages fetched so far in this source, for max_pages. */
  pages: number;
  /** Records fetched so far, for `total` stop rules. */
  fetched: number;
  /** Short fingerprints of recent requests, to fail on a link back to one of them. */
  seen: string[];
  /** Cycle detection over every page of the listing so far. */
  cycle?: CycleState | undefined;
  /** Empty pages in a row, for the bound on endless empty pages. */
  empty?: number | undefined;
  /** Why the listing cannot go on from here: reading the next page fails with pagination_loop. */
  stuck?: string | undefined;
}

export const FRESH_PROGRESS: SourceProgress = { pages: 0, fetched: 0, seen: [] };
