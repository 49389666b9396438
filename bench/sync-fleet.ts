/**
 * Many accounts synced by several worker processes on one Postgres (see bench/README.md):
 *
 *   node --conditions=@org/source --import ./bench/compile-as-built.mjs bench/sync-fleet.ts --accounts 1000 --users 200 --workers 3
 *
 * One Okta sandbox (in its own process) serves every account, one org per token; each worker
 * process runs `startWorker({ concurrency })`. Phase 1 adds every sync (due at once: the first,
 * full runs); phase 2 makes every sync due again, as its 15-minute schedule would (incremental
 * runs, found by the one-minute tick); phase 3 does the same with full runs. Prints a Markdown
 * table. Uses DATABASE_URL, else an embedded Postgres in the temp folder.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createEngine } from '../packages/engine/src/index.js';
import { oktaAccountToken } from '../packages/sandbox/src/index.js';
import { createSync, startEmbeddedPostgres } from '../packages/sync/src/index.js';
import { numberOption, table } from './measure.js';
import { startRemoteSandbox } from './remote-sandbox.js';

const accounts = numberOption('accounts', 1000);
const users = numberOption('users', 200);
const workerCount = numberOption('workers', 3);
const concurrency = numberOption('concurrency', 8);
const SEED = 42;
const resource = 'user-directory/users';

/** CPU seconds of a process and of its waited-for children, from /proc (Linux). */
async function processCpuSeconds(pid: number): Promise<number> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index]), 0);
  return ticks / 100;
}

/** CPU of the database server: the postmaster, its exited backends, and the live ones. */
async function databaseCpuSeconds(pool: pg.Pool): Promise<number | undefined> {
  try {
    const pids = (await pool.query('SELECT pid FROM pg_stat_activity')).rows.map((row) => Number(row.pid));
    const postmaster = Number(
      (await readFile(join(await dataDirectory(pool), 'postmaster.pid'), 'utf8')).split('\n')[0],
    );
    let total = await processCpuSeconds(postmaster);
    for (const pid of pids) total += await processCpuSeconds(pid).catch(() => 0);
    return total;
  } catch {
    return undefined; // a remote server (DATABASE_URL): not measurable from here
  }
}

async function dataDirectory(pool: pg.Pool): Promise<string> {
  return (await pool.query('SHOW data_directory')).rows[0].data_directory;
}

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

