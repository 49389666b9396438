import type pg from 'pg';
import { LOCK_NAMESPACE, SCHEMA } from './database.js';
import { parseInterval } from './intervals.js';
import type { RetentionOptions } from './sync-types.js';

/** How long each kind of history is kept, in minutes. */
export interface Retention {
  changes: number;
  runs: number;
  jobs: number;
}

/** Defaults: a month of changes and runs, a day of finished jobs. */
const DEFAULT_RETENTION = { changes: '30d', runs: '30d', jobs: '1d' } as const;

/** Checks the retention options and fills in the defaults. */
export function retentionOf(options: RetentionOptions | undefined): Retention {
  return {
    changes: parseInterval('retention.changes', options?.changes ?? DEFAULT_RETENTION.changes),
    runs: parseInterval('retention.runs', options?.runs ?? DEFAULT_RETENTION.runs),
    jobs: parseInterval('retention.jobs', options?.jobs ?? DEFAULT_RETENTION.jobs),
  };
}

/**
 * pg-boss's own clean-up, from the jobs retention: a finished job moves to pg-boss's archive an
 * hour after it finished (sooner when the retention is shorter), and leaves the archive once
 * the retention has passed since it finished.
 */
export function jobRetentionOptions(retention: Retention) {
  const seconds = retention.jobs * 60;
  const archiveAfter = Math.min(3600, seconds);
  return {
    archiveCompletedAfterSeconds: archiveAfter,
    archiveFailedAfterSeconds: archiveAfter,
    deleteAfterSeconds: Math.max(1, seconds - archiveAfter),
  };
}

/** What one pruning removed. */
export interface PruneResult {
  changes: number;
  runs: number;
}

/**
 * Deletes changes recorded, and finished runs started, longer ago than their retention. The latest run of each
 * (connection, resource) is kept whatever its age: `status` reports it, and a failed one holds
 * the cursor the next run continues from. One process prunes at a time (the others skip).
 */
export async function pruneHistory(pool: pg.Pool, retention: Retention): Promise<PruneResult> {
  const client = await pool.connect();
  const lock = `${LOCK_NAMESPACE}:prune`;
  try {
    const taken = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [lock]);
    if (!taken.rows[0].ok) return { changes: 0, runs: 0 };
    try {
      const changes = await client.query(
        `DELETE FROM ${SCHEMA}.changes WHERE at < now() - $1 * interval '1 minute'`,
        [retention.changes],
      );
      const runs = await client.query(
        `DELETE FROM ${SCHEMA}.runs r WHERE status <> 'running'
          AND started_at < now() - $1 * interval '1 minute'
          AND EXISTS (SELECT 1 FROM ${SCHEMA}.runs later WHERE later.connection_id = r.connection_id
            AND later.resource = r.resource AND later.id > r.id)`,
        [retention.runs],
      );
      return { changes: changes.rowCount ?? 0, runs: runs.rowCount ?? 0 };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
    }
  } finally {
    client.release();
  }
}
