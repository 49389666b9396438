import { sha256Base64url } from '../mapping/sha256.js';
import type { UnifiedRecord } from './record-pipeline.js';

// Repeats come at page boundaries, so the tail of the previous page is what matters; keeping
// only this many fingerprints bounds the cursor (a 1,000-record page would not fit otherwise).
const CARRIED = 100;

/** A short fingerprint of an id: cursors carry a page of them, so they stay small. */
function fingerprint(id: string): string {
  return sha256Base64url(id).slice(0, 10);
}

/**
 * Drops records whose id came earlier on this page or among the last records of the page before
 * (`previous`, the fingerprints the last call returned), and returns the fingerprints of this
 * page's last ids for the next one. Bounded, whatever the length of the listing.
 */
export function dropRepeated(
  records: readonly UnifiedRecord[],
  previous: readonly string[] | undefined,
): { records: UnifiedRecord[]; fingerprints: string[] } {
  const seen = new Set(previous);
  const kept: UnifiedRecord[] = [];
  const fingerprints: string[] = [];
  for (const record of records) {
    const print = fingerprint(record.id);
    if (seen.has(print)) continue;
    seen.add(print);
    fingerprints.push(print);
    kept.push(record);
  }
  return { records: kept, fingerprints: fingerprints.slice(-CARRIED) };
}
