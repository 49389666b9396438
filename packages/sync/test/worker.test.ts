import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createEngine } from '@org/engine';
import { type OktaSandbox, oktaAccountToken, startSandbox } from '@org/sandbox';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Change, createSync, type Sync, type SyncOptions } from '../src/index.js';
import { createTestDatabase } from './test-database.js';

const SEED = 5;
const CURSOR_SECRET = 'worker-test-cursor-secret-0123';
const users = 'user-directory/users';
let sandbox: OktaSandbox;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
const services: Sync[] = [];
const children: ChildProcess[] = [];

const resolveConnection: SyncOptions['resolveConnection'] = (connectionId) => ({
  provider: 'okta',
  params: { domain: `${connectionId}.okta.com` },
  auth: { method: 'api_token', token: oktaAccountToken(SEED, Number(connectionId.split('-')[1])) },
  baseUrl: sandbox.url,
});

async function service(pageSize = 50): Promise<Sync> {
  const sync = await createSync({
    engine: createEngine({ cursorSecret: CURSOR_SECRET, onWarning: () => undefined }),
    database: database.url,
    pageSize,
    resolveConnection,
  });
  services.push(sync);
  return sync;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const lastRunStatus = async (connectionId: string) =>
  (
    await pool.query('SELECT status FROM org_sync.runs WHERE connection_id = $1 ORDER BY id DESC LIMIT 1', [
      connectionId,
    ])
  ).rows[0]?.status;

beforeAll(async () => {
  // Every response takes 40 ms, so that runs last long enough to be caught in the middle.
  sandbox = await startSandbox({
    provider: 'okta',
    users: 300,
    seed: SEED,
    rateLimit: false,
    faults: { latencyMs: 40 },
  });
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  for (const sync of services) await sync.close();
  await pool?.end();
  await database?.drop();
  await sandbox?.close();
});

describe('workers', () => {
  it('run a newly added sync at once and deliver its changes, again after a handler throws', async () => {
    const sync = await service();
    const deliveries: Change[][] = [];
    let failures = 0;
    await sync.startWorker({
      concurrency: 2,
      onChanges: (changes) => {
        deliveries.push(changes);
        if (failures++ === 0) throw new Error('the application was not ready');
      },
    });
    await sync.addSync({ connectionId: 'account-1', resource: users });
    const delivered = await waitFor('two deliveries', async () =>
      deliveries.flat().length >= 600 ? deliveries : undefined,
    );
    const firstAttempt = delivered[0]!.map((change) => change.id);
    const ids = delivered.flat().map((change) => change.id);
    // The failed batch came again with the same ids, then everything once more was not needed.
    expect(ids.slice(firstAttempt.length, firstAttempt.length * 2)).toEqual(firstAttempt);
    expect(new Set(ids).size).toBe(300);
    expect(delivered.flat().every((change) => change.type === 'created')).toBe(true);
    const [state] = await waitFor('the delivery mark', async () => {
      const status = await sync.status({ connectionId: 'account-1' });
      return status[0]?.undeliveredChanges === 0 ? status : undefined;
    });
    expect(state).toMatchObject({ lastRun: { status: 'succeeded', created: 300 }, consecutiveFailures: 0 });
  });

  it('never run one connection twice at once, across processes', async () => {
    const [first, second] = [await service(), await service()];
    const connections = ['account-2', 'account-3'];
    for (const connectionId of connections) await first.addSync({ connectionId, resource: users });
    const runs = connections.flatMap((connectionId) =>
      [first, second, first, second].map((sync) =>
        sync.runOnce({ connectionId, resource: users, mode: 'full' }),
      ),
    );
    const results = await Promise.all(runs);
    expect(results.every((result) => result.status === 'succeeded')).toBe(true);
    for (const connectionId of connections) {
      const rows = await pool.query(
        `SELECT started_at, finished_at FROM org_sync.runs WHERE connection_id = $1 AND status = 'succeeded' ORDER BY started_at`,
        [connectionId],
      );
      expect(rows.rows.length).toBeGreaterThanOrEqual(4);
      for (let index = 1; index < rows.rows.length; index++) {
        expect(rows.rows[index].started_at.getTime()).toBeGreaterThanOrEqual(
          rows.rows[index - 1].finished_at.getTime(),
        );
      }
      // Four full runs of an unchanged directory: created once, never twice.
      const created = await pool.query(
        `SELECT count(*)::int AS n, count(DISTINCT record_id)::int AS distinct FROM org_sync.changes WHERE connection_id = $1`,
        [connectionId],
      );
      expect(created.rows[0]).toEqual({ n: 300, distinct: 300 });
    }
  });

  it('resume a run on another worker after its process is killed, losing and doubling nothing', async () => {
    const sync = await service(20);
    const child = spawn(
      process.execPath,
      ['--conditions=@org/source', '--import', 'tsx', 'test/worker-process.ts'],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          SANDBOX_URL: sandbox.url,
          SANDBOX_SEED: String(SEED),
          CURSOR_SECRET,
          PAGE_SIZE: '20',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(child);
    await once(child.stdout!, 'data');
    await sync.addSync({ connectionId: 'account-4', resource: users });
    await waitFor('the other process to commit some pages', async () => {
      const row = await pool.query(
        `SELECT pages FROM org_sync.runs WHERE connection_id = 'account-4' AND status = 'running'`,
      );
      return row.rows[0]?.pages >= 3 ? true : undefined;
    });
    child.kill('SIGKILL');
    await once(child, 'exit');
    const checkpoint = (
      await pool.query(`SELECT id, pages FROM org_sync.runs WHERE connection_id = 'account-4'`)
    ).rows;
    expect(checkpoint).toHaveLength(1);
    expect(checkpoint[0].pages).toBeLessThan(15);

    await sync.startWorker({ concurrency: 1, tickSeconds: 1 });
    await waitFor('the run to finish here', async () =>
      (await lastRunStatus('account-4')) === 'succeeded' ? true : undefined,
    );
    const runs = (
      await pool.query(`SELECT id, created, pages FROM org_sync.runs WHERE connection_id = 'account-4'`)
    ).rows;
    // The same run, resumed from its checkpoint (by whichever worker came first), not a new one.
    expect(runs).toEqual([{ id: checkpoint[0].id, created: 300, pages: expect.any(Number) }]);
    expect(runs[0].pages).toBeGreaterThan(checkpoint[0].pages);
    const changes = await pool.query(
      `SELECT count(*)::int AS n, count(DISTINCT record_id)::int AS distinct FROM org_sync.changes WHERE connection_id = 'account-4'`,
    );
    expect(changes.rows[0]).toEqual({ n: 300, distinct: 300 });
  });

  it('let small accounts through while a large one yields between pages', async () => {
    // This worker alone: the ones of the tests before would take jobs in parallel.
    for (const earlier of services.splice(0)) await earlier.close();
    const large = await startSandbox({
      provider: 'okta',
      users: 2000,
      seed: SEED,
      rateLimit: false,
      faults: { latencyMs: 40 },
    });
    try {
      const sync = await createSync({
        engine: createEngine({ cursorSecret: CURSOR_SECRET, onWarning: () => undefined }),
        database: database.url,
        pageSize: 100,
        resolveConnection: (connectionId) =>
          connectionId === 'large-1'
            ? { provider: 'okta', ...large.connection }
            : resolveConnection(connectionId),
      });
      services.push(sync);
      await sync.addSync({ connectionId: 'large-1', resource: users });
      // One run at a time in this process; the large run gives its slot back after each slice.
      await sync.startWorker({ concurrency: 1, sliceSeconds: 0.3 });
      await waitFor('the large run to start', async () =>
        (await lastRunStatus('large-1')) === 'running' ? true : undefined,
      );
      const small = ['account-6', 'account-7', 'account-8'];
      for (const connectionId of small) await sync.addSync({ connectionId, resource: users });
      await waitFor(
        'every run to finish',
        async () => {
          const statuses = await Promise.all([...small, 'large-1'].map(lastRunStatus));
          return statuses.every((status) => status === 'succeeded') ? true : undefined;
        },
        60_000,
      );
      const finished = await pool.query(
        `SELECT connection_id, finished_at FROM org_sync.runs WHERE connection_id = ANY($1) ORDER BY finished_at`,
        [[...small, 'large-1']],
      );
      expect(finished.rows.at(-1).connection_id).toBe('large-1');
      const large1 = await pool.query(
        `SELECT created, pages FROM org_sync.runs WHERE connection_id = 'large-1'`,
      );
      expect(large1.rows).toEqual([{ created: 2000, pages: 20 }]);
    } finally {
      await large.close();
    }
  });

  it('write no credential to Postgres, job payloads included', async () => {
    const tables = await pool.query(
      `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('org_sync', 'pgboss')`,
    );
    expect(tables.rows.length).toBeGreaterThan(4);
    const tokens = [1, 2, 3, 4].map((account) => oktaAccountToken(SEED, account));
    for (const { table_schema, table_name } of tables.rows) {
      const dump = await pool.query(
        `SELECT coalesce(string_agg(t::text, ''), '') AS text FROM ${table_schema}."${table_name}" t`,
      );
      for (const token of tokens) expect(dump.rows[0].text).not.toContain(token);
    }
  });
});
