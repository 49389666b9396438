import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSandbox, type OktaUser, STANDARD_ROLE_TYPES, startSandbox } from '../src/index.js';
import { collectOkta, type Json, linkOf, locationKey, oktaGet } from './helpers.js';

let sandbox: OktaSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 600, seed: 11, rateLimit: false });
});
afterAll(() => sandbox.close());

describe('groups', () => {
  it('lists OKTA_GROUP, APP_GROUP and the BUILT_IN Everyone group, paging with one joined link header', async () => {
    const response = await request(`${sandbox.url}/api/v1/groups?limit=4`, {
      headers: { authorization: `SSWS ${sandbox.credentials.apiToken}` },
    });
    await response.body.dump();
    expect(typeof response.headers.link).toBe('string');
    expect(response.headers.link).toMatch(/rel="self", <[^>]+after=00g\w{17}>; rel="next"$/);
    const { records, pages } = await collectOkta<Json>(sandbox, '/api/v1/groups?limit=4');
    expect(pages).toBe(Math.ceil(sandbox.tenant.groups.length / 4));
    expect(new Set(records.map((group) => group.type))).toEqual(
      new Set(['BUILT_IN', 'OKTA_GROUP', 'APP_GROUP']),
    );
    expect(records.find((group) => group.type === 'BUILT_IN')?.profile.name).toBe('Everyone');
    expect(records.find((group) => group.type === 'APP_GROUP')?.profile.dn).toMatch(/^CN=/);
  });

  it('lists a group’s members page by page and reports member counts with expand=stats', async () => {
    const everyone = sandbox.tenant.groups[0]!;
    const { records, pages } = await collectOkta<OktaUser>(
      sandbox,
      `/api/v1/groups/${everyone.id}/users?limit=250`,
    );
    expect(records).toHaveLength(600);
    expect(pages).toBe(3);
    const engineering = sandbox.tenant.groups.find((group) => group.name === 'Engineering')!;
    const members = (await collectOkta<OktaUser>(sandbox, `/api/v1/groups/${engineering.id}/users`)).records;
    expect(members.length).toBeGreaterThan(0);
    expect(members.every((user) => user.profile.department === 'Engineering')).toBe(true);
    const stats = (await (
      await oktaGet(sandbox, `/api/v1/groups/${engineering.id}?expand=stats`)
    ).json()) as Json;
    expect(stats._embedded.stats.usersCount).toBe(members.length);
    const empty = sandbox.tenant.groups.find((group) => group.name === 'Legacy Contractors 2019')!;
    expect(await (await oktaGet(sandbox, `/api/v1/groups/${empty.id}/users`)).json()).toEqual([]);
  });

  it('answers an unknown group with 404', async () => {
    const response = await oktaGet(sandbox, '/api/v1/groups/00gUnknown0000000000/users');
    expect(response.status).toBe(404);
    expect(((await response.json()) as Json).errorCode).toBe('E0000007');
  });
});

describe('apps and app users', () => {
  it('lists ACTIVE apps by default and inactive ones with includeNonDeleted=true', async () => {
    const active = (await collectOkta<Json>(sandbox, '/api/v1/apps?limit=3')).records;
    const all = (await collectOkta<Json>(sandbox, '/api/v1/apps?includeNonDeleted=true&limit=3')).records;
    expect(active.every((app) => app.status === 'ACTIVE')).toBe(true);
    expect(active).toHaveLength(sandbox.inventory.activeApps);
    expect(all).toHaveLength(sandbox.inventory.apps);
    expect(all.some((app) => app.status === 'INACTIVE')).toBe(true);
    expect(new Set(all.map((app) => app.signOnMode)).size).toBeGreaterThanOrEqual(6);
  });

  it('lists app users assigned directly (USER) and through groups (GROUP), never deprovisioned users', async () => {
    const scopes = new Set<string>();
    for (const app of sandbox.tenant.apps) {
      const { records } = await collectOkta<Json>(
        sandbox,
        `/api/v1/apps/${app.id}/users?limit=500&expand=user`,
      );
      expect(records, app.label).toHaveLength(sandbox.inventory.appUsers[app.id]!);
      for (const appUser of records) {
        scopes.add(appUser.scope);
        expect(appUser._embedded.user.id).toBe(appUser.id);
        expect(appUser._embedded.user.status).not.toBe('DEPROVISIONED');
      }
    }
    expect(scopes).toEqual(new Set(['USER', 'GROUP']));
    const app = sandbox.tenant.apps[2]!;
    const first = (
      (await (await oktaGet(sandbox, `/api/v1/apps/${app.id}/users?limit=1`)).json()) as Json[]
    )[0]!;
    const one = await oktaGet(sandbox, `/api/v1/apps/${app.id}/users/${first.id}`);
    expect(((await one.json()) as Json).id).toBe(first.id);
  });
});

