import { createEngine } from '@org/engine';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSync, type Sync } from '../src/index.js';
import { createTestDatabase } from './test-database.js';

const users = 'user-directory/users';
const engine = createEngine({ cursorSecret: 'retention-test-cursor-secret-01', onWarning: () => undefined });
let sandbox: OktaSandbox;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
let sync: Sync;

async function count(sql: string): Promise<number> {
  return Number((await pool.query(sql)).rows[0].count);
}

async function waitFor(what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 30, seed: 8, rateLimit: false });
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
  sync = await createSync({
    engine,
    database: database.url,
    retention: { changes: '1d', runs: '1d', jobs: '2h' },
    resolveConnection: (connectionId) => ({
      provider: 'okta',
      ...sandbox.account(Number(connectionId.split('-')[1])).connection,
    }),
  });
});

afterAll(async () => {
  await sync?.close();
  await pool?.end();
  await database?.drop();
  await sandbox?.close();
});

describe('retention', () => {
  it('prunes changes and finished runs older than their retention, keeping the latest run', async () => {
    await sync.addSync({ connectionId: 'account-1', resource: users });
    for (let run = 0; run < 3; run++) await sync.runOnce({ connectionId: 'account-1', resource: users });
    sandbox.account(1).tenant.edits.churn({ added: 2 });
    await sync.runOnce({ connectionId: 'account-1', resource: users });
    const all = (await sync.changes({ connectionId: 'account-1', resource: users, limit: 1000 })).changes;
    expect(all).toHaveLength(32);

    // The first 30 changes and every run were recorded two days ago.
    await pool.query(`UPDATE org_sync.changes SET at = now() - interval '2 days' WHERE sequence <= (
        SELECT sequence FROM org_sync.changes ORDER BY sequence OFFSET 29 LIMIT 1)`);
    await pool.query(`UPDATE org_sync.runs SET started_at = now() - interval '2 days'`);
    expect(await sync.prune()).toEqual({ changes: 30, runs: 3 });

    const kept = (await sync.changes({ connectionId: 'account-1', resource: users, limit: 1000 })).changes;
    expect(kept.map((change) => change.id)).toEqual(all.slice(30).map((change) => change.id));
    // The latest run stays, whatever its age: status reports it.
    const [state] = await sync.status({ connectionId: 'account-1' });
    expect(state?.lastRun).toMatchObject({ status: 'succeeded', created: 2 });
    expect(await sync.prune()).toEqual({ changes: 0, runs: 0 });
  });

  it("has pg-boss archive finished jobs after an hour and delete them once the jobs' retention passed", async () => {
    await sync.addSync({ connectionId: 'account-2', resource: users });
    const worker = await sync.startWorker({ concurrency: 1 });
    const finished = "SELECT count(*) FROM pgboss.job WHERE name = 'org-sync-run' AND state = 'completed'";
    await waitFor('the run job to complete', async () => (await count(finished)) > 0);
    await worker.stop();
    const jobs = await count(finished);

    await sync.prune();
    expect(await count(finished)).toBe(jobs);
    await pool.query(
      "UPDATE pgboss.job SET completed_on = now() - interval '61 minutes' WHERE name = 'org-sync-run' AND state = 'completed'",
    );
    await sync.prune();
    expect(await count(finished)).toBe(0);
    const archived = "SELECT count(*) FROM pgboss.archive WHERE name = 'org-sync-run'";
    expect(await count(archived)).toBe(jobs);

    await pool.query("UPDATE pgboss.archive SET archived_on = now() - interval '59 minutes'");
    await sync.prune();
    expect(await count(archived)).toBe(jobs);
    await pool.query("UPDATE pgboss.archive SET archived_on = now() - interval '61 minutes'");
    await sync.prune();
    expect(await count(archived)).toBe(0);
  });

  it('refuses a retention that is not an interval, before touching the database', async () => {
    await expect(
      createSync({
        engine,
        database: 'postgres://nobody@127.0.0.1:1/none',
        retention: { changes: '10s' },
        resolveConnection: () => ({ provider: 'okta', auth: { method: 'api_token', token: 'x' } }),
      }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: expect.stringContaining('retention.changes'),
    });
  });
});
