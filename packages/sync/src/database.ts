import pg from 'pg';
import { EmbeddedPostgresError, startEmbeddedPostgres } from './embedded-postgres.js';
import { schemaStatements } from './schema.js';
import { syncError } from './sync-errors.js';

/** The schema holding the sync tables; pg-boss keeps its own (`pgboss`). */
export const SCHEMA = 'org_sync';

/** An open database: a pool of connections and how to close it (stopping an embedded server). */
export interface Database {
  pool: pg.Pool;
  /** The connection string, for pg-boss. */
  url: string;
  close(): Promise<void>;
}

/** A key for Postgres advisory locks: the same text always gives the same lock. */
export const LOCK_NAMESPACE = 'org-sync';

/**
 * Opens `database` (a connection string, or `'embedded'` for a server in `dataDir`) and creates
 * the tables if needed.
 */
export async function openDatabase(database: string, dataDir: string): Promise<Database> {
  const embedded =
    database === 'embedded'
      ? await startEmbeddedPostgres(dataDir).catch((error: unknown) => {
          if (!(error instanceof EmbeddedPostgresError)) throw error;
          throw syncError(error.code, error.message);
        })
      : undefined;
  const url = embedded?.url ?? database;
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw syncError('invalid_request', "database must be a postgres:// connection string or 'embedded'");
  }
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    await embedded?.stop();
    throw syncError('internal_error', `could not prepare the sync tables: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    pool,
    url,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}

async function migrate(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${LOCK_NAMESPACE}:schema`]);
    for (const statement of schemaStatements(SCHEMA)) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Runs `work` in one transaction on one client of the pool. */
export async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
