import type pg from 'pg';
import { SCHEMA } from './database.js';
import { syncError } from './sync-errors.js';
import type { Change, ChangePage } from './sync-types.js';

interface FeedPosition {
  connectionId: string;
  resource: string | null;
  sequence: number;
}

/** An opaque `next` cursor: the stream it belongs to and the last sequence read. */
function encodeCursor(position: FeedPosition): string {
  return Buffer.from(
    JSON.stringify({ v: 1, c: position.connectionId, r: position.resource, s: position.sequence }),
  ).toString('base64url');
}

function decodeCursor(cursor: string, connectionId: string, resource: string | null): number {
  let parsed: { v?: unknown; c?: unknown; r?: unknown; s?: unknown } | undefined;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (parsed?.v !== 1 || typeof parsed.s !== 'number' || !Number.isSafeInteger(parsed.s) || parsed.s < 0) {
    throw syncError(
      'invalid_cursor',
      'the change cursor is malformed: pass a `next` value as it was returned',
    );
  }
  if (parsed.c !== connectionId || parsed.r !== resource) {
    throw syncError('invalid_cursor', 'the change cursor belongs to another connection or resource');
  }
  return parsed.s;
}

/** A change row as the public {@link Change}. */
export function toChange(row: Record<string, unknown>): Change {
  return {
    id: `chg_${String(row.sequence)}`,
    type: row.type as Change['type'],
    connectionId: String(row.connection_id),
    resource: String(row.resource),
    recordId: String(row.record_id),
    record: row.record as Record<string, unknown>,
    at: (row.at as Date).toISOString(),
  };
}

/**
 * Reads the change feed of a connection (one resource, or all of them) in the order the
 * changes were recorded. A connection's runs never overlap, so a later page never holds a
 * change recorded before one already read.
 */
export async function readChanges(
  pool: pg.Pool,
  query: { connectionId: string; resource?: string | undefined; after?: string | undefined; limit?: number },
): Promise<ChangePage> {
  const resource = query.resource ?? null;
  const limit = query.limit ?? 500;
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw syncError('invalid_request', `limit must be a whole number from 1 to 10000, got ${limit}`);
  }
  const after = query.after === undefined ? 0 : decodeCursor(query.after, query.connectionId, resource);
  const rows = await pool.query(
    `SELECT * FROM ${SCHEMA}.changes WHERE connection_id = $1 AND ($2::text IS NULL OR resource = $2)
      AND sequence > $3 ORDER BY sequence LIMIT $4`,
    [query.connectionId, resource, after, limit],
  );
  const last = rows.rows.at(-1);
  const sequence = last ? Number(last.sequence) : after;
  return {
    changes: rows.rows.map(toChange),
    next: encodeCursor({ connectionId: query.connectionId, resource, sequence }),
  };
}
