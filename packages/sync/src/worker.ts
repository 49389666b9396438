import type pg from 'pg';
import PgBoss from 'pg-boss';
import { toChange } from './change-feed.js';
import { LOCK_NAMESPACE, SCHEMA } from './database.js';
import { HostSlots } from './host-slots.js';
import { jobRetentionOptions, pruneHistory, type Retention } from './retention.js';
import { executeRun, type RunContext } from './run-sync.js';
import type { SyncWorker, WorkerOptions } from './sync-types.js';

/** Queue of run jobs: `{ connectionId }`, at most one waiting per connection. */
const RUN_QUEUE = 'org-sync-run';
/** Queue of delivery jobs: `{ connectionId, resource }`, at most one waiting per stream. */
const DELIVER_QUEUE = 'org-sync-deliver';
/** pg-boss's cron (one-minute granularity) puts one tick a minute here, for one worker. */
const TICK_QUEUE = 'org-sync-tick';
const DELIVERY_BATCH = 500;

/**
 * Starts pg-boss on the database and creates the queues (idempotent). Workers and `addSync`
 * share one instance per sync service.
 */
export async function startQueues(
  databaseUrl: string,
  options: { schedule: boolean; retention: Retention },
  log: (line: string) => void,
) {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 4,
    schedule: options.schedule,
    supervise: options.schedule,
    ...jobRetentionOptions(options.retention),
  });
  boss.on('error', (error) => log(`pg-boss: ${error.message}`));
  await boss.start();
  await boss.createQueue(RUN_QUEUE, { name: RUN_QUEUE, policy: 'short', retryLimit: 0 });
  await boss.createQueue(DELIVER_QUEUE, {
    name: DELIVER_QUEUE,
    policy: 'short',
    retryLimit: 20,
    retryDelay: 1,
    retryBackoff: true,
  });
  await boss.createQueue(TICK_QUEUE, { name: TICK_QUEUE, policy: 'short', retryLimit: 0 });
  return boss;
}

/** Queues a run of each connection (at most one waits per connection; more are dropped). */
export async function enqueueRunJobs(boss: PgBoss, connectionIds: string[], startAfterSeconds?: number) {
  if (connectionIds.length === 0) return;
  await boss.insert(
    connectionIds.map((connectionId) => ({
      name: RUN_QUEUE,
      data: { connectionId },
      singletonKey: connectionId,
      ...(startAfterSeconds ? { startAfter: new Date(Date.now() + startAfterSeconds * 1000) } : {}),
    })),
  );
}

interface RunJob {
  connectionId: string;
}
interface DeliverJob {
  connectionId: string;
  resource: string;
}

const streamKey = (job: DeliverJob) => `${job.connectionId}\n${job.resource}`;

/** Connections with a sync due, or with a run to resume (one whose process died or yielded). */
async function dueConnections(pool: pg.Pool): Promise<string[]> {
  const rows = await pool.query(
    `SELECT connection_id FROM ${SCHEMA}.syncs
      WHERE removed_at IS NULL AND paused_reason IS NULL AND next_run_at <= now()
     UNION
     SELECT connection_id FROM ${SCHEMA}.runs WHERE status = 'running'`,
  );
  return rows.rows.map((row) => row.connection_id);
}

async function undeliveredStreams(pool: pg.Pool): Promise<DeliverJob[]> {
  const rows = await pool.query(
    `SELECT connection_id, resource FROM ${SCHEMA}.syncs s WHERE EXISTS (
        SELECT 1 FROM ${SCHEMA}.changes c WHERE c.connection_id = s.connection_id
          AND c.resource = s.resource AND c.sequence > s.delivered_sequence)`,
  );
  return rows.rows.map((row) => ({ connectionId: row.connection_id, resource: row.resource }));
}

/** The resources of a connection to run now: due ones, and unfinished runs. */
async function resourcesToRun(pool: pg.Pool, connectionId: string): Promise<string[]> {
  const rows = await pool.query(
    `SELECT resource FROM ${SCHEMA}.syncs s WHERE connection_id = $1 AND removed_at IS NULL AND (
        (paused_reason IS NULL AND next_run_at <= now())
        OR EXISTS (SELECT 1 FROM ${SCHEMA}.runs r WHERE r.connection_id = s.connection_id
          AND r.resource = s.resource AND r.status = 'running'))
      ORDER BY resource`,
    [connectionId],
  );
  return rows.rows.map((row) => row.resource);
}

/**
 * Hands every change of a stream not yet delivered to `onChanges`, in order, a batch at a time.
 * The delivered mark moves only after the handler returns, so a handler that throws (or a
 * process that dies) gets the same changes, with the same ids, again. One process delivers a
 * stream at a time (an advisory lock), which keeps the order.
 */
