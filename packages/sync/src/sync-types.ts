import type { AuthCredentials, Engine } from '@org/engine';

/** What `resolveConnection` returns: how to reach one customer's account, credentials included. */
export interface ResolvedConnection {
  /** Provider id, as listed by `engine.providers()`. */
  provider: string;
  params?: Record<string, string>;
  auth: AuthCredentials;
  baseUrl?: string;
}

/** Options of {@link createSync}. */
export interface SyncOptions {
  /** An engine created with a `cursorSecret`: cursors are checkpoints that other processes resume. */
  engine: Engine;
  /** A Postgres connection string (any Postgres >= 13), or `'embedded'` (the default) to start one. */
  database?: string;
  /** Embedded database only: its folder. Default: `.org-sync` in the working directory. */
  dataDir?: string;
  /**
   * Called at the start of every run, on whichever worker runs it: the credentials stay the
   * application's and are never written to Postgres, job payloads or logs.
   */
  resolveConnection(connectionId: string): Promise<ResolvedConnection> | ResolvedConnection;
  /** Page size asked of the provider. Default: the provider's maximum (capped at 1,000). */
  pageSize?: number;
  /** How far back before the last successful run an incremental run looks. Default: 2 minutes. */
  overlapSeconds?: number;
  /** Progress and problems, one line each; never a secret. Default: none. */
  onLog?: (line: string) => void;
  /** How long history is kept; see {@link RetentionOptions}. */
  retention?: RetentionOptions;
}

/**
 * How long history is kept, as intervals (`'30d'`, `'12h'`). Workers prune at each tick; a
 * reader of the change feed that falls further behind than `changes` misses what was pruned.
 */
export interface RetentionOptions {
  /** Change rows, from when they were recorded, delivered or not. Default: `'30d'`. */
  changes?: Interval | string;
  /** Finished runs, except the latest of each connection and resource. Default: `'30d'`. */
  runs?: Interval | string;
  /** Finished pg-boss jobs (completed or failed), from when they finished. Default: `'1d'`. */
  jobs?: Interval | string;
}

/** Interval text: a whole number of minutes, hours or days, e.g. `'15m'`, `'1h'`, `'1d'`. */
export type Interval = `${number}${'m' | 'h' | 'd'}`;

/** What {@link Sync.addSync} keeps in step. */
export interface SyncDefinition {
  connectionId: string;
  /** `model/resource`, e.g. `user-directory/users`. */
  resource: string;
  /** How often to run. Schedules have one-minute granularity. Default: `'15m'`. */
  every?: Interval | string;
  /**
   * How often a run is a full listing, which is what finds deletions. Default: `'24h'`.
   * Resources without an incremental filter always run full.
   */
  fullEvery?: Interval | string;
}

export type RunMode = 'full' | 'incremental';

/** The outcome of one run. */
export interface RunResult {
  status: 'succeeded' | 'failed';
  mode: RunMode;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  pages: number;
  /**
   * HTTP requests behind the pages committed: retries, redirects, token requests and the
   * requests of fan-out or joined listings included (those of a page that failed are not).
   */
  requests: number;
  error?: { code: string; message: string };
}

/** One change of one record. */
export interface Change {
  /** Stable across redeliveries: use it to make the handler idempotent. */
  id: string;
  type: 'created' | 'updated' | 'deleted';
  connectionId: string;
  resource: string;
  recordId: string;
  /** The unified record (without `remote_data`); for `deleted`, the last version seen. */
  record: Record<string, unknown>;
  /** When the change was recorded (ISO 8601). */
  at: string;
}

/** A page of the change feed. */
export interface ChangePage {
  changes: Change[];
  /** Pass as `after` to read on; stays valid forever. */
  next: string;
}

/** The state of one synced resource of a connection. */
export interface ResourceStatus {
  connectionId: string;
  resource: string;
  every: string;
  fullEvery: string | null;
  removed: boolean;
  /** The latest run; `running` while it is in progress or waiting to be resumed. */
  lastRun:
    | (Omit<RunResult, 'status'> & {
        status: RunResult['status'] | 'running';
        startedAt: string;
        finishedAt: string | null;
      })
    | null;
  nextRunAt: string | null;
  lastSuccessAt: string | null;
  /** Seconds since the data was last known to be in step (the last successful run started). */
  lagSeconds: number | null;
  consecutiveFailures: number;
  /** `unauthorized` or `forbidden`: the sync waits until `addSync` is called again. */
  pausedReason: string | null;
  error: { code: string; message: string } | null;
  /** Changes recorded but not yet handled by a worker's `onChanges`. */
  undeliveredChanges: number;
}

/** Options of {@link Sync.startWorker}. */
export interface WorkerOptions {
  /** Runs at once in this process. Default: 4. */
  concurrency?: number;
  /** Runs at once per provider host (base URL origin), so that one provider cannot fill every slot. Default: concurrency. */
  concurrencyPerHost?: number;
  /** A run yields its slot after this long, between pages, and resumes behind the queue. Default: 60 s. */
  sliceSeconds?: number;
  /** Receives new changes in order per (connection, resource); throw to have them delivered again. */
  onChanges?: (changes: Change[]) => Promise<void> | void;
  /** How often to look for due syncs. Default: 60 s (pg-boss schedules have one-minute granularity). */
  tickSeconds?: number;
}

/** A running worker. */
export interface SyncWorker {
  /** Looks for due syncs now, instead of waiting for the next tick. */
  tick(): Promise<void>;
  /** Stops taking work and waits for the runs in progress to reach a checkpoint. */
  stop(): Promise<void>;
}

/** The sync service. */
export interface Sync {
  addSync(definition: SyncDefinition): Promise<void>;
  removeSync(target: { connectionId: string; resource: string }): Promise<void>;
  runOnce(target: { connectionId: string; resource: string; mode?: RunMode }): Promise<RunResult>;
  startWorker(options?: WorkerOptions): Promise<SyncWorker>;
  changes(query: {
    connectionId: string;
    resource?: string;
    after?: string;
    limit?: number;
  }): Promise<ChangePage>;
  status(query: { connectionId: string }): Promise<ResourceStatus[]>;
  /**
   * Deletes history past its retention now (workers also do it at each tick): change rows and
   * finished runs, and pg-boss's finished jobs. Returns how many changes and runs went.
   */
  prune(): Promise<{ changes: number; runs: number }>;
  close(): Promise<void>;
}
