import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so that key order never changes a fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The record without `remote_data`: what the fingerprint covers and what changes carry. */
export function unifiedPart(record: Record<string, unknown>): Record<string, unknown> {
  const { remote_data: _remote, ...unified } = record;
  return unified;
}

/** A stable hash of the unified record: equal records give equal fingerprints, whatever the key order. */
export function fingerprint(record: Record<string, unknown>): string {
  return createHash('sha256')
    .update(canonicalJson(unifiedPart(record)))
    .digest('base64url')
    .slice(0, 22);
}
