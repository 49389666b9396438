import { EngineError } from '@org/engine';
import type PgBoss from 'pg-boss';
import { readChanges } from './change-feed.js';
import { openDatabase } from './database.js';
import { pruneHistory, retentionOf } from './retention.js';
import { executeRun, type RunContext } from './run-sync.js';
import { syncError } from './sync-errors.js';
import {
  checkServed,
  checkTarget,
  markRemoved,
  readStatus,
  requireSync,
  upsertSync,
} from './sync-registry.js';
import type { Sync, SyncOptions, SyncWorker } from './sync-types.js';
import { enqueueRunJobs, startQueues, startSyncWorker } from './worker.js';

const MODES = new Set(['full', 'incremental', undefined]);

/**
 * Creates the sync service on a Postgres database (the embedded one by default) and creates
 * its tables if needed. Many services, in many processes, may share one database.
 *
 * @example
 * ```ts
 * const sync = await createSync({ engine, resolveConnection: (id) => loadConnection(id) });
 * await sync.addSync({ connectionId: 'acme', resource: 'user-directory/users', every: '15m' });
 * const run = await sync.runOnce({ connectionId: 'acme', resource: 'user-directory/users' });
 * await sync.close();
 * ```
 */
export async function createSync(options: SyncOptions): Promise<Sync> {
  if (!options?.engine || typeof options.engine.connect !== 'function') {
    throw syncError('invalid_request', 'createSync needs an engine from createEngine({ cursorSecret })');
  }
  if (typeof options.resolveConnection !== 'function') {
    throw syncError('invalid_request', 'createSync needs resolveConnection(connectionId)');
  }
  const retention = retentionOf(options.retention);
  const database = await openDatabase(options.database ?? 'embedded', options.dataDir ?? '.org-sync');
  const log = options.onLog ?? (() => undefined);
  const context: RunContext = {
    pool: database.pool,
    engine: options.engine,
    resolveConnection: options.resolveConnection,
    pageSize: options.pageSize,
    overlapSeconds: options.overlapSeconds ?? 120,
    log,
  };
  // Sending jobs (addSync) needs pg-boss but not its scheduler; each worker starts its own.
  let sender: Promise<PgBoss> | undefined;
  const senderBoss = () => {
    sender ??= startQueues(database.url, { schedule: false, retention }, log);
    return sender;
  };
  const workers: { worker: SyncWorker; boss: PgBoss }[] = [];

  return {
    async addSync(definition) {
      checkTarget(definition ?? {});
      const resolved = await options.resolveConnection(definition.connectionId);
      checkServed(options.engine, resolved, definition.resource);
      await upsertSync(database.pool, definition);
      // Runs at once: a worker anywhere picks the job up.
      await enqueueRunJobs(await senderBoss(), [definition.connectionId]);
    },
    async removeSync(target) {
      checkTarget(target ?? {});
      await markRemoved(database.pool, target);
    },
    async runOnce(target) {
      checkTarget(target ?? {});
      if (!MODES.has(target.mode)) {
        throw syncError(
          'invalid_request',
          `mode must be 'full' or 'incremental', got ${JSON.stringify(target.mode)}`,
        );
      }
      await requireSync(database.pool, target);
      const outcome = await executeRun(context, target, { lock: 'wait' });
      if (outcome.kind !== 'finished') throw new EngineError('internal_error', '[sync] run did not finish');
      return outcome.result;
    },
    async startWorker(workerOptions = {}) {
      const boss = await startQueues(database.url, { schedule: true, retention }, log);
      const worker = await startSyncWorker(context, boss, workerOptions, retention);
      workers.push({ worker, boss });
      return worker;
    },
    changes: (query) => {
      checkTarget(query ?? {});
      return readChanges(database.pool, query);
    },
    status: (query) => {
      checkTarget(query ?? {});
      return readStatus(database.pool, query.connectionId);
    },
    async prune() {
      const pruned = await pruneHistory(database.pool, retention);
      await (await senderBoss()).maintain();
      return pruned;
    },
    async close() {
      for (const { worker } of workers.splice(0)) await worker.stop();
      if (sender) await (await sender).stop({ graceful: true, wait: true, timeout: 30_000 });
      await database.close();
    },
  };
}
