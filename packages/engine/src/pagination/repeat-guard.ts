import { sha256Base64url } from '../mapping/sha256.js';

/**
 * Brent's cycle detection over the pages of a listing: a few fields that fit in a cursor, yet
 * a cycle of any length is found within about twice its length once the listing enters it.
 * `mark` is the key of the page last marked, `power` the current stride, `length` the pages
 * read since the mark.
 */
export interface CycleState {
  mark: string;
  power: number;
  length: number;
}

/** A short fingerprint of a text: cursors carry some, so they stay small. */
export function fingerprint(text: string): string {
  return sha256Base64url(text).slice(0, 16);
}

/**
 * What identifies a page for repeat detection: its records when it has any (a server that
 * ignores the cursor serves the same records under new links), else its request (empty pages
 * all look alike). The records stand in by their count and their first and last record, whole:
 * two pages of a listing that agree on those are the same page (a record is listed once), and
 * serialising two records instead of every one keeps the check off the per-record cost.
 */
export function pageKey(requestFingerprint: string, records: readonly unknown[]): string {
  if (records.length === 0) return `r${requestFingerprint}`;
  const ends = records.length === 1 ? [records[0]] : [records[0], records[records.length - 1]];
  return `c${records.length}:${fingerprint(JSON.stringify(ends))}`;
}

/**
 * Adds a page key to the cycle state. Returns undefined when the key equals the marked one:
 * the listing repeats a page it already read.
 */
export function nextCycleState(state: CycleState | undefined, key: string): CycleState | undefined {
  if (!state) return { mark: key, power: 1, length: 0 };
  if (state.mark === key) return undefined;
  const length = state.length + 1;
  return length === state.power ? { mark: key, power: state.power * 2, length: 0 } : { ...state, length };
}
