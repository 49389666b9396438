import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type WorkatoSandbox } from '../src/index.js';
import { type Json, workatoGet } from './helpers.js';

let sandbox: WorkatoSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'workato', users: 60, seed: 9, rateLimit: false });
});
afterAll(() => sandbox.close());

async function json(path: string): Promise<Json> {
  const response = await workatoGet(sandbox, path);
  expect(response.status, path).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return (await response.json()) as Json;
}

/** Pages a `page[number]` / `page[size]` collection until a short page. */
async function allPages(path: string, size: number): Promise<{ data: Json[]; totals: number[] }> {
  const data: Json[] = [];
  const totals: number[] = [];
  for (let number = 1; ; number++) {
    const separator = path.includes('?') ? '&' : '?';
    const body = await json(`${path}${separator}page[number]=${number}&page[size]=${size}`);
    expect(body.page).toEqual({ number, size });
    data.push(...body.data);
    totals.push(body.total);
    if (body.data.length < size) return { data, totals };
  }
}

describe('Workato Developer API', () => {
  it('lists every collaborator at once as { data, total }', async () => {
    const body = await json('/members');
    expect(body.total).toBe(60);
    expect(body.data).toHaveLength(60);
    const members = body.data as Json[];
    expect(new Set(members.map((member) => member.grant_type))).toEqual(
      new Set(['team', 'federation_manager']),
    );
    expect(members.some((member) => member.time_zone === 'Pacific Time (US & Canada)')).toBe(true);
    expect(
      members.every((member) => member.roles.some((role: Json) => role.environment_type === 'dev')),
    ).toBe(true);
    expect(
      new Set(members.flatMap((member) => member.roles.map((role: Json) => role.environment_type))),
    ).toEqual(new Set(['dev', 'test', 'prod']));
    expect(members.some((member) => member.last_activity_log === null)).toBe(true);
    expect(members.some((member) => typeof member.last_activity_log?.created_at === 'string')).toBe(true);
    expect(members[0]!.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(await json(`/members/${members[5]!.id}`)).toEqual(members[5]);
  });

  it('describes the workspace at /users/me', async () => {
    expect(await json('/users/me')).toMatchObject({
      id: expect.any(Number),
      name: expect.stringMatching(/-API$/),
      plan_id: expect.any(String),
    });
  });

  it('pages collaborator groups with page[number] and page[size]', async () => {
    const { data, totals } = await allPages('/user_groups', 3);
    expect(new Set(data.map((group) => group.id)).size).toBe(data.length);
    expect(data).toHaveLength(sandbox.inventory.groups);
    expect(totals.every((total) => total === data.length)).toBe(true);
    expect(data.filter((group) => group.system)).toEqual([
      expect.objectContaining({ name: 'All collaborators', members_count: 60 }),
    ]);
    expect(data.some((group) => group.members_count === 0)).toBe(true);
  });

  it('pages the members of a group, matching its members_count', async () => {
    const groups = (await json('/user_groups')).data as Json[];
    for (const group of groups.slice(0, 4)) {
      const { data } = await allPages(`/user_groups/${group.id}/members`, 7);
      expect(data, group.name).toHaveLength(group.members_count);
      for (const member of data) expect(Object.keys(member).sort()).toEqual(['email', 'id', 'name']);
    }
  });

  it('lists environment roles with their types, and legacy roles as a bare array paged by page and per_page', async () => {
    const { data: environmentRoles } = await allPages('/environment_roles', 2);
    expect(new Set(environmentRoles.map((role) => role.type))).toContain('system');
    expect(new Set(environmentRoles.map((role) => role.type))).toContain('custom');
    const legacy: Json[] = [];
    for (let page = 1; ; page++) {
      const rows = (await json(`/roles?page=${page}&per_page=2`)) as unknown as Json[];
      expect(Array.isArray(rows)).toBe(true);
      legacy.push(...rows);
      if (rows.length < 2) break;
    }
    expect(legacy).toHaveLength(sandbox.inventory.legacyRoles);
    expect(legacy.every((role) => typeof role.privileges === 'object')).toBe(true);
    // Legacy and environment role ids overlap, as they can on Workato.
    expect(legacy[0]!.id).toBe(environmentRoles.at(-1)!.id);
    expect(sandbox.expected['user-directory/roles']).toBe(legacy.length + environmentRoles.length);
  });

  it('uses Workato’s three error shapes', async () => {
    const wrongToken = await fetch(`${sandbox.baseUrl}/members`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(wrongToken.status).toBe(401);
    expect(await wrongToken.json()).toEqual({ message: 'Authentication failed' });
    const legacyKeys = await fetch(`${sandbox.baseUrl}/members`, {
      headers: { 'x-user-email': 'admin@example.com', 'x-user-token': sandbox.credentials.apiToken },
    });
    expect(legacyKeys.status).toBe(401);
    const tooLarge = await workatoGet(sandbox, '/user_groups?page[size]=101');
    expect(tooLarge.status).toBe(400);
    expect(await tooLarge.json()).toEqual({
      message: 'Validation failed',
      errors: { 'page[size]': [expect.any(String)] },
    });
    const unknownGroup = await workatoGet(sandbox, '/user_groups/xx-unknown/members');
    expect(unknownGroup.status).toBe(404);
    expect(await unknownGroup.json()).toEqual({
      errors: [{ status: '404', title: 'Collaborator group not found' }],
    });
  });

  it('streams a large collaborator list as valid JSON', async () => {
    const large = await startSandbox({ provider: 'workato', users: 20_000, rateLimit: false });
    try {
      const body = (await (await workatoGet(large, '/members')).json()) as { data: Json[]; total: number };
      expect(body.total).toBe(20_000);
      expect(new Set(body.data.map((member) => member.id)).size).toBe(20_000);
    } finally {
      await large.close();
    }
  });
});
