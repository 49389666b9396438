import { type Connection, type Engine, EngineError } from '@org/engine';
import type pg from 'pg';
import { LOCK_NAMESPACE, SCHEMA, transaction } from './database.js';
import { commitPage, type RunRow, recordDeletions } from './page-commit.js';
import { markFailed, markSucceeded, runResult, type StoredError } from './run-state.js';
import { syncError } from './sync-errors.js';
import type { ResolvedConnection, RunMode, RunResult } from './sync-types.js';

/** What a run needs from the sync service. */
export interface RunContext {
  pool: pg.Pool;
  engine: Engine;
  resolveConnection(connectionId: string): Promise<ResolvedConnection> | ResolvedConnection;
  pageSize: number | undefined;
  overlapSeconds: number;
  log(line: string): void;
}

/** How the caller wants a run to share its process. */
export interface RunControl {
  /** `wait` for the connection's lock (runOnce), or give up at once if it is taken (workers). */
  lock: 'wait' | 'try';
  /** Asked between pages: true makes the run stop at its checkpoint, to be resumed later. */
  shouldYield?: () => boolean;
  /** Asked once the provider host is known: a release function, or undefined when the host is full. */
  enterHost?: (host: string) => (() => void) | undefined;
}

export type RunOutcome =
  | { kind: 'finished'; result: RunResult }
  /** `locked`: another process runs the connection; `host`: this process has its share of the host. */
  | { kind: 'busy'; reason: 'locked' | 'host' }
  | { kind: 'yielded'; result: RunResult };

/** The filter the provider declares for listing records changed since a time, if any. */
export function incrementalFilterOf(engine: Engine, provider: string, resource: string): string | undefined {
  const summary = engine.providers().find((candidate) => candidate.id === provider) as
    | { incrementalFilters?: Record<string, string> }
    | undefined;
  return summary?.incrementalFilters?.[resource];
}

function asStoredError(error: unknown): StoredError {
  if (EngineError.isInstance(error)) return { code: error.code, message: error.message };
  return { code: 'internal_error', message: `[engine] sync: ${(error as Error)?.message ?? String(error)}` };
}

function connect(context: RunContext, resolved: ResolvedConnection, resource: string): Connection {
  const [model, name] = resource.split('/') as [string, string];
  const provider = context.engine.providers().find((candidate) => candidate.id === resolved.provider);
  if (provider && !provider.models[model]?.includes(name)) {
    throw syncError('unsupported_resource', `${resolved.provider} does not serve ${resource}`, {
      provider: resolved.provider,
      resource,
    });
  }
  return context.engine.connect(resolved.provider, {
    params: resolved.params,
    auth: resolved.auth,
    baseUrl: resolved.baseUrl,
  });
}

/** The unfinished run to resume, or a new one in the mode asked for (or due). */
async function openRun(
  context: RunContext,
  target: { connectionId: string; resource: string; mode?: RunMode | undefined },
  provider: string,
): Promise<RunRow & { cursor: string | null; filter: Record<string, string> }> {
  const { pool } = context;
  const unfinished = await pool.query(
    `SELECT * FROM ${SCHEMA}.runs WHERE connection_id = $1 AND resource = $2 AND status = 'running'`,
    [target.connectionId, target.resource],
  );
  const open = unfinished.rows[0];
  if (open && (target.mode === undefined || target.mode === open.mode)) {
    return { id: String(open.id), ...target, mode: open.mode, cursor: open.cursor, filter: open.filter };
  }
  if (open) {
    // Asked for the other mode: the unfinished run ends without deleting anything.
    const error = { code: 'invalid_request', message: `[engine] sync: superseded by a ${target.mode} run` };
    await pool.query(
      `UPDATE ${SCHEMA}.runs SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`,
      [open.id, error],
    );
  }
  const sync = (
    await pool.query(`SELECT * FROM ${SCHEMA}.syncs WHERE connection_id = $1 AND resource = $2`, [
      target.connectionId,
      target.resource,
    ])
  ).rows[0];
  const filterName = incrementalFilterOf(context.engine, provider, target.resource);
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
    const since = new Date(new Date(sync.changed_since).getTime() - context.overlapSeconds * 1000);
    filter[filterName] = since.toISOString();
  }
  const inserted = await pool.query(
    `INSERT INTO ${SCHEMA}.runs (connection_id, resource, mode, status, filter) VALUES ($1, $2, $3, 'running', $4) RETURNING id`,
    [target.connectionId, target.resource, mode, filter],
  );
  return { id: String(inserted.rows[0].id), ...target, mode, cursor: null, filter };
}

