import { startSandbox, type WorkatoSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from './spawn-cli.js';

/**
 * Each write command run as its own process against a Workato sandbox: an invitation kept
 * pending until accepted, a role change, group membership and removal, and `--dry-run`.
 */
describe('org-engine create, update, deactivate, add-member, remove-member', () => {
  let sandbox: WorkatoSandbox;
  let env: Record<string, string>;
  let connection: string[];

  /** Runs one command; resolves with its exit status and what it printed. */
  const cli = async (args: string[], input?: string) => {
    const spawned = spawnCli([...args, ...connection], { env, ...(input === undefined ? {} : { input }) });
    const code = await spawned.exited;
    expect(spawned.stdout() + spawned.stderr()).not.toContain(sandbox.credentials.apiToken);
    return { code, stdout: spawned.stdout(), stderr: spawned.stderr() };
  };

  beforeAll(async () => {
    sandbox = (await startSandbox({
      provider: 'workato',
      users: 8,
      seed: 3,
      rateLimit: false,
    })) as WorkatoSandbox;
    env = { WORKATO_TOKEN: sandbox.credentials.apiToken };
    connection = [
      '--base-url',
      sandbox.baseUrl,
      '--auth',
      'method=api_token',
      '--auth-field',
      'token=env:WORKATO_TOKEN',
    ];
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  const users = 'user-directory/users';
  const groups = 'user-directory/groups';

  it('create --dry-run prints the invitation it would send and sends nothing', {
    timeout: 30_000,
  }, async () => {
    const result = await cli([
      'create',
      'workato',
      users,
      '--dry-run',
      '--json',
      '--set',
      'email=ada@example.com',
      '--input',
      '{"name":"Ada Lovelace","roles":[{"name":"Admin","environment":"dev"}]}',
    ]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      dry_run: true,
      method: 'POST',
      url: `${sandbox.baseUrl}/member_invitations`,
      headers: {
        Accept: 'application/json',
        'content-type': 'application/json',
        Authorization: '[redacted]',
      },
      body: {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        env_roles: [{ environment_type: 'dev', name: 'Admin', role_type: 'privilege_group' }],
      },
    });
    expect(sandbox.directory.pendingInvitations()).toEqual([]);
  });

  it('invites, changes the roles once accepted, adds to and removes from a group, removes', {
    timeout: 60_000,
  }, async () => {
    const invitation = JSON.stringify({
      name: 'Grace Hopper',
      roles: [{ name: 'Analyst', environment: 'dev' }],
    });
    const created = await cli(
      ['create', 'workato', users, '--input', '@-', '--set', 'email=grace@example.com'],
      invitation,
    );
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ id: 'grace@example.com', status: 'invited' });

    // Not yet accepted: Workato changes the roles of collaborators only.
    const early = await cli([
      'update',
      'workato',
      users,
      'grace@example.com',
      '--input',
      '{"roles":[{"name":"Admin"}]}',
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/^error not_accepted: /);

    const id = String(sandbox.directory.acceptInvitation('grace@example.com'));
    const updated = await cli([
      'update',
      'workato',
      users,
      id,
      '--json',
      '--no-remote-data',
      '--input',
      '{"roles":[{"name":"Admin","environment":"dev"}]}',
    ]);
    expect(updated.code, updated.stderr).toBe(0);
    expect(JSON.parse(updated.stdout)).toMatchObject({
      id,
      status: 'active',
      roles: [{ name: 'Admin', environment: 'dev' }],
    });

    const group = sandbox.workspace.groups.find((candidate) => !candidate.system)!;
    const added = await cli(['add-member', 'workato', groups, group.id, id, '--json']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toEqual({ id: group.id });
    expect(sandbox.directory.isMember(group, Number(id))).toBe(true);
    const removedFromGroup = await cli(['remove-member', 'workato', groups, group.id, id, '--json']);
    expect(removedFromGroup.code, removedFromGroup.stderr).toBe(0);
    expect(sandbox.directory.isMember(group, Number(id))).toBe(false);

    const deactivated = await cli(['deactivate', 'workato', users, id, '--json']);
    expect(deactivated.code, deactivated.stderr).toBe(0);
    expect(JSON.parse(deactivated.stdout)).toEqual({ id });
    expect(sandbox.directory.collaborator(Number(id))).toBeUndefined();
  });

  it('fails before any request on a field the provider cannot change, and on bad input', {
    timeout: 30_000,
  }, async () => {
    const name = await cli(['update', 'workato', users, '123', '--set', 'name=Ada King']);
    expect(name.code).toBe(1);
    expect(name.stderr).toMatch(/^error unsupported_field: .*workato cannot change name/);
    const noInput = await cli(['create', 'workato', users]);
    expect(noInput.code).toBe(2);
    expect(noInput.stderr).toMatch(/give the input with --input or --set/);
    const notJson = await cli(['create', 'workato', users, '--input', '{email']);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/--input is not JSON/);
  });
});