async function deliver(pool: pg.Pool, job: DeliverJob, onChanges: NonNullable<WorkerOptions['onChanges']>) {
  const client = await pool.connect();
  try {
    const lock = `${LOCK_NAMESPACE}:deliver:${streamKey(job)}`;
    const taken = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [lock]);
    if (!taken.rows[0].ok) return;
    try {
      for (;;) {
        const rows = await client.query(
          `SELECT c.* FROM ${SCHEMA}.changes c JOIN ${SCHEMA}.syncs s USING (connection_id, resource)
            WHERE c.connection_id = $1 AND c.resource = $2 AND c.sequence > s.delivered_sequence
            ORDER BY c.sequence LIMIT $3`,
          [job.connectionId, job.resource, DELIVERY_BATCH],
        );
        if (rows.rows.length === 0) return;
        await onChanges(rows.rows.map(toChange));
        await client.query(
          `UPDATE ${SCHEMA}.syncs SET delivered_sequence = greatest(delivered_sequence, $3)
            WHERE connection_id = $1 AND resource = $2`,
          [job.connectionId, job.resource, rows.rows.at(-1).sequence],
        );
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lock]);
    }
  } finally {
    client.release();
  }
}

/**
 * Starts a worker on pg-boss: it runs due syncs (any number of workers, in any number of
 * processes, share them), resumes runs whose process died, and delivers changes.
 */
export async function startSyncWorker(
  context: RunContext,
  boss: PgBoss,
  options: WorkerOptions,
  retention: Retention,
): Promise<SyncWorker> {
  const concurrency = options.concurrency ?? 4;
  const slots = new HostSlots(options.concurrencyPerHost ?? concurrency);
  const sliceMs = (options.sliceSeconds ?? 60) * 1000;
  // Every run holds one client for its lock and borrows another per page.
  context.pool.options.max = Math.max(context.pool.options.max ?? 10, concurrency * 2 + 4);
  await boss.schedule(TICK_QUEUE, '* * * * *');
  const enqueueRuns = (connectionIds: string[], startAfter?: number) =>
    enqueueRunJobs(boss, connectionIds, startAfter);
  const enqueueDeliveries = (streams: DeliverJob[]) =>
    streams.length === 0 || !options.onChanges
      ? Promise.resolve()
      : boss.insert(
          streams.map((stream) => ({ name: DELIVER_QUEUE, data: stream, singletonKey: streamKey(stream) })),
        );

  const tick = async () => {
    await enqueueRuns(await dueConnections(context.pool));
    await enqueueDeliveries(await undeliveredStreams(context.pool));
    // pg-boss prunes its own jobs (its supervisor, every two minutes); the sync's history here.
    const pruned = await pruneHistory(context.pool, retention);
    if (pruned.changes + pruned.runs > 0) {
      context.log(`pruned ${pruned.changes} changes and ${pruned.runs} runs past their retention`);
    }
  };

  let stopping = false;
  const runConnection = async (connectionId: string) => {
    const started = Date.now();
    for (const resource of await resourcesToRun(context.pool, connectionId)) {
      const outcome = await executeRun(
        context,
        { connectionId, resource },
        {
          lock: 'try',
          shouldYield: () => stopping || Date.now() - started > sliceMs,
          enterHost: (host) => slots.enter(host),
        },
      );
      if (outcome.kind === 'busy') {
        // This process has its share of the host: look again shortly. (A connection locked by
        // another process is that process's to finish; the next tick finds what is left.)
        if (outcome.reason === 'host') await enqueueRuns([connectionId], 5);
        return;
      }
      if (outcome.result.created + outcome.result.updated + outcome.result.deleted > 0) {
        await enqueueDeliveries([{ connectionId, resource }]);
      }
      if (outcome.kind === 'yielded') {
        // Back of the queue: the other accounts waiting get a turn before this one goes on.
        await enqueueRuns([connectionId]);
        return;
      }
    }
  };

  const workerIds: string[] = [];
  for (let slot = 0; slot < concurrency; slot++) {
    workerIds.push(
      await boss.work<RunJob>(RUN_QUEUE, { batchSize: 1, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await runConnection(job.data.connectionId);
      }),
    );
  }
  if (options.onChanges) {
    const onChanges = options.onChanges;
    workerIds.push(
      await boss.work<DeliverJob>(
        DELIVER_QUEUE,
        { batchSize: 1, pollingIntervalSeconds: 0.5 },
        async ([job]) => {
          if (job) await deliver(context.pool, job.data, onChanges);
        },
      ),
    );
  }
  workerIds.push(await boss.work(TICK_QUEUE, { pollingIntervalSeconds: 1 }, () => tick()));
  const interval =
    options.tickSeconds !== undefined
      ? setInterval(() => void tick().catch(() => undefined), options.tickSeconds * 1000)
      : undefined;
  // A sync added while no worker ran is due already: look at once.
  await tick();

  return {
    tick,
    async stop() {
      // Runs in progress stop at their next checkpoint and are queued again for any worker.
      stopping = true;
      if (interval) clearInterval(interval);
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
