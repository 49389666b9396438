import { createEngine } from '@org/engine';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSync, type Sync } from '../src/index.js';
import { createTestDatabase } from './test-database.js';

const users = 'user-directory/users';
/** Two provider hosts: three connections on the first, two on the second. */
let hosts: OktaSandbox[];
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: pg.Pool;
let sync: Sync;

const hostOf = (connectionId: string) => Number(connectionId.split('-')[1]);

interface RunSpan {
  connection_id: string;
  started_at: Date;
  finished_at: Date;
}

const overlap = (one: RunSpan, other: RunSpan) =>
  one.started_at < other.finished_at && other.started_at < one.finished_at;

beforeAll(async () => {
  // Every response takes 300 ms, so runs on different hosts are seen side by side.
  hosts = await Promise.all(
    [1, 2].map((seed) =>
      startSandbox({ provider: 'okta', users: 20, seed, rateLimit: false, faults: { latencyMs: 300 } }),
    ),
  );
  database = await createTestDatabase();
  pool = new pg.Pool({ connectionString: database.url });
  sync = await createSync({
    engine: createEngine({ cursorSecret: 'host-cap-test-cursor-secret-01', onWarning: () => undefined }),
    database: database.url,
    resolveConnection: (connectionId) => {
      const [, host, account] = connectionId.split('-').map(Number);
      return { provider: 'okta', ...hosts[host! - 1]!.account(account!).connection };
    },
  });
});

afterAll(async () => {
  await sync?.close();
  await pool?.end();
  await database?.drop();
  for (const host of hosts ?? []) await host.close();
});

describe('concurrencyPerHost', () => {
  it('runs at most that many runs per provider host at once, while other hosts go on', {
    timeout: 60_000,
  }, async () => {
    const connections = ['host-1-1', 'host-2-1', 'host-1-2', 'host-2-2', 'host-1-3'];
    for (const connectionId of connections) await sync.addSync({ connectionId, resource: users });
    await sync.startWorker({ concurrency: 3, concurrencyPerHost: 1 });
    const spans = await (async () => {
      const deadline = Date.now() + 50_000;
      for (;;) {
        const rows = await pool.query<RunSpan>(
          `SELECT connection_id, started_at, finished_at FROM org_sync.runs WHERE status = 'succeeded'`,
        );
        if (rows.rows.length === connections.length) return rows.rows;
        if (Date.now() > deadline) throw new Error(`only ${rows.rows.length} runs finished`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })();
    for (const host of [1, 2]) {
      const onHost = spans.filter((span) => hostOf(span.connection_id) === host);
      expect(onHost).toHaveLength(host === 1 ? 3 : 2);
      for (const [index, span] of onHost.entries()) {
        for (const other of onHost.slice(index + 1)) expect(overlap(span, other)).toBe(false);
      }
    }
    // The cap is per host: the two hosts' runs did run side by side.
    const acrossHosts = spans.some((span) =>
      spans.some(
        (other) => hostOf(other.connection_id) !== hostOf(span.connection_id) && overlap(span, other),
      ),
    );
    expect(acrossHosts).toBe(true);
  });
});
