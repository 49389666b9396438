import { type Connection, type Engine, EngineError } from '@org/engine';
import type pg from 'pg';
import { LOCK_NAMESPACE, SCHEMA, transaction } from './database.js';
import { type OpenRun, openRun, restartPass } from './open-run.js';
import { commitPage, recordDeletions } from './page-commit.js';
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

function asStoredError(error: unknown): StoredError {
  if (EngineError.isInstance(error)) return { code: error.code, message: error.message };
  return { code: 'internal_error', message: `[engine] sync: ${(error as Error)?.message ?? String(error)}` };
}

/**
 * Where the next run goes on after `error`: a listing error's cursor (the last page fully
 * delivered, which is this run's last checkpoint), or null to start over (an error before any
 * page, or one that is not the listing's, such as a refused cursor).
 */
function resumeCursorOf(error: unknown): string | null {
  return EngineError.isInstance(error) && typeof error.cursor === 'string' ? error.cursor : null;
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

async function listAndCommit(
  context: RunContext,
  connection: Connection,
  opened: OpenRun,
  control: RunControl,
): Promise<RunOutcome> {
  const [model, name] = opened.resource.split('/') as [string, string];
  let run = opened;
  let cursor = run.cursor;
  const list = connection.list as (...args: unknown[]) => Promise<{
    result: Record<string, unknown>[];
    next_cursor: string | null;
    stats: { requests: number };
  }>;
  const listPage = () =>
    list.call(connection, model, name, {
      cursor,
      limit: context.pageSize,
      filter: run.filter,
      remoteData: false,
    });
  for (;;) {
    let page: Awaited<ReturnType<typeof listPage>>;
    try {
      page = await listPage();
    } catch (error) {
      // A failed run's cursor may no longer be accepted: the pass starts over instead.
      if (run.origin !== 'continued' || !EngineError.isInstance(error) || error.code !== 'invalid_cursor') {
        throw error;
      }
      context.log(`${run.connectionId} ${run.resource}: run ${run.id}: cursor refused, starting over`);
      run = await restartPass(context.pool, run);
      cursor = null;
      continue;
    }
    const done = await transaction(context.pool, async (client) => {
      await commitPage(client, run, {
        records: page.result,
        nextCursor: page.next_cursor,
        requests: page.stats.requests,
      });
      if (page.next_cursor !== null) return undefined;
      const deleted = run.mode === 'full' ? await recordDeletions(client, run) : 0;
      return markSucceeded(client, run.id, deleted);
    });
    if (done) return { kind: 'finished', result: runResult(done) };
    cursor = page.next_cursor;
    if (run.origin === 'continued') run = { ...run, origin: 'resumed' };
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
      const run = await openRun(pool, context.engine, target, resolved.provider, context.overlapSeconds);
      runId = run.id;
      context.log(
        `${target.connectionId} ${target.resource}: ${run.mode} run ${run.id} ${run.cursor ? `${run.origin} (pass of run ${run.passRun})` : 'started'}`,
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
      await markFailed(
        pool,
        target,
        runId === undefined ? undefined : { id: runId, resumeCursor: resumeCursorOf(error) },
        stored,
      );
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
