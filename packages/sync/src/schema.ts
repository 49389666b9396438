/**
 * The sync tables, in their own schema beside pg-boss's. Created on start, idempotently, in one
 * transaction under an advisory lock so that workers starting together do not race.
 *
 * - `syncs`: what to keep in step and its schedule and error state, one row per
 *   (connection, resource); a removed sync keeps its row (and change history) with `removed_at`.
 * - `runs`: every run with its checkpoint (`cursor`) and counts; at most one unfinished run per
 *   (connection, resource), which the next run resumes. A failed run keeps the cursor its error
 *   carried (null when it cannot be resumed); the next run of the same mode goes on from there
 *   in the same pass (`pass_run`, `pass_started_at`: the pass's first run and its start).
 * - `records`: the last known version of each record and its fingerprint.
 * - `changes`: the change feed, ordered by `sequence`.
 *
 * No credential is ever stored: workers ask the application for them on every run.
 */
const SCHEMA_VERSION = 1;

export function schemaStatements(schema: string): string[] {
  return [
    `CREATE SCHEMA IF NOT EXISTS ${schema}`,
    `CREATE TABLE IF NOT EXISTS ${schema}.syncs (
      connection_id text NOT NULL,
      resource text NOT NULL,
      every_minutes integer NOT NULL,
      full_every_minutes integer,
      created_at timestamptz NOT NULL DEFAULT now(),
      removed_at timestamptz,
      next_run_at timestamptz NOT NULL DEFAULT now(),
      last_run_at timestamptz,
      last_success_at timestamptz,
      last_full_success_at timestamptz,
      changed_since timestamptz,
      consecutive_failures integer NOT NULL DEFAULT 0,
      paused_reason text,
      last_error jsonb,
      delivered_sequence bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (connection_id, resource)
    )`,
    `CREATE INDEX IF NOT EXISTS syncs_due ON ${schema}.syncs (next_run_at)
      WHERE removed_at IS NULL AND paused_reason IS NULL`,
    `CREATE TABLE IF NOT EXISTS ${schema}.runs (
      id bigserial PRIMARY KEY,
      connection_id text NOT NULL,
      resource text NOT NULL,
      mode text NOT NULL,
      status text NOT NULL,
      filter jsonb NOT NULL DEFAULT '{}',
      cursor text,
      started_at timestamptz NOT NULL DEFAULT now(),
      checkpoint_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      pages integer NOT NULL DEFAULT 0,
      requests integer NOT NULL DEFAULT 0,
      created integer NOT NULL DEFAULT 0,
      updated integer NOT NULL DEFAULT 0,
      deleted integer NOT NULL DEFAULT 0,
      unchanged integer NOT NULL DEFAULT 0,
      error jsonb
    )`,
    // A pass (one complete listing) may span runs: a failed run's successor resumes from its
    // cursor, and deletions count what the whole pass saw, from its first run on.
    `ALTER TABLE ${schema}.runs ADD COLUMN IF NOT EXISTS pass_run bigint`,
    `ALTER TABLE ${schema}.runs ADD COLUMN IF NOT EXISTS pass_started_at timestamptz`,
    `CREATE UNIQUE INDEX IF NOT EXISTS runs_one_unfinished ON ${schema}.runs (connection_id, resource)
      WHERE status = 'running'`,
    `CREATE INDEX IF NOT EXISTS runs_latest ON ${schema}.runs (connection_id, resource, id DESC)`,
    `CREATE TABLE IF NOT EXISTS ${schema}.records (
      connection_id text NOT NULL,
      resource text NOT NULL,
      record_id text NOT NULL,
      fingerprint text NOT NULL,
      record jsonb NOT NULL,
      seen_run bigint NOT NULL,
      deleted_at timestamptz,
      PRIMARY KEY (connection_id, resource, record_id)
    )`,
    `CREATE TABLE IF NOT EXISTS ${schema}.changes (
      sequence bigserial PRIMARY KEY,
      connection_id text NOT NULL,
      resource text NOT NULL,
      record_id text NOT NULL,
      type text NOT NULL,
      record jsonb NOT NULL,
      run_id bigint NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX IF NOT EXISTS changes_by_stream ON ${schema}.changes (connection_id, resource, sequence)`,
    // Pruning finds old rows by time; rows are appended in time order, which a BRIN index
    // serves at almost no cost per insert.
    `CREATE INDEX IF NOT EXISTS changes_at ON ${schema}.changes USING brin (at)`,
    `CREATE INDEX IF NOT EXISTS runs_started ON ${schema}.runs USING brin (started_at)`,
    `CREATE TABLE IF NOT EXISTS ${schema}.version (version integer NOT NULL)`,
    `INSERT INTO ${schema}.version (version) SELECT ${SCHEMA_VERSION} WHERE NOT EXISTS (SELECT 1 FROM ${schema}.version)`,
  ];
}
