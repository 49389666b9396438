import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSandbox, type OktaUser, startSandbox } from '../src/index.js';
import { collectOkta, type Json, oktaGet } from './helpers.js';

let sandbox: OktaSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 60, seed: 11, rateLimit: false });
});
afterAll(() => sandbox.close());

function send(method: string, path: string, body?: unknown) {
  return fetch(`${sandbox.url}${path}`, {
    method,
    headers: { authorization: `SSWS ${sandbox.credentials.apiToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function json(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

const profileOf = (name: string) => ({
  firstName: name,
  lastName: 'Lovelace',
  email: `${name.toLowerCase()}@example.com`,
  login: `${name.toLowerCase()}@example.com`,
});

async function allUsers(): Promise<OktaUser[]> {
  return (await collectOkta<OktaUser>(sandbox, '/api/v1/users?search=status%20pr')).records;
}

const groupNamed = (name: string) => sandbox.tenant.groups.find((group) => group.name === name)!;

describe('POST /api/v1/users', () => {
  it('stages a user created with activate=false and lists it at once', async () => {
    const response = await send('POST', '/api/v1/users?activate=false', { profile: profileOf('Ada') });
    expect(response.status).toBe(200);
    const user = await json(response);
    expect(user).toMatchObject({ status: 'STAGED', activated: null, statusChanged: null, lastLogin: null });
    expect(user.id).toMatch(/^00u\w{17}$/);
    expect(user.profile).toEqual(profileOf('Ada'));
    expect(user.credentials).toEqual({ provider: { type: 'OKTA', name: 'OKTA' } });
    expect((await json(await oktaGet(sandbox, `/api/v1/users/${user.id}`))).profile).toEqual(
      profileOf('Ada'),
    );
    expect((await json(await oktaGet(sandbox, '/api/v1/users/ada@example.com'))).id).toBe(user.id);
    expect((await allUsers()).find((listed) => listed.id === user.id)?.status).toBe('STAGED');
    expect(sandbox.expected['user-directory/users']).toBe(61);
  });

  it('activates at once with a password, and leaves PROVISIONED a user without credentials', async () => {
    const withPassword = await json(
      await send('POST', '/api/v1/users?activate=true', {
        profile: profileOf('Grace'),
        credentials: { password: { value: 'tlpWENT2m' } },
      }),
    );
    expect(withPassword.status).toBe('ACTIVE');
    expect(withPassword.activated).toBe(withPassword.created);
    expect(withPassword.credentials).toEqual({ password: {}, provider: { type: 'OKTA', name: 'OKTA' } });
    expect(JSON.stringify(withPassword)).not.toContain('tlpWENT2m');
    const withoutCredentials = await json(
      await send('POST', '/api/v1/users', { profile: profileOf('Edsger') }),
    );
    expect(withoutCredentials).toMatchObject({ status: 'PROVISIONED', activated: null });
  });

  it('refuses a login that is taken, whatever its case, with Okta’s E0000001 body', async () => {
    const seeded = sandbox.tenant.users.user(5).profile;
    for (const login of [String(seeded.login).toUpperCase(), 'ADA@example.com']) {
      const response = await send('POST', '/api/v1/users', { profile: { ...profileOf('Dup'), login } });
      expect(response.status).toBe(400);
      expect(await json(response)).toMatchObject({
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: login',
        errorLink: 'E0000001',
        errorCauses: [
          { errorSummary: 'login: An object with this field already exists in the current organization' },
        ],
      });
    }
  });

  it('refuses a profile without its required attributes', async () => {
    const response = await send('POST', '/api/v1/users', { profile: { login: 'nobody@example.com' } });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.errorSummary).toBe('Api validation failed: email');
    expect(body.errorCauses).toEqual([
      { errorSummary: 'email: The field cannot be left blank' },
      { errorSummary: 'firstName: The field cannot be left blank' },
      { errorSummary: 'lastName: The field cannot be left blank' },
    ]);
    expect((await send('POST', '/api/v1/users', '{')).status).toBe(400);
  });

  it('puts a created user in Everyone and in the groups it names, not in seeded rule groups', async () => {
    const vpn = groupNamed('VPN Users');
    const user = await json(
      await send('POST', '/api/v1/users', { profile: profileOf('Barbara'), groupIds: [vpn.id] }),
    );
    const index = sandbox.tenant.users.indexOf(user.id)!;
    const memberOf = sandbox.tenant.groups
      .filter((group) => group.isMember(index))
      .map((group) => group.name);
    expect(memberOf).toEqual(['Everyone', 'VPN Users']);
  });
});

describe('user updates', () => {
  it('merges a partial update (POST) into the profile and keeps the other attributes', async () => {
    const before = sandbox.tenant.users.user(12);
    const response = await send('POST', `/api/v1/users/${before.id}`, {
      profile: { title: 'Staff Engineer' },
    });
    expect(response.status).toBe(200);
    const after = await json(response);
    expect(after.profile).toEqual({ ...before.profile, title: 'Staff Engineer' });
    expect(Date.parse(after.lastUpdated)).toBeGreaterThan(Date.parse(before.lastUpdated));
    expect((await json(await oktaGet(sandbox, `/api/v1/users/${before.id}`))).profile.title).toBe(
      'Staff Engineer',
    );
  });

  it('replaces the whole profile on PUT: attributes left out are gone', async () => {
    const before = sandbox.tenant.users.user(13);
    expect(before.profile.locale).toBeDefined();
    const profile = { ...profileOf('Wiped'), login: before.profile.login, email: before.profile.email };
    const after = await json(await send('PUT', `/api/v1/users/${before.id}`, { profile }));
    expect(after.profile).toEqual(profile);
    const listed = (await allUsers()).find((user) => user.id === before.id)!;
    expect(listed.profile.locale).toBeUndefined();
    expect(listed.profile.firstName).toBe('Wiped');
    const incomplete = await send('PUT', `/api/v1/users/${before.id}`, { profile: { title: 'Only this' } });
    expect(incomplete.status).toBe(400);
    expect((await json(incomplete)).errorCode).toBe('E0000001');
  });

  it('refuses to move a user onto another user’s login', async () => {
    const other = sandbox.tenant.users.user(14).profile.login;
    const response = await send('POST', `/api/v1/users/${sandbox.tenant.users.ids.encode(15)}`, {
      profile: { login: other },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).errorCauses[0].errorSummary).toMatch(/^login: An object with this field/);
  });
});

describe('POST /api/v1/users/{id}/lifecycle/deactivate', () => {
  it('deprovisions a user: 200 without body, hidden from the default listing, found by status', async () => {
    const created = await json(await send('POST', '/api/v1/users', { profile: profileOf('Leaving') }));
    const response = await send('POST', `/api/v1/users/${created.id}/lifecycle/deactivate`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const user = await json(await oktaGet(sandbox, `/api/v1/users/${created.id}`));
    expect(user.status).toBe('DEPROVISIONED');
    expect(user.statusChanged).not.toBeNull();
    const listedByDefault = (await collectOkta<OktaUser>(sandbox, '/api/v1/users')).records;
    expect(listedByDefault.some((listed) => listed.id === created.id)).toBe(false);
    const deprovisioned = (
      await collectOkta<OktaUser>(sandbox, '/api/v1/users?filter=status%20eq%20%22DEPROVISIONED%22')
    ).records;
    expect(deprovisioned.some((listed) => listed.id === created.id)).toBe(true);
  });

  it('answers 404 E0000007 for a user already deprovisioned, an unknown id, and updates of either', async () => {
    const deprovisioned = sandbox.tenant.users.ids.encode(8);
    expect(sandbox.tenant.users.statusOf(8)).toBe('DEPROVISIONED');
    const unknown = '00uNoSuchUser0000000';
    for (const [method, path] of [
      ['POST', `/api/v1/users/${deprovisioned}/lifecycle/deactivate`],
      ['POST', `/api/v1/users/${unknown}/lifecycle/deactivate`],
      ['POST', `/api/v1/users/${deprovisioned}`],
      ['PUT', `/api/v1/users/${unknown}`],
    ] as const) {
      const response = await send(method, path, { profile: { title: 'x' } });
      expect(response.status).toBe(404);
      const id = path.split('/')[4];
      expect(await json(response)).toMatchObject({
        errorCode: 'E0000007',
        errorSummary: `Not found: Resource not found: ${id} (User)`,
      });
    }
  });
});

describe('PUT and DELETE /api/v1/groups/{groupId}/users/{userId}', () => {
  it('adds and removes a member with 204, visible in the member listing and the stats', async () => {
    const group = groupNamed('Legacy Contractors 2019');
    const user = await json(await send('POST', '/api/v1/users', { profile: profileOf('Joiner') }));
    const memberIds = async () =>
      (await collectOkta<OktaUser>(sandbox, `/api/v1/groups/${group.id}/users`)).records.map(
        (member) => member.id,
      );
    const usersCount = async () =>
      (await json(await oktaGet(sandbox, `/api/v1/groups/${group.id}?expand=stats`)))._embedded.stats
        .usersCount;
    expect(await memberIds()).toEqual([]);
    const added = await send('PUT', `/api/v1/groups/${group.id}/users/${user.id}`);
    expect(added.status).toBe(204);
    expect(await added.text()).toBe('');
    expect(await memberIds()).toEqual([user.id]);
    expect(await usersCount()).toBe(1);
    expect((await send('PUT', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204);
    expect((await send('DELETE', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204);
    expect(await memberIds()).toEqual([]);
    expect(await usersCount()).toBe(0);
  });

  it('removes a seeded member from a rule group', async () => {
    const group = groupNamed('Okta Administrators');
    const id = sandbox.tenant.users.ids.encode(2);
    expect((await send('DELETE', `/api/v1/groups/${group.id}/users/${id}`)).status).toBe(204);
    const members = (await collectOkta<OktaUser>(sandbox, `/api/v1/groups/${group.id}/users`)).records;
    expect(members.map((member) => member.id)).not.toContain(id);
    expect(members).toHaveLength(3);
  });

  it('refuses unknown ids and groups whose membership Okta manages', async () => {
    const userId = sandbox.tenant.users.ids.encode(3);
    const cases: [string, number, string][] = [
      [`/api/v1/groups/00gNoSuchGroup000000/users/${userId}`, 404, 'E0000007'],
      [`/api/v1/groups/${groupNamed('VPN Users').id}/users/00uNoSuchUser0000000`, 404, 'E0000007'],
      [`/api/v1/groups/${groupNamed('Domain Users').id}/users/${userId}`, 403, 'E0000006'],
      [`/api/v1/groups/${groupNamed('Everyone').id}/users/${userId}`, 400, 'E0000060'],
    ];
    for (const [path, status, errorCode] of cases) {
      const response = await send('PUT', path);
      expect(response.status).toBe(status);
      expect((await json(response)).errorCode).toBe(errorCode);
    }
  });
});

describe('System Log', () => {
  it('records each change made through the API, by the token’s admin, in order', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const eventsBefore = sandbox.expected['user-directory/activities']!;
    const group = groupNamed('VPN Users');
    const user = await json(await send('POST', '/api/v1/users', { profile: profileOf('Logged') }));
    await send('POST', `/api/v1/users/${user.id}`, { profile: { title: 'Analyst' } });
    await send('PUT', `/api/v1/groups/${group.id}/users/${user.id}`);
    await send('PUT', `/api/v1/groups/${group.id}/users/${user.id}`);
    await send('DELETE', `/api/v1/groups/${group.id}/users/${user.id}`);
    await send('POST', `/api/v1/users/${user.id}/lifecycle/deactivate`);
    const { records } = await collectOkta<Json>(sandbox, `/api/v1/logs?since=${since}`, {
      stopOnEmptyPage: true,
    });
    const about = records.filter((event) => event.target.some((target: Json) => target.id === user.id));
    expect(about.map((event) => event.eventType)).toEqual([
      'user.lifecycle.create',
      'user.lifecycle.activate',
      'user.account.update_profile',
      'group.user_membership.add',
      'group.user_membership.remove',
      'user.lifecycle.deactivate',
    ]);
    const admin = sandbox.tenant.users.user(0);
    expect(about.every((event) => event.actor.id === admin.id && event.outcome.result === 'SUCCESS')).toBe(
      true,
    );
    expect(about[3]!.target[1]).toMatchObject({ id: group.id, type: 'UserGroup', displayName: 'VPN Users' });
    expect(about[0]!.target[0]).toMatchObject({ type: 'User', alternateId: 'logged@example.com' });
    expect(sandbox.expected['user-directory/activities']).toBe(eventsBefore + 6);
  });
});
