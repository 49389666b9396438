import type pg from 'pg';
import { SCHEMA } from './database.js';
import type { RunResult } from './sync-types.js';

/** A failure as stored and reported: code and message only (engine messages hold no secret). */
export interface StoredError {
  code: string;
  message: string;
}

/** Codes that mean the credentials no longer work: retrying every minute would not help. */
const PAUSING_CODES = new Set(['unauthorized', 'forbidden']);

/** Minutes to wait after the n-th failure in a row: 1, 2, 4 ... capped at one hour. */
function backoffMinutes(failures: number): number {
  return Math.min(60, 2 ** Math.max(0, failures - 1));
}

/** The columns of a run row as a {@link RunResult}. */
export function runResult(row: Record<string, unknown>): RunResult {
  const result: RunResult = {
    status: row.status === 'succeeded' ? 'succeeded' : 'failed',
    mode: row.mode === 'incremental' ? 'incremental' : 'full',
    created: Number(row.created),
    updated: Number(row.updated),
    deleted: Number(row.deleted),
    unchanged: Number(row.unchanged),
    pages: Number(row.pages),
    requests: Number(row.requests),
  };
  if (row.error) result.error = row.error as StoredError;
  return result;
}

/** Marks a run and its sync as succeeded, inside the caller's transaction (the last page's). */
export async function markSucceeded(
  client: pg.PoolClient,
  runId: string,
  deleted: number,
): Promise<Record<string, unknown>> {
  const run = await client.query(
    `UPDATE ${SCHEMA}.runs SET status = 'succeeded', finished_at = now(), deleted = $2 WHERE id = $1 RETURNING *`,
    [runId, deleted],
  );
  const row = run.rows[0] as Record<string, unknown>;
  await client.query(
    `UPDATE ${SCHEMA}.syncs SET
        last_run_at = $3, last_success_at = now(), changed_since = $3,
        last_full_success_at = CASE WHEN $4 = 'full' THEN $3 ELSE last_full_success_at END,
        consecutive_failures = 0, last_error = NULL, paused_reason = NULL,
        next_run_at = CASE WHEN next_run_at <= now()
          THEN greatest(next_run_at + every_minutes * interval '1 minute', now()) ELSE next_run_at END
      WHERE connection_id = $1 AND resource = $2`,
    [row.connection_id, row.resource, row.pass_started_at ?? row.started_at, row.mode],
  );
  return row;
}

/**
 * Records a failure: the run (if one was started) ends `failed` and deletes nothing, keeping
 * `resumeCursor` for the next run (null: the next run starts over); the sync backs off, or
 * pauses when the credentials were refused.
 */
export async function markFailed(
  pool: pg.Pool,
  target: { connectionId: string; resource: string },
  run: { id: string; resumeCursor: string | null } | undefined,
  error: StoredError,
): Promise<void> {
  if (run !== undefined) {
    await pool.query(
      `UPDATE ${SCHEMA}.runs SET status = 'failed', finished_at = now(), error = $2, cursor = $3
        WHERE id = $1 AND status = 'running'`,
      [run.id, error, run.resumeCursor],
    );
  }
  const sync = await pool.query(
    `UPDATE ${SCHEMA}.syncs SET consecutive_failures = consecutive_failures + 1, last_error = $3,
        last_run_at = now(), paused_reason = $4
      WHERE connection_id = $1 AND resource = $2 RETURNING consecutive_failures`,
    [target.connectionId, target.resource, error, PAUSING_CODES.has(error.code) ? error.code : null],
  );
  const failures = Number(sync.rows[0]?.consecutive_failures ?? 1);
  await pool.query(
    `UPDATE ${SCHEMA}.syncs SET next_run_at = now() + $3 * interval '1 minute'
      WHERE connection_id = $1 AND resource = $2`,
    [target.connectionId, target.resource, backoffMinutes(failures)],
  );
}
