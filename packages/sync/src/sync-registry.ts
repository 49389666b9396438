import type { Engine } from '@org/engine';
import type pg from 'pg';
import { SCHEMA } from './database.js';
import { formatInterval, parseInterval } from './intervals.js';
import { runResult } from './run-state.js';
import { syncError } from './sync-errors.js';
import type { ResolvedConnection, ResourceStatus, SyncDefinition } from './sync-types.js';

const CONNECTION_ID = /^[\w.:@-]{1,200}$/;
const RESOURCE = /^[a-z][a-z-]*\/[a-z][a-z-]*$/;

/** Checks a connection id and `model/resource` before anything is written. */
export function checkTarget(target: { connectionId: unknown; resource?: unknown }): void {
  if (typeof target.connectionId !== 'string' || !CONNECTION_ID.test(target.connectionId)) {
    throw syncError(
      'invalid_request',
      `connectionId must be 1 to 200 letters, digits or . _ : @ -, got ${JSON.stringify(target.connectionId)}`,
    );
  }
  if (
    target.resource !== undefined &&
    (typeof target.resource !== 'string' || !RESOURCE.test(target.resource))
  ) {
    throw syncError(
      'invalid_request',
      `resource must be model/resource, such as user-directory/users, got ${JSON.stringify(target.resource)}`,
    );
  }
}

/** Checks that the connection's provider exists and lists the resource. */
export function checkServed(engine: Engine, resolved: ResolvedConnection, resource: string): void {
  const provider = engine.providers().find((candidate) => candidate.id === resolved?.provider);
  if (!provider) {
    throw syncError(
      'unknown_provider',
      `no provider ${String(resolved?.provider)}; known: ${engine
        .providers()
        .map((known) => known.id)
        .join(', ')}`,
    );
  }
  const [model, name] = resource.split('/') as [string, string];
  if (!provider.models[model]?.includes(name)) {
    throw syncError('unsupported_resource', `${provider.id} does not serve ${resource}`, {
      provider: provider.id,
      resource,
    });
  }
}

/** Adds (or updates, and unpauses) a sync; it is due at once. */
export async function upsertSync(pool: pg.Pool, definition: SyncDefinition): Promise<void> {
  const every = parseInterval('every', definition.every ?? '15m');
  const fullEvery = parseInterval('fullEvery', definition.fullEvery ?? '24h');
  if (fullEvery < every) {
    throw syncError(
      'invalid_request',
      `fullEvery (${definition.fullEvery}) must not be shorter than every (${definition.every ?? '15m'})`,
    );
  }
  await pool.query(
    `INSERT INTO ${SCHEMA}.syncs (connection_id, resource, every_minutes, full_every_minutes)
      VALUES ($1, $2, $3, $4)
      ON CONFLICT (connection_id, resource) DO UPDATE SET every_minutes = $3, full_every_minutes = $4,
        removed_at = NULL, paused_reason = NULL, next_run_at = now()`,
    [definition.connectionId, definition.resource, every, fullEvery],
  );
}

/** Stops a sync; its records and change history stay. */
export async function markRemoved(
  pool: pg.Pool,
  target: { connectionId: string; resource: string },
): Promise<void> {
  const removed = await pool.query(
    `UPDATE ${SCHEMA}.syncs SET removed_at = now() WHERE connection_id = $1 AND resource = $2 AND removed_at IS NULL`,
    [target.connectionId, target.resource],
  );
  if (removed.rowCount === 0) throw noSync(target);
}

function noSync(target: { connectionId: string; resource: string }) {
  return syncError(
    'not_found',
    `no sync of ${target.resource} for connection ${target.connectionId}: add it with addSync`,
    {
      resource: target.resource,
    },
  );
}

/** Throws `not_found` unless the sync exists and was not removed. */
export async function requireSync(
  pool: pg.Pool,
  target: { connectionId: string; resource: string },
): Promise<void> {
  const found = await pool.query(
    `SELECT 1 FROM ${SCHEMA}.syncs WHERE connection_id = $1 AND resource = $2 AND removed_at IS NULL`,
    [target.connectionId, target.resource],
  );
  if (found.rowCount === 0) throw noSync(target);
}

const iso = (value: unknown) => (value instanceof Date ? value.toISOString() : null);

/** The state of every resource synced for a connection, removed ones included. */
export async function readStatus(pool: pg.Pool, connectionId: string): Promise<ResourceStatus[]> {
  const rows = await pool.query(
    `SELECT s.*, r.id AS run_id, r.status, r.mode, r.created, r.updated, r.deleted, r.unchanged, r.pages,
        r.requests, r.error, r.started_at, r.finished_at,
        (SELECT count(*) FROM ${SCHEMA}.changes c WHERE c.connection_id = s.connection_id
          AND c.resource = s.resource AND c.sequence > s.delivered_sequence) AS undelivered
      FROM ${SCHEMA}.syncs s
      LEFT JOIN LATERAL (SELECT * FROM ${SCHEMA}.runs WHERE connection_id = s.connection_id
        AND resource = s.resource ORDER BY id DESC LIMIT 1) r ON true
      WHERE s.connection_id = $1 ORDER BY s.resource`,
    [connectionId],
  );
  return rows.rows.map((row) => {
    const lastRun =
      row.run_id === null
        ? null
        : {
            ...runResult(row),
            status: row.status === 'running' ? ('running' as const) : runResult(row).status,
            startedAt: iso(row.started_at)!,
            finishedAt: iso(row.finished_at),
          };
    return {
      connectionId,
      resource: row.resource,
      every: formatInterval(row.every_minutes),
      fullEvery: row.full_every_minutes === null ? null : formatInterval(row.full_every_minutes),
      removed: row.removed_at !== null,
      lastRun,
      nextRunAt: row.removed_at || row.paused_reason ? null : iso(row.next_run_at),
      lastSuccessAt: iso(row.last_success_at),
      lagSeconds: row.changed_since ? Math.round((Date.now() - row.changed_since.getTime()) / 1000) : null,
      consecutiveFailures: row.consecutive_failures,
      pausedReason: row.paused_reason,
      error: row.last_error,
      undeliveredChanges: Number(row.undelivered),
    };
  });
}