async function main() {
  const folder = join(tmpdir(), `org-sync-bench-${process.pid}`);
  const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(folder);
  const url = process.env.DATABASE_URL ?? embedded!.url;
  const sandbox = await startRemoteSandbox(users, SEED);
  const sync = await createSync({
    engine: createEngine({ cursorSecret: 'bench-cursor-secret-0123456789' }),
    database: url,
    resolveConnection: (connectionId) => ({
      provider: 'okta',
      params: { domain: `${connectionId}.okta.com` },
      auth: { method: 'api_token', token: oktaAccountToken(SEED, Number(connectionId.split('-')[1])) },
      baseUrl: sandbox.url,
    }),
  });
  const pool = new pg.Pool({ connectionString: url });
  await pool.query('TRUNCATE org_sync.syncs, org_sync.runs, org_sync.records, org_sync.changes');
  const workers = await Promise.all(
    Array.from({ length: workerCount }, async () => {
      const child = spawn(
        process.execPath,
        ['--conditions=@org/source', '--import', './bench/compile-as-built.mjs', 'bench/sync-worker.ts'],
        {
          env: {
            ...process.env,
            DATABASE_URL: url,
            SANDBOX_URL: sandbox.url,
            SANDBOX_SEED: String(SEED),
            CONCURRENCY: String(concurrency),
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      await once(child.stdout!, 'data');
      return child;
    }),
  );
  const rows: Array<Array<string | number>> = [];
  const databaseCpuStart = await databaseCpuSeconds(pool);
  let serverCpu = (await sandbox.stats()).cpuMs;

  /** Runs a phase; `dueAt` is when the runs became due: each sync's creation, or one instant. */
  const phase = async (name: string, start: () => Promise<Date | undefined>) => {
    const before = await databaseCpuSeconds(pool);
    const startedAt = Date.now();
    const runsBefore = Number(
      (await pool.query('SELECT coalesce(max(id), 0) AS id FROM org_sync.runs')).rows[0].id,
    );
    const dueAt = await start();
    for (;;) {
      const done = await pool.query(
        `SELECT count(*)::int AS n FROM org_sync.runs WHERE id > $1 AND status = 'succeeded'`,
        [runsBefore],
      );
      if (done.rows[0].n >= accounts) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const seconds = (Date.now() - startedAt) / 1000;
    const runs = await pool.query(
      `SELECT extract(epoch FROM r.finished_at - coalesce($2, s.created_at)) AS wait,
          r.created + r.updated + r.unchanged AS records
        FROM org_sync.runs r JOIN org_sync.syncs s USING (connection_id, resource)
        WHERE r.id > $1 AND r.status = 'succeeded'`,
      [runsBefore, dueAt ?? null],
    );
    const waits = runs.rows.map((row) => Number(row.wait));
    const records = runs.rows.reduce((sum, row) => sum + Number(row.records), 0);
    const after = await databaseCpuSeconds(pool);
    const server = (await sandbox.stats()).cpuMs;
    rows.push([
      name,
      accounts,
      seconds.toFixed(1),
      ((accounts / seconds) * 60).toFixed(0),
      (records / seconds).toFixed(0),
      percentile(waits, 0.5).toFixed(1),
      percentile(waits, 0.95).toFixed(1),
      before === undefined || after === undefined ? 'n/a' : (after - before).toFixed(1),
      ((server - serverCpu) / 1000).toFixed(1),
    ]);
    serverCpu = server;
    console.error(`${name}: ${accounts} accounts in ${seconds.toFixed(1)} s`);
  };

  await phase('first sync (full, all created)', async () => {
    for (let account = 0; account < accounts; account++) {
      await sync.addSync({ connectionId: `account-${account}`, resource, every: '15m', fullEvery: '24h' });
    }
    return undefined;
  });
  // As the schedule would after 15 minutes: every sync due now, for the one-minute tick to find.
  const dueNow = (setFull: boolean) => async () => {
    const row = await pool.query(
      `UPDATE org_sync.syncs SET next_run_at = now()${setFull ? ', last_full_success_at = NULL' : ''} RETURNING now() AS at`,
    );
    return row.rows[0].at as Date;
  };
  await phase('due again (incremental, nothing changed)', dueNow(false));
  await phase('due again (full, nothing changed)', dueNow(true));

  const size = (await pool.query('SELECT pg_database_size(current_database()) AS bytes')).rows[0].bytes;
  const workerStats = await Promise.all(
    workers.map(async (child) => {
      const output: string[] = [];
      child.stdout!.on('data', (chunk) => output.push(String(chunk)));
      child.kill('SIGTERM');
      const [code, signal] = await once(child, 'exit');
      if (output.length === 0) throw new Error(`a worker exited without its figures (${signal ?? code})`);
      return JSON.parse(output.join('').trim().split('\n').at(-1)!) as { cpuMs: number; maxRssMb: number };
    }),
  );
  const databaseCpuEnd = await databaseCpuSeconds(pool);
  console.log(
    `\n${accounts} accounts x ${users} users, ${workerCount} worker processes x ${concurrency} runs at once, one Postgres\n`,
  );
  console.log(
    table(
      [
        'phase',
        'accounts',
        'seconds',
        'accounts/min',
        'records/s',
        'p50 due->done s',
        'p95 due->done s',
        'Postgres CPU s',
        'sandbox CPU s',
      ],
      rows,
    ),
  );
  const workerCpu = workerStats.reduce((sum, stats) => sum + stats.cpuMs, 0) / 1000;
  console.log(
    `\nworkers: ${workerCpu.toFixed(1)} CPU s in all (${workerStats.map((stats) => `${(stats.cpuMs / 1000).toFixed(1)} s, ${stats.maxRssMb.toFixed(0)} MB peak RSS`).join('; ')})`,
  );
  if (databaseCpuStart !== undefined && databaseCpuEnd !== undefined) {
    console.log(`Postgres: ${(databaseCpuEnd - databaseCpuStart).toFixed(1)} CPU s in all`);
  }
  console.log(
    `database size: ${(Number(size) / 1024 / 1024).toFixed(1)} MB (${(Number(size) / accounts / 1024).toFixed(1)} KB per account)`,
  );
  await pool.end();
  await sync.close();
  await sandbox.close();
  await embedded?.stop();
  if (embedded) await rm(folder, { recursive: true, force: true });
}

await main();
