import { startSandbox, type WorkatoSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './helpers.js';

describe('org-engine writes to Workato Identity (--param directory=identity)', () => {
  let sandbox: WorkatoSandbox;
  let connection: string[];
  let env: Record<string, string>;

  beforeAll(async () => {
    sandbox = (await startSandbox({
      provider: 'workato',
      users: 4,
      seed: 11,
      rateLimit: false,
    })) as WorkatoSandbox;
    env = { WORKATO_TOKEN: sandbox.credentials.apiToken };
    connection = [
      '--base-url',
      sandbox.baseUrl,
      '--param',
      'directory=identity',
      '--auth',
      'method=api_token',
      '--auth-field',
      'token=env:WORKATO_TOKEN',
    ];
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const cli = (args: string[]) => run([...args, ...connection, '--json', '--no-remote-data'], env);

  it('creates a user at once (no invitation), finds it again, groups it and deletes it', async () => {
    const created = await cli([
      'create',
      'workato',
      'user-directory/users',
      '--set',
      'email=ada@example.com',
      '--set',
      'name=Ada',
    ]);
    expect(created.code, created.stderr).toBe(0);
    const user = JSON.parse(created.stdout) as { id: string; status: string };
    expect(user).toMatchObject({ status: 'active', emails: [{ email: 'ada@example.com' }] });
    // Creating again is idempotent: the existing user comes back.
    const again = await cli([
      'create',
      'workato',
      'user-directory/users',
      '--set',
      'email=ada@example.com',
      '--set',
      'name=Ada',
    ]);
    expect(JSON.parse(again.stdout)).toMatchObject({ id: user.id });
    const group = sandbox.identity.groups.find((candidate) => candidate.environment === 'dev')!;
    const added = await cli(['add-member', 'workato', 'user-directory/groups', group.id, user.id]);
    expect(added.code, added.stderr).toBe(0);
    expect(group.members.has(user.id)).toBe(true);
    const listed = await cli([
      'list',
      'workato',
      'user-directory/users',
      '--filter',
      `group_id=${group.id}`,
      '--format',
      'ndjson',
    ]);
    expect(listed.stdout).toContain(user.id);
    const deleted = await cli(['deactivate', 'workato', 'user-directory/users', user.id]);
    expect(JSON.parse(deleted.stdout)).toEqual({ id: user.id });
    expect(sandbox.identity.user(user.id)).toBeUndefined();
  });
});