describe('custom roles and org', () => {
  it('puts the next link of /iam/roles in the body, not in the link header', async () => {
    const roles: Json[] = [];
    let url: string | undefined = `${sandbox.url}/api/v1/iam/roles?limit=2`;
    while (url) {
      const response = await oktaGet(sandbox, url);
      expect(linkOf(response.headers.get('link'), 'next')).toBeUndefined();
      const body = (await response.json()) as { roles: Json[]; _links: { next?: { href: string } } };
      roles.push(...body.roles);
      url = body._links.next?.href;
    }
    expect(roles.map((role) => role.id)).toEqual(sandbox.tenant.customRoles.map((role) => role.id));
    const permissions = (await (
      await oktaGet(sandbox, `/api/v1/iam/roles/${roles[0]!.id}/permissions`)
    ).json()) as Json;
    expect(permissions.permissions.length).toBeGreaterThan(0);
  });

  it('serves the org record', async () => {
    const org = (await (await oktaGet(sandbox, '/api/v1/org')).json()) as Json;
    expect(org).toMatchObject({
      companyName: expect.any(String),
      subdomain: expect.any(String),
      status: 'ACTIVE',
    });
  });
});

describe('expected counts', () => {
  it('match what paging through the API produces', async () => {
    const users = (await collectOkta<OktaUser>(sandbox, '/api/v1/users?search=status%20pr')).records;
    const groups = (await collectOkta<Json>(sandbox, '/api/v1/groups')).records;
    const apps = (await collectOkta<Json>(sandbox, '/api/v1/apps?includeNonDeleted=true')).records;
    let appUsers = 0;
    for (const app of apps)
      appUsers += (await collectOkta(sandbox, `/api/v1/apps/${app.id}/users?limit=500`)).records.length;
    const locations = new Set(
      users.map((user) => locationKey(user.profile)).filter((key) => key !== undefined),
    );
    const customRoles = (
      (await (await oktaGet(sandbox, '/api/v1/iam/roles?limit=100')).json()) as { roles: Json[] }
    ).roles;
    const since = new Date(Date.now() - 180 * 86_400_000).toISOString();
    const activities = await collectOkta(sandbox, `/api/v1/logs?limit=1000&since=${since}`, {
      stopOnEmptyPage: true,
    });

    expect(sandbox.expected).toEqual({
      'user-directory/users': users.length,
      'user-directory/me': 1,
      'user-directory/groups': groups.length,
      'user-directory/roles': STANDARD_ROLE_TYPES.length + customRoles.length,
      'user-directory/activities': activities.records.length,
      'hris/employees': users.length,
      'hris/companies': 1,
      'hris/groups': groups.length,
      'hris/locations': locations.size,
      'sso/apps': apps.length,
      'sso/app-users': appUsers,
    });
    // Spellings differ for the same place: fewer locations than distinct raw addresses.
    const raw = new Set(
      users.map((user) =>
        JSON.stringify([user.profile.streetAddress, user.profile.city, user.profile.countryCode]),
      ),
    );
    expect(raw.size).toBeGreaterThan(locations.size + 1);
  });
});
