import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '@org/engine';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { createSync, type EmbeddedDatabase, startEmbeddedPostgres } from '@org/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SpawnedCli, spawnCli } from './spawn-cli.js';

describe('org-engine sync worker', () => {
  let sandbox: OktaSandbox;
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl: string;
  let worker: SpawnedCli | undefined;
  // Not a mkdtemp folder: as root, Postgres runs as another user, who must reach the folder.
  const folder = join(tmpdir(), `org-engine-sync-worker-test-${process.pid}`);
  // Unique per run: a shared DATABASE_URL may hold the state of earlier runs.
  const connectionId = `acme-${process.pid}-${Date.now()}`;

  beforeAll(async () => {
    sandbox = await startSandbox({ provider: 'okta', users: 30, seed: 4, rateLimit: false });
    await mkdir(folder, { recursive: true, mode: 0o755 });
    if (process.env.DATABASE_URL) databaseUrl = process.env.DATABASE_URL;
    else {
      embedded = await startEmbeddedPostgres(join(folder, 'database'));
      databaseUrl = embedded.url;
    }
  }, 60_000);
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await embedded?.stop();
    await sandbox?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('picks up a queued sync, runs it, and exits cleanly on SIGTERM', { timeout: 60_000 }, async () => {
    const connection = {
      provider: 'okta',
      params: { domain: 'acme.okta.com' },
      auth: { method: 'api_token', token: 'env:ACME_TOKEN' },
      baseUrl: sandbox.url,
    };
    const connections = join(folder, 'connections.json');
    await writeFile(connections, JSON.stringify({ [connectionId]: connection }));
    // An application queues the sync; the worker process is what runs it.
    const application = await createSync({
      engine: createEngine(),
      database: databaseUrl,
      resolveConnection: () => ({
        ...connection,
        auth: { method: 'api_token', token: sandbox.credentials.apiToken },
      }),
    });
    await application.addSync({ connectionId, resource: 'user-directory/users' });

    worker = spawnCli(['sync', 'worker', '--connections', connections, '--database', databaseUrl], {
      env: {
        ACME_TOKEN: sandbox.credentials.apiToken,
        ORG_ENGINE_CURSOR_SECRET: 'worker-cli-test-secret-0123',
      },
    });
    await worker.waitFor('stderr', /worker started/);
    await worker.waitFor(
      'stderr',
      new RegExp(`${connectionId} user-directory/users: run \\d+ succeeded: 30 created`),
    );
    const [state] = await application.status({ connectionId });
    expect(state?.lastRun).toMatchObject({ status: 'succeeded', created: 30 });
    await application.close();

    worker.child.kill('SIGTERM');
    const started = Date.now();
    expect(await worker.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(worker.stdout() + worker.stderr()).not.toContain(sandbox.credentials.apiToken);
  });
});
