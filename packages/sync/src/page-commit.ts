import type pg from 'pg';
import { SCHEMA } from './database.js';
import { fingerprint, unifiedPart } from './fingerprint.js';

/** Counts of one page, or of a whole run. */
export interface ChangeCounts {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** The run a page belongs to. */
export interface RunRow {
  id: string;
  connectionId: string;
  resource: string;
  mode: 'full' | 'incremental';
  /** The first run of the pass this run belongs to (itself, unless it resumed a failed run). */
  passRun: string;
}

/**
 * Applies one page of a run, inside the caller's transaction: records new to the store are
 * `created`, records whose fingerprint changed are `updated`, the others only marked as seen by
 * this run; each change goes to the feed. Then the run's checkpoint moves to `nextCursor`, and
 * its counts grow by the page's (`requests`: the HTTP requests the page took). If
 * the transaction commits, page and checkpoint are in; if not, neither is, and the page is
 * listed again on resume, so no change is lost or recorded twice.
 */
export async function commitPage(
  client: pg.PoolClient,
  run: RunRow,
  page: { records: readonly Record<string, unknown>[]; nextCursor: string | null; requests: number },
): Promise<ChangeCounts> {
  const { records, nextCursor } = page;
  const byId = new Map<string, Record<string, unknown>>();
  for (const record of records) byId.set(String(record.id), unifiedPart(record));
  const ids = [...byId.keys()];
  const known = await client.query<{ record_id: string; fingerprint: string; deleted: boolean }>(
    `SELECT record_id, fingerprint, deleted_at IS NOT NULL AS deleted FROM ${SCHEMA}.records
      WHERE connection_id = $1 AND resource = $2 AND record_id = ANY($3::text[])`,
    [run.connectionId, run.resource, ids],
  );
  const stored = new Map(known.rows.map((row) => [row.record_id, row]));
  const changed: { id: string; type: 'created' | 'updated'; fingerprint: string; json: string }[] = [];
  const unchanged: string[] = [];
  for (const [id, record] of byId) {
    const print = fingerprint(record);
    const previous = stored.get(id);
    if (previous && !previous.deleted && previous.fingerprint === print) unchanged.push(id);
    else
      changed.push({
        id,
        type: previous && !previous.deleted ? 'updated' : 'created',
        fingerprint: print,
        json: JSON.stringify(record),
      });
  }
  if (changed.length > 0) {
    const columns = [
      changed.map((change) => change.id),
      changed.map((change) => change.fingerprint),
      changed.map((change) => change.json),
    ];
    await client.query(
      `INSERT INTO ${SCHEMA}.records (connection_id, resource, record_id, fingerprint, record, seen_run)
        SELECT $1, $2, id, print, json::jsonb, $6 FROM unnest($3::text[], $4::text[], $5::text[]) AS page(id, print, json)
        ON CONFLICT (connection_id, resource, record_id) DO UPDATE
          SET fingerprint = excluded.fingerprint, record = excluded.record, seen_run = excluded.seen_run, deleted_at = NULL`,
      [run.connectionId, run.resource, ...columns, run.id],
    );
    await client.query(
      `INSERT INTO ${SCHEMA}.changes (connection_id, resource, record_id, type, record, run_id)
        SELECT $1, $2, id, type, json::jsonb, $6
        FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS page(id, type, json, position)
        ORDER BY position`,
      [run.connectionId, run.resource, columns[0], changed.map((change) => change.type), columns[2], run.id],
    );
  }
  if (unchanged.length > 0) {
    await client.query(
      `UPDATE ${SCHEMA}.records SET seen_run = $4
        WHERE connection_id = $1 AND resource = $2 AND record_id = ANY($3::text[])`,
      [run.connectionId, run.resource, unchanged, run.id],
    );
  }
  const counts = {
    created: changed.filter((change) => change.type === 'created').length,
    updated: changed.filter((change) => change.type === 'updated').length,
    unchanged: unchanged.length,
    deleted: 0,
  };
  const moved = await client.query(
    `UPDATE ${SCHEMA}.runs SET cursor = $2, pages = pages + 1, requests = requests + $6,
        created = created + $3, updated = updated + $4, unchanged = unchanged + $5, checkpoint_at = now()
      WHERE id = $1 AND status = 'running'`,
    [run.id, nextCursor, counts.created, counts.updated, counts.unchanged, page.requests],
  );
  // Another process took the run over (or it was abandoned): this page must not count twice.
  if (moved.rowCount !== 1) throw new Error(`run ${run.id} is no longer running here`);
  return counts;
}

/**
 * Ends a complete full pass, inside the caller's transaction: every stored record the pass did
 * not see is `deleted`, carrying its last known version. Only a complete full pass may do this.
 * Runs get increasing ids and a pass's runs follow one another, so "seen by this pass" is
 * "seen by its first run or a later one".
 */
export async function recordDeletions(client: pg.PoolClient, run: RunRow): Promise<number> {
  const gone = await client.query(
    `WITH gone AS (
        UPDATE ${SCHEMA}.records SET deleted_at = now()
        WHERE connection_id = $1 AND resource = $2 AND deleted_at IS NULL AND seen_run < $4
        RETURNING record_id, record
      )
      INSERT INTO ${SCHEMA}.changes (connection_id, resource, record_id, type, record, run_id)
      SELECT $1, $2, record_id, 'deleted', record, $3 FROM gone ORDER BY record_id`,
    [run.connectionId, run.resource, run.id, run.passRun],
  );
  return gone.rowCount ?? 0;
}
