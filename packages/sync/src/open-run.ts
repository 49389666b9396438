import type { Engine } from '@org/engine';
import type pg from 'pg';
import { SCHEMA } from './database.js';
import type { RunRow } from './page-commit.js';
import type { RunMode } from './sync-types.js';

/** A run about to list: where it starts and with which filter. */
export interface OpenRun extends RunRow {
  cursor: string | null;
  filter: Record<string, string>;
  /** How the run began: a new pass, the unfinished run itself, or a failed run's successor. */
  origin: 'started' | 'resumed' | 'continued';
}

type Target = { connectionId: string; resource: string; mode?: RunMode | undefined };

/** The filter the provider declares for listing records changed since a time, if any. */
function incrementalFilterOf(engine: Engine, provider: string, resource: string): string | undefined {
  const summary = engine.providers().find((candidate) => candidate.id === provider) as
    | { incrementalFilters?: Record<string, string> }
    | undefined;
  return summary?.incrementalFilters?.[resource];
}

function fromRow(row: Record<string, unknown>, target: Target, origin: OpenRun['origin']): OpenRun {
  return {
    id: String(row.id),
    connectionId: target.connectionId,
    resource: target.resource,
    mode: row.mode as RunMode,
    passRun: String(row.pass_run ?? row.id),
    cursor: (row.cursor as string | null) ?? null,
    filter: row.filter as Record<string, string>,
    origin,
  };
}

async function insertRun(
  pool: pg.Pool,
  target: Target,
  values: {
    mode: RunMode;
    filter: Record<string, string>;
    cursor?: string | null;
    pass?: Record<string, unknown>;
  },
  origin: OpenRun['origin'],
): Promise<OpenRun> {
  const inserted = await pool.query(
    `INSERT INTO ${SCHEMA}.runs (connection_id, resource, mode, status, filter, cursor, pass_run, pass_started_at)
      VALUES ($1, $2, $3, 'running', $4, $5, $6, $7) RETURNING *`,
    [
      target.connectionId,
      target.resource,
      values.mode,
      values.filter,
      values.cursor ?? null,
      values.pass?.pass_run ?? values.pass?.id ?? null,
      values.pass?.pass_started_at ?? values.pass?.started_at ?? null,
    ],
  );
  // A new pass leaves both null: the run is its own pass (see fromRow and markSucceeded).
  return fromRow(inserted.rows[0], target, origin);
}

/**
 * The run to list with: the unfinished run if there is one (its process died or it yielded);
 * else the successor of a failed run of the same mode, going on from the cursor its error
 * carried in the same pass; else a new pass in the mode asked for (or due).
 */
export async function openRun(
  pool: pg.Pool,
  engine: Engine,
  target: Target,
  provider: string,
  overlapSeconds: number,
): Promise<OpenRun> {
  const latest = (
    await pool.query(
      `SELECT * FROM ${SCHEMA}.runs WHERE connection_id = $1 AND resource = $2 ORDER BY id DESC LIMIT 1`,
      [target.connectionId, target.resource],
    )
  ).rows[0];
  const sameMode = target.mode === undefined || target.mode === latest?.mode;
  if (latest?.status === 'running' && sameMode) return fromRow(latest, target, 'resumed');
  if (latest?.status === 'running') {
    // Asked for the other mode: the unfinished run ends without deleting anything.
    const error = { code: 'invalid_request', message: `[engine] sync: superseded by a ${target.mode} run` };
    await pool.query(
      `UPDATE ${SCHEMA}.runs SET status = 'failed', finished_at = now(), error = $2, cursor = NULL WHERE id = $1`,
      [latest.id, error],
    );
  }
  if (latest?.status === 'failed' && latest.cursor !== null && sameMode) {
    return insertRun(
      pool,
      target,
      { mode: latest.mode, filter: latest.filter, cursor: latest.cursor, pass: latest },
      'continued',
    );
  }
  const sync = (
    await pool.query(`SELECT * FROM ${SCHEMA}.syncs WHERE connection_id = $1 AND resource = $2`, [
      target.connectionId,
      target.resource,
    ])
  ).rows[0];
  const filterName = incrementalFilterOf(engine, provider, target.resource);
  const fullDue =
    !sync?.last_full_success_at ||
    (sync.full_every_minutes !== null &&
      Date.now() - new Date(sync.last_full_success_at).getTime() >= sync.full_every_minutes * 60_000);
  const incremental =
    filterName !== undefined &&
    sync?.changed_since &&
    (target.mode === 'incremental' || (!target.mode && !fullDue));
  const mode: RunMode = incremental ? 'incremental' : 'full';
  const filter: Record<string, string> = {};
  if (incremental) {
    const since = new Date(new Date(sync.changed_since).getTime() - overlapSeconds * 1000);
    filter[filterName] = since.toISOString();
  }
  return insertRun(pool, target, { mode, filter }, 'started');
}

/**
 * Starts the pass of `run` over, from the first page: its cursor was refused (credentials or
 * base URL changed since it was made, or another cursor secret), so what the earlier runs of the
 * pass saw can no longer count towards its deletions.
 */
export async function restartPass(pool: pg.Pool, run: OpenRun): Promise<OpenRun> {
  await pool.query(
    `UPDATE ${SCHEMA}.runs SET cursor = NULL, pass_run = id, pass_started_at = now() WHERE id = $1`,
    [run.id],
  );
  return { ...run, cursor: null, passRun: run.id, origin: 'started' };
}
