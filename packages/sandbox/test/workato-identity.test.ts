import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type WorkatoSandbox } from '../src/index.js';
import type { Json } from './helpers.js';

let sandbox: WorkatoSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({
    provider: 'workato',
    users: 5,
    identityUsers: 30,
    seed: 8,
    rateLimit: false,
  });
});
afterAll(() => sandbox.close());

async function call(
  method: string,
  path: string,
  body?: unknown,
  environment: 'dev' | 'test' | 'prod' = 'dev',
) {
  const response = await fetch(`${sandbox.baseUrl}/iam${path}`, {
    method,
    headers: {
      authorization: `Bearer ${sandbox.environmentTokens[environment]}`,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

const emails = async (path: string, environment: 'dev' | 'test' | 'prod' = 'dev') =>
  ((await call('GET', path, undefined, environment)).body.data as Json[]).map((user) => user.email);

describe('Workato Identity users', () => {
  it('lists the seeded users in pages with a total', async () => {
    const first = await call('GET', '/users?per_page=20');
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(20);
    expect(first.body.total).toBe(30);
    const second = await call('GET', '/users?per_page=20&page=2');
    expect(second.body.data).toHaveLength(10);
    const ids = [...first.body.data, ...second.body.data].map((user: Json) => user.id);
    expect(new Set(ids).size).toBe(30);
    expect(Object.keys(first.body.data[0]).sort()).toEqual(
      ['created_at', 'email', 'external_id', 'full_name', 'id', 'updated_at', 'user_group_ids'].sort(),
    );
    expect((await call('GET', '/users?per_page=101')).status).toBe(400);
  });

  it('creates one user or several, refuses a taken e-mail, and finds them by the documented filters', async () => {
    const one = await call('POST', '/users', { email: 'ada@example.com', full_name: 'Ada Lovelace' });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({
      email: 'ada@example.com',
      full_name: 'Ada Lovelace',
      user_group_ids: [],
    });
    const several = await call('POST', '/users', {
      users: [{ email: 'alan@example.com' }, { email: 'grace@example.com', external_id: 'E-7' }],
    });
    expect(several.body.data.map((user: Json) => user.email)).toEqual([
      'alan@example.com',
      'grace@example.com',
    ]);
    const taken = await call('POST', '/users', { email: 'ADA@example.com' });
    expect(taken.status).toBe(422);
    expect(taken.body).toEqual({ errors: [{ status: '422', title: 'Email has already been taken' }] });
    expect((await call('POST', '/users', { email: 'not-an-email' })).status).toBe(422);
    expect(await emails('/users?query=ada%40')).toEqual(['ada@example.com']);
    expect(await emails('/users?emails[]=grace@example.com&emails[]=alan@example.com')).toEqual([
      'alan@example.com',
      'grace@example.com',
    ]);
    expect(await emails(`/users?user_ids[]=${one.body.data.id}`)).toEqual(['ada@example.com']);
    expect((await call('GET', '/users')).body.total).toBe(33);
  });

  it('updates only the fields sent and deletes a user with its memberships', async () => {
    const { id } = (await call('POST', '/users', { email: 'temp@example.com', full_name: 'Temp One' })).body
      .data;
    const updated = await call('PUT', `/users/${id}`, { full_name: 'Temp Two' });
    expect(updated.body.data).toMatchObject({ email: 'temp@example.com', full_name: 'Temp Two' });
    const group = (await call('GET', '/user_groups')).body.data[0];
    expect((await call('POST', `/users/${id}/add_to_group`, { user_group_id: group.id })).status).toBe(200);
    expect((await call('DELETE', `/users/${id}`)).body).toEqual({ result: 'ok' });
    expect((await call('GET', `/users/${id}`)).status).toBe(404);
    const members = await call('GET', `/user_groups/${group.id}/members`);
    expect(members.body.data.some((user: Json) => user.id === id)).toBe(false);
  });
});

describe('Workato Identity user groups', () => {
  it('shows each API client the groups of its environment only', async () => {
    const names = async (environment: 'dev' | 'test' | 'prod') =>
      ((await call('GET', '/user_groups', undefined, environment)).body.data as Json[]).map(
        (group) => group.name,
      );
    expect(await names('dev')).toEqual(['Genie testers', 'MCP builders']);
    expect(await names('test')).toEqual(['Genie testers']);
    expect(await names('prod')).toEqual(['HR concierge users', 'Sales assistants', 'Offboarded']);
    const prodGroup = (await call('GET', '/user_groups', undefined, 'prod')).body.data[0];
    expect(prodGroup.environment_id).toBe(sandbox.identity.environmentIds.prod);
    expect((await call('GET', `/user_groups/${prodGroup.id}`, undefined, 'dev')).status).toBe(404);
  });

  it('creates a group, adds and removes members both ways, and lists them', async () => {
    const created = await call(
      'POST',
      '/user_groups',
      { name: 'Onboarding', description: 'New hires' },
      'prod',
    );
    expect(created.status).toBe(200);
    const group = created.body.data;
    expect(group).toMatchObject({
      name: 'Onboarding',
      members_count: 0,
      environment_id: sandbox.identity.environmentIds.prod,
    });
    expect((await call('POST', '/user_groups', { name: 'Onboarding' }, 'prod')).status).toBe(422);
    expect((await call('POST', '/user_groups', { name: 'Onboarding' }, 'dev')).status).toBe(200);

    const [first, second] = (await call('GET', '/users?per_page=2')).body.data as Json[];
    await call('POST', `/user_groups/${group.id}/add_users`, { user_ids: [first!.id, second!.id] }, 'prod');
    const members = (await call('GET', `/user_groups/${group.id}/members`, undefined, 'prod')).body;
    expect(await emails(`/users?user_group_ids[]=${group.id}`, 'prod')).toEqual([
      first!.email,
      second!.email,
    ]);
    expect(members.data.map((user: Json) => user.id)).toEqual([first!.id, second!.id]);
    expect(members.data[0].user_group_ids).toContain(group.id);
    const again = await call('POST', `/users/${first!.id}/add_to_group`, { user_group_id: group.id }, 'prod');
    expect(again.status).toBe(422);

    await call('DELETE', `/user_groups/${group.id}/remove_users`, { user_ids: [first!.id] }, 'prod');
    await call('POST', `/users/${second!.id}/remove_from_group`, { user_group_id: group.id }, 'prod');
    expect((await call('GET', `/user_groups/${group.id}`, undefined, 'prod')).body.data.members_count).toBe(
      0,
    );
    expect(await emails(`/users?user_group_ids[]=${group.id}`, 'prod')).toEqual([]);
    expect((await call('DELETE', `/user_groups/${group.id}`, undefined, 'prod')).status).toBe(200);
    expect((await call('GET', `/user_groups/${group.id}`, undefined, 'prod')).status).toBe(404);
  });

  it('shows the memberships of the client’s environment, or of the one environment_id names', async () => {
    const prodGroup = sandbox.identity.groups.find(
      (group) => group.environment === 'prod' && group.members.size > 0,
    )!;
    const member = [...prodGroup.members][0]!;
    const groupIds = async (environment: 'dev' | 'prod', query = '') =>
      (await call('GET', `/users?user_ids[]=${member}${query}`, undefined, environment)).body.data[0]
        .user_group_ids;
    expect(await groupIds('prod')).toContain(prodGroup.id);
    expect(await groupIds('dev')).not.toContain(prodGroup.id);
    expect(await groupIds('dev', `&environment_id=${sandbox.identity.environmentIds.prod}`)).toContain(
      prodGroup.id,
    );
    expect((await call('GET', `/users/${member}`, undefined, 'prod')).body.data.user_group_ids).toContain(
      prodGroup.id,
    );
    expect((await call('GET', `/users/${member}`)).body.data.user_group_ids).not.toContain(prodGroup.id);
    expect((await call('GET', '/users?environment_id=1')).status).toBe(404);
  });

  it('refuses unknown tokens and counts against the iam rate-limit family', async () => {
    const response = await fetch(`${sandbox.baseUrl}/iam/users`, {
      headers: { authorization: 'Bearer nope' },
    });
    expect(response.status).toBe(401);
    const limited = await startSandbox({
      provider: 'workato',
      users: 2,
      seed: 8,
      rateLimit: { windowMs: 60_000, limits: { iam: 2 } },
    });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        const reply = await fetch(`${limited.baseUrl}/iam/users`, {
          headers: { authorization: `Bearer ${limited.environmentTokens.test}` },
        });
        statuses.push(reply.status);
        await reply.body?.cancel();
      }
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
