/**
 * `@org/sync`: keeps many customers' accounts in step through `@org/engine`. Runs list a
 * resource page by page and checkpoint after each page; each record's fingerprint tells
 * created, updated and (after a complete full run) deleted records; changes go to a durable,
 * ordered feed and to workers' `onChanges`. State lives in PostgreSQL, work is shared through
 * pg-boss, and with no database URL an embedded Postgres is started.
 *
 * @packageDocumentation
 */

export { createSync } from './create-sync.js';
export { type EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';
export { formatInterval, parseInterval } from './intervals.js';
export type {
  Change,
  ChangePage,
  Interval,
  ResolvedConnection,
  ResourceStatus,
  RetentionOptions,
  RunMode,
  RunResult,
  Sync,
  SyncDefinition,
  SyncOptions,
  SyncWorker,
  WorkerOptions,
} from './sync-types.js';
