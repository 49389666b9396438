import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, run } from './helpers.js';

describe('org-engine sync on the embedded database', () => {
  let sandbox: OktaSandbox;
  let env: Record<string, string>;
  let connection: string[];
  // Not a mkdtemp folder: as root, Postgres runs as another user, who must reach the folder.
  const dataDir = join(tmpdir(), `org-engine-sync-test-${process.pid}`);

  beforeAll(async () => {
    sandbox = await startSandbox({ provider: 'okta', users: 40, seed: 9 });
    env = { TEST_TOKEN: sandbox.credentials.apiToken };
    connection = [
      '--base-url',
      sandbox.url,
      '--param',
      'domain=acme.okta.com',
      '--auth',
      'method=api_token',
      '--auth-field',
      'token=env:TEST_TOKEN',
      '--data-dir',
      dataDir,
    ];
  });
  afterAll(async () => {
    await sandbox?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('runs a sync, prints the changes of a second run, and reports the status', {
    timeout: 120_000,
  }, async () => {
    const sync = (extra: string[]) =>
      run(
        ['sync', 'run', 'okta', 'user-directory/users', '--connection-id', 'acme', ...connection, ...extra],
        env,
      );
    const first = await sync(['--mode', 'full']);
    expect(first.code).toBe(0);
    expect(JSON.parse(lines(first.stdout)[0]!)).toMatchObject({
      connectionId: 'acme',
      resource: 'user-directory/users',
      status: 'succeeded',
      mode: 'full',
      created: 40,
    });
    expect(first.stderr).toMatch(/^sync: acme user-directory\/users: full run \d+ started$/m);

    const changed = sandbox.tenant.edits.churn({ added: 1, updated: 1, deleted: 1 });
    const second = await sync(['--mode', 'full', '--changes']);
    expect(second.code).toBe(0);
    const [summary, ...changes] = lines(second.stdout).map((line) => JSON.parse(line));
    expect(summary).toMatchObject({ created: 1, updated: 1, deleted: 1, unchanged: 38 });
    expect(changes.map((change) => `${change.type} ${change.recordId}`).sort()).toEqual(
      [
        `created ${changed.added[0]}`,
        `updated ${changed.updated[0]}`,
        `deleted ${changed.deleted[0]}`,
      ].sort(),
    );

    const status = await run(['sync', 'status', 'acme', '--data-dir', dataDir], env);
    expect(status.code).toBe(0);
    expect(lines(status.stdout)).toEqual([
      expect.stringMatching(
        /^user-directory\/users {2}every 15m {2}next \S+ {2}last succeeded full: \+1 ~1 -1$/,
      ),
    ]);
    for (const output of [first, second, status]) {
      expect(output.stdout + output.stderr).not.toContain(sandbox.credentials.apiToken);
    }
  });

  it('refuses a bad mode or subcommand with the usage', async () => {
    const bad = await run(
      ['sync', 'run', 'okta', 'user-directory/users', '--mode', 'sometimes', ...connection],
      env,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^org-engine: --mode expects full or incremental, got "sometimes"/);
    const unknown = await run(['sync', 'rewind'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^org-engine: unknown sync command rewind\n\nUsage: org-engine sync run/);
  });
});
