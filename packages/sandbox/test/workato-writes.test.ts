import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type WorkatoSandbox } from '../src/index.js';
import { type Json, workatoGet } from './helpers.js';

let sandbox: WorkatoSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'workato', users: 12, seed: 5, rateLimit: false });
});
afterAll(() => sandbox.close());
afterEach(() => {
  vi.useRealTimers();
});

function send(method: string, path: string, body?: unknown) {
  return fetch(`${sandbox.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.credentials.apiToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function members(): Promise<Json[]> {
  return ((await (await workatoGet(sandbox, '/members')).json()) as Json).data;
}

const DEV_ADMIN = [{ environment_type: 'dev', name: 'Admin', role_type: 'privilege_group' }];

describe('Workato collaborator writes', () => {
  it('keeps an invitation pending, unlisted, until the invitee accepts', async () => {
    const response = await send('POST', '/member_invitations', {
      name: 'Grace Hopper',
      email: 'grace@example.com',
      env_roles: DEV_ADMIN,
    });
    expect(response.status).toBe(200);
    expect((await members()).some((member) => member.email === 'grace@example.com')).toBe(false);
    expect(sandbox.directory.pendingInvitations().map((invitation) => invitation.email)).toEqual([
      'grace@example.com',
    ]);
    const id = sandbox.directory.acceptInvitation('grace@example.com');
    const listed = (await members()).find((member) => member.email === 'grace@example.com');
    expect(listed).toMatchObject({
      id,
      name: 'Grace Hopper',
      roles: [{ environment_type: 'dev', role_name: 'Admin', role_type: 'privilege_group' }],
    });
    expect(sandbox.directory.pendingInvitations()).toEqual([]);
  });

  it('refuses a second invitation of one email within 20 minutes, and allows it after', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const invitation = { name: 'Lin', email: 'lin@example.com', env_roles: DEV_ADMIN };
    expect((await send('POST', '/member_invitations', invitation)).status).toBe(200);
    const again = await send('POST', '/member_invitations', { ...invitation, email: 'LIN@example.com' });
    expect(again.status).toBe(429);
    expect(((await again.json()) as Json).message).toMatch(/20 minutes/);
    vi.setSystemTime(new Date('2026-03-01T10:20:00Z'));
    expect((await send('POST', '/member_invitations', invitation)).status).toBe(200);
  });

  it('validates invitations as RBAC 2.0 workspaces do', async () => {
    const base = { name: 'Kim', email: 'kim@example.com' };
    const legacy = await send('POST', '/member_invitations', { ...base, role_name: 'Admin' });
    expect(legacy.status).toBe(400);
    expect(await legacy.json()).toEqual({
      message: 'Validation failed',
      errors: { role_name: ['is no longer supported; use env_roles'] },
    });
    const noRoles = await send('POST', '/member_invitations', base);
    expect(noRoles.status).toBe(400);
    const unknownRole = await send('POST', '/member_invitations', {
      ...base,
      env_roles: [{ environment_type: 'prod', name: 'Wizard' }],
    });
    expect(await unknownRole.json()).toMatchObject({ errors: [{ title: 'Role Wizard not found' }] });
    const unknownEnvironment = await send('POST', '/member_invitations', {
      ...base,
      env_roles: [{ environment_type: 'qa', name: 'Admin' }],
    });
    expect(await unknownEnvironment.json()).toMatchObject({
      errors: [{ title: 'Environment qa not found' }],
    });
    const existing = (await members())[0]!;
    const duplicate = await send('POST', '/member_invitations', {
      name: existing.name,
      email: existing.email,
      env_roles: DEV_ADMIN,
    });
    expect(duplicate.status).toBe(409);
  });

  it('changes roles per environment, leaving the others as they are', async () => {
    const [member] = await members();
    const before = member!.roles as Json[];
    const role = sandbox.workspace.environmentRoles[0]!.name;
    const response = await send('PUT', `/members/${member!.id}`, {
      env_roles: [{ environment_type: 'dev', name: role, role_type: 'environment' }],
    });
    expect(response.status).toBe(200);
    const after = (await (await workatoGet(sandbox, `/members/${member!.id}`)).json()) as Json;
    expect(after.roles).toEqual([
      ...before.filter((held) => held.environment_type !== 'dev'),
      { environment_type: 'dev', role_name: role, role_type: 'environment' },
    ]);
    expect((await send('PUT', '/members/1', { env_roles: DEV_ADMIN })).status).toBe(404);
  });

  it('adds and removes collaborators of a group; only collaborators can join', async () => {
    const group = sandbox.workspace.groups[3]!; // seeded empty
    const [first, second] = await members();
    const added = await send(
      'POST',
      `/user_groups/${group.id}/members?user_ids=${first!.id}&user_ids=${second!.id}`,
    );
    expect(added.status).toBe(200);
    const listed = (await (await workatoGet(sandbox, `/user_groups/${group.id}/members`)).json()) as Json;
    expect(listed.data.map((member: Json) => member.id)).toEqual([first!.id, second!.id]);
    const details = (await (await workatoGet(sandbox, `/user_groups/${group.id}`)).json()) as Json;
    expect(details.members_count).toBe(2);
    await send('DELETE', `/user_groups/${group.id}/members?user_ids=${first!.id}`);
    const after = (await (await workatoGet(sandbox, `/user_groups/${group.id}/members`)).json()) as Json;
    expect(after.data.map((member: Json) => member.id)).toEqual([second!.id]);
    expect((await send('POST', `/user_groups/${group.id}/members?user_ids=999999`)).status).toBe(404);
  });

  it('removes a collaborator: unlisted, and a second removal is 404', async () => {
    const list = await members();
    const last = list.at(-1)!;
    expect((await send('DELETE', `/members/${last.id}`)).status).toBe(200);
    expect((await members()).map((member) => member.id)).not.toContain(last.id);
    expect((await send('DELETE', `/members/${last.id}`)).status).toBe(404);
  });
});