async function listAndCommit(
  context: RunContext,
  connection: Connection,
  run: RunRow & { cursor: string | null; filter: Record<string, string> },
  control: RunControl,
): Promise<RunOutcome> {
  const [model, name] = run.resource.split('/') as [string, string];
  let cursor = run.cursor;
  for (;;) {
    const page = await (
      connection.list as (...args: unknown[]) => Promise<{
        result: Record<string, unknown>[];
        next_cursor: string | null;
      }>
    )(model, name, { cursor, limit: context.pageSize, filter: run.filter, remoteData: false });
    const done = await transaction(context.pool, async (client) => {
      await commitPage(client, run, page.result, page.next_cursor);
      if (page.next_cursor !== null) return undefined;
      const deleted = run.mode === 'full' ? await recordDeletions(client, run) : 0;
      return markSucceeded(client, run.id, deleted);
    });
    if (done) return { kind: 'finished', result: runResult(done) };
    cursor = page.next_cursor;
    if (control.shouldYield?.()) {
      const row = await context.pool.query(`SELECT * FROM ${SCHEMA}.runs WHERE id = $1`, [run.id]);
      return { kind: 'yielded', result: runResult(row.rows[0]) };
    }
  }
}

/**
 * Runs one sync of a (connection, resource) under the connection's lock: no other run of the
 * connection, in any process, overlaps it. Resumes the unfinished run if there is one. Failures
 * are recorded (and returned as a failed result), never thrown, except a missing sync.
 */
export async function executeRun(
  context: RunContext,
  target: { connectionId: string; resource: string; mode?: RunMode | undefined },
  control: RunControl,
): Promise<RunOutcome> {
  const { pool } = context;
  const lockClient = await pool.connect();
  const lockKey = `${LOCK_NAMESPACE}:connection:${target.connectionId}`;
  let release: (() => void) | undefined;
  try {
    if (control.lock === 'wait') {
      await lockClient.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    } else {
      const taken = await lockClient.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [lockKey]);
      if (!taken.rows[0].ok) return { kind: 'busy', reason: 'locked' };
    }
    let runId: string | undefined;
    try {
      const resolved = await context.resolveConnection(target.connectionId);
      const connection = connect(context, resolved, target.resource);
      if (control.enterHost) {
        release = control.enterHost(new URL(connection.baseUrl).host);
        if (!release) return { kind: 'busy', reason: 'host' };
      }
      const run = await openRun(context, target, resolved.provider);
      runId = run.id;
      context.log(
        `${target.connectionId} ${target.resource}: ${run.mode} run ${run.id} ${run.cursor ? 'resumed' : 'started'}`,
      );
      const outcome = await listAndCommit(context, connection, run, control);
      if (outcome.kind === 'finished') {
        const { created, updated, deleted, unchanged } = outcome.result;
        context.log(
          `${target.connectionId} ${target.resource}: run ${run.id} succeeded: ${created} created, ${updated} updated, ${deleted} deleted, ${unchanged} unchanged`,
        );
      }
      return outcome;
    } catch (error) {
      const stored = asStoredError(error);
      await markFailed(pool, target, runId, stored);
      context.log(`${target.connectionId} ${target.resource}: run failed: ${stored.code}: ${stored.message}`);
      const row = runId
        ? (await pool.query(`SELECT * FROM ${SCHEMA}.runs WHERE id = $1`, [runId])).rows[0]
        : {
            status: 'failed',
            mode: 'full',
            created: 0,
            updated: 0,
            deleted: 0,
            unchanged: 0,
            pages: 0,
            requests: 0,
            error: stored,
          };
      return { kind: 'finished', result: runResult(row) };
    }
  } finally {
    release?.();
    await lockClient.query('SELECT pg_advisory_unlock_all()').catch(() => undefined);
    lockClient.release();
  }
}
