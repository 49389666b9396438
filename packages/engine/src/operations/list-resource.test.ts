import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { type AnyRecord, type Listing, setupListing as setup } from '../../test/helpers/listing.js';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';
import { stableId } from '../mapping/jsonata-helpers.js';

function user(id: number, extra: Record<string, unknown> = {}) {
  return { id, name: `User ${id}`, state: 'on', ...extra };
}

async function collect(
  connection: Listing,
  model: string,
  resource: string,
  options: Record<string, unknown> = {},
): Promise<AnyRecord[]> {
  const records: AnyRecord[] = [];
  for await (const record of connection.iterate(model, resource, options)) records.push(record);
  return records;
}

async function listPages(
  connection: Listing,
  model: string,
  resource: string,
  options: Record<string, unknown> = {},
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor = options.cursor as string | null | undefined;
  do {
    const page = await connection.list(model, resource, { ...options, cursor });
    pages.push(page.result.map((record) => record.id));
    cursor = page.next_cursor;
    if (pages.length > 40) throw new Error('the listing does not end');
  } while (cursor !== null);
  return pages;
}

describe('sources', () => {
  it('concatenates a static source and an HTTP source (roles: OWNER, then offset pages)', async () => {
    const { routes, connection } = setup();
    routes.on('/roles?skip=0&take=2', {
      body: [
        { id: 1, name: 'Admin' },
        { id: 2, name: 'Viewer' },
      ],
    });
    routes.on('/roles?skip=2&take=2', { body: [{ id: 3, name: 'Auditor' }] });
    const roles = await collect(connection, 'user-directory', 'roles');
    expect(roles).toEqual([
      { id: 'OWNER', name: 'Owner', type: 'system', remote_data: { id: 'OWNER', label: 'Owner' } },
      { id: 'custom:1', name: 'Admin', type: 'custom', remote_data: { id: 1, name: 'Admin' } },
      { id: 'custom:2', name: 'Viewer', type: 'custom', remote_data: { id: 2, name: 'Viewer' } },
      { id: 'custom:3', name: 'Auditor', type: 'custom', remote_data: { id: 3, name: 'Auditor' } },
    ]);
  });

  it('serves the static records first without a request, then resumes into the HTTP source', async () => {
    const { routes, connection } = setup();
    const first = await connection.list('user-directory', 'roles', { remoteData: false });
    expect(first.result).toEqual([{ id: 'OWNER', name: 'Owner', type: 'system' }]);
    expect(routes.seen).toHaveLength(0);
    routes.on('/roles?skip=0&take=2', { body: [{ id: 1, name: 'Admin' }] });
    const second = await connection.list('user-directory', 'roles', { cursor: first.next_cursor });
    expect(second.result.map((role) => role.id)).toEqual(['custom:1']);
    expect(second.next_cursor).toBeNull();
  });
});

describe('variants', () => {
  it('uses the variant whose filters are given', async () => {
    const { routes, connection } = setup();
    // A members endpoint does not repeat the group in each member: the filter it answered is
    // not applied again by the engine (whose local predicate would find no group and drop all).
    routes.on('/groups/g1/members?count=2', { body: { members: [user(1), user(2)], meta: {} } });
    const members = await collect(connection, 'user-directory', 'users', { filter: { group_id: 'g1' } });
    expect(members.map((member) => member.id)).toEqual(['1', '2']);
    expect(routes.paths()).toEqual(['/groups/g1/members?count=2']);
  });

  it('uses the default sources without those filters', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', { body: [user(1)] });
    await collect(connection, 'user-directory', 'users');
    expect(routes.paths()).toEqual(['/users?limit=3']);
  });

  it('encodes a filter value placed in a path', async () => {
    const { routes, connection } = setup();
    routes.on('/groups/a%2Fb%3Fc/members?count=2', { body: { members: [], meta: {} } });
    await collect(connection, 'user-directory', 'users', { filter: { group_id: 'a/b?c' } });
    expect(routes.seen[0]!.path).toBe('/groups/a%2Fb%3Fc/members?count=2');
  });
});

describe('filters', () => {
  it('sends remote filters in the query (status as state, updated_after through computed_query)', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3&state=active&modified_since=2025-12-31T22:00:00.000Z', {
      body: [user(1, { modified: '2026-01-05T00:00:00Z' })],
    });
    const users = await collect(connection, 'user-directory', 'users', {
      filter: { status: 'active', updated_after: '2026-01-01T00:00:00+02:00' },
    });
    expect(users.map((record) => record.id)).toEqual(['1']);
    expect(routes.seen).toHaveLength(1);
  });

  it('applies a local filter in the engine: the result is exactly the filtered set', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', {
      body: [user(1, { email: 'a@x.io' }), user(2, { email: 'b@x.io' }), user(3, { email: 'c@x.io' })],
      headers: { link: nextLink(`${TEST_ORIGIN}/users?after=3&limit=3`) },
    });
    routes.on('/users?after=3&limit=3', { body: [user(4, { email: 'b@x.io' }), user(5)] });
    const users = await collect(connection, 'user-directory', 'users', { filter: { email: 'b@x.io' } });
    expect(users.map((record) => record.id)).toEqual(['2', '4']);
    // The provider was not asked to filter on email.
    expect(routes.seen.every((request) => !request.url.searchParams.has('email'))).toBe(true);
  });

  it('combines a remote and a local filter', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3&state=active', {
      body: [user(1, { email: 'a@x.io' }), user(2, { email: 'b@x.io' })],
    });
    const users = await collect(connection, 'user-directory', 'users', {
      filter: { status: 'active', email: 'a@x.io' },
    });
    expect(users.map((record) => record.id)).toEqual(['1']);
  });

  it('does not end the listing on a page the filters empty', async () => {
    const { routes, connection } = setup();
    const pages = [
      [user(1, { email: 'a@x.io' }), user(2, { email: 'c@x.io' }), user(3)],
      [user(4), user(5), user(6, { email: 'c@x.io' })],
      [user(7, { email: 'b@x.io' }), user(8)],
      [user(9)],
    ];
    for (const [index, body] of pages.entries()) {
      const path = index === 0 ? '/users?limit=3' : `/users?p=${index}`;
      const link: Record<string, string> =
        index < pages.length - 1 ? { link: nextLink(`${TEST_ORIGIN}/users?p=${index + 1}`) } : {};
      routes.on(path, { body, headers: link }, { times: 2 });
    }
    const filter = { email: 'b@x.io' };
    expect(
      (await collect(connection, 'user-directory', 'users', { filter })).map((record) => record.id),
    ).toEqual(['7']);
    const listed = await listPages(connection, 'user-directory', 'users', { filter });
    expect(listed.flat()).toEqual(['7']);
    // The first call reads on past the emptied pages instead of returning nothing.
    expect(listed[0]).toEqual(['7']);
  });

  it('returns an empty page with a cursor, not the end, after many emptied pages in one call', async () => {
    const { routes, connection } = setup();
    const total = 30;
    for (let index = 0; index < total; index += 1) {
      const path = index === 0 ? '/users?limit=3' : `/users?p=${index}`;
      const body = index === total - 1 ? [user(index, { email: 'b@x.io' })] : [user(index)];
      const headers: Record<string, string> =
        index < total - 1 ? { link: nextLink(`${TEST_ORIGIN}/users?p=${index + 1}`) } : {};
      routes.on(path, { body, headers });
    }
    const first = await connection.list('user-directory', 'users', { filter: { email: 'b@x.io' } });
    expect(first.result).toEqual([]);
    expect(first.next_cursor).not.toBeNull();
    const rest = await listPages(connection, 'user-directory', 'users', {
      filter: { email: 'b@x.io' },
      cursor: first.next_cursor,
    });
    expect(rest.flat()).toEqual([String(total - 1)]);
    expect(routes.seen).toHaveLength(total);
  });

  it('refuses a filter the resource does not declare, before any request', async () => {
    const { routes, connection } = setup();
    const error = await engineError(connection.list('user-directory', 'users', { filter: { team: 'x' } }));
    expect(error.code).toBe('unsupported_filter');
    expect(error.message).toContain('team');
    expect(routes.seen).toHaveLength(0);
  });

  it('refuses a value outside what the provider can answer, naming the limit', async () => {
    const { routes, connection } = setup();
    const old = new Date(Date.now() - 200 * 86_400_000).toISOString();
    const error = await engineError(
      connection.list('user-directory', 'activities', { filter: { created_after: old } }),
    );
    expect(error.code).toBe('invalid_filter');
    expect(error.message).toContain('90 days');
    const bad = await engineError(connection.list('user-directory', 'users', { filter: { status: 'gone' } }));
    expect(bad.code).toBe('invalid_filter');
    expect(routes.seen).toHaveLength(0);
  });
});

describe('fan-out (app users of every app)', () => {
  const apps = [
    { id: 'a1', label: 'One', active: true },
    { id: 'a2', label: 'Two', active: true },
    { id: 'a3', label: 'Three', active: false },
  ];

  function serveAppUsers(routes: MockRoutes, times = 1) {
    routes.on('/apps', { body: apps }, { times });
    routes.on(
      '/apps/a1/users?limit=2',
      {
        body: [{ id: 'u1' }, { id: 'u2' }],
        headers: { link: nextLink(`${TEST_ORIGIN}/apps/a1/users?after=u2`) },
      },
      { times },
    );
    routes.on('/apps/a1/users?after=u2', { body: [{ id: 'u3' }] }, { times });
    routes.on('/apps/a2/users?limit=2', { body: [] }, { times });
    routes.on('/apps/a3/users?limit=2', { body: [{ id: 'u1' }] }, { times });
  }

  it('lists the child endpoint of every parent record, paging inside each, reading the parents once', async () => {
    const { routes, connection } = setup();
    serveAppUsers(routes);
    const records = await collect(connection, 'sso', 'app-users', { remoteData: false });
    expect(records).toEqual([
      { id: 'a1:u1', app: { id: 'a1', name: 'One' }, user: { id: 'u1' } },
      { id: 'a1:u2', app: { id: 'a1', name: 'One' }, user: { id: 'u2' } },
      { id: 'a1:u3', app: { id: 'a1', name: 'One' }, user: { id: 'u3' } },
      { id: 'a3:u1', app: { id: 'a3', name: 'Three' }, user: { id: 'u1' } },
    ]);
    expect(routes.paths().filter((path) => path === '/apps')).toHaveLength(1);
    expect(routes.paths()).toEqual([
      '/apps',
      '/apps/a1/users?limit=2',
      '/apps/a1/users?after=u2',
      '/apps/a2/users?limit=2',
      '/apps/a3/users?limit=2',
    ]);
  });

  it('resumes from a cursor in the middle of an app', async () => {
    const { routes, connection } = setup();
    serveAppUsers(routes, Number.POSITIVE_INFINITY);
    const first = await connection.list('sso', 'app-users');
    expect(first.result.map((record) => record.id)).toEqual(['a1:u1', 'a1:u2']);
    const before = routes.paths().length;
    const second = await connection.list('sso', 'app-users', { cursor: first.next_cursor });
    expect(second.result.map((record) => record.id)).toEqual(['a1:u3']);
    // The next page of the same app: its link, not the app's first page again.
    expect(routes.paths().slice(before)).toContain('/apps/a1/users?after=u2');
    expect(routes.paths().slice(before)).not.toContain('/apps/a1/users?limit=2');
    const rest = await listPages(connection, 'sso', 'app-users', { cursor: second.next_cursor });
    expect(rest.flat()).toEqual(['a3:u1']);
  });

  it('gives app users unique ids across apps', async () => {
    const { routes, connection } = setup();
    serveAppUsers(routes);
    const ids = (await collect(connection, 'sso', 'app-users')).map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('lists one app through the app_id variant, without reading the apps', async () => {
    const { routes, connection } = setup();
    routes.on('/apps/a2/users?limit=2', {
      body: [
        { id: 'u5', appId: 'a2' },
        { id: 'u6', appId: 'a2' },
      ],
      headers: { link: nextLink(`${TEST_ORIGIN}/apps/a2/users?after=u6`) },
    });
    routes.on('/apps/a2/users?after=u6', { body: [{ id: 'u7', appId: 'a2' }] });
    const records = await collect(connection, 'sso', 'app-users', { filter: { app_id: 'a2' } });
    expect(records.map((record) => record.id)).toEqual(['a2:u5', 'a2:u6', 'a2:u7']);
    expect(routes.paths()).not.toContain('/apps');
  });
});

describe('derived locations', () => {
  function serveUsersWithAddresses(routes: MockRoutes) {
    routes.on(
      '/users?limit=3',
      {
        body: [
          user(1, { address: { street: '1 Main St', city: 'Springfield' } }),
          user(2),
          user(3, { address: { street: '  1  main st ', city: 'SPRINGFIELD' } }),
        ],
        headers: { link: nextLink(`${TEST_ORIGIN}/users?after=3&limit=3`) },
      },
      { times: Number.POSITIVE_INFINITY },
    );
    routes.on(
      '/users?after=3&limit=3',
      {
        body: [
          user(4, { address: { street: '1 MAIN ST', city: 'springfield' } }),
          user(5, { address: { street: '2 Elm Rd', city: 'Shelbyville' } }),
        ],
      },
      { times: Number.POSITIVE_INFINITY },
    );
  }

  it('collapses the same address spelled differently across pages into one location, in one page', async () => {
    const { routes, connection } = setup();
    serveUsersWithAddresses(routes);
    const page = await connection.list('hris', 'locations');
    expect(page.next_cursor).toBeNull();
    expect(page.result).toEqual([
      {
        id: stableId('1 Main St', 'Springfield'),
        street_1: '1 Main St',
        city: 'Springfield',
        remote_data: { street: '1 Main St', city: 'Springfield' },
      },
      {
        id: stableId('2 Elm Rd', 'Shelbyville'),
        street_1: '2 Elm Rd',
        city: 'Shelbyville',
        remote_data: { street: '2 Elm Rd', city: 'Shelbyville' },
      },
    ]);
    expect(routes.paths()).toEqual(['/users?limit=3', '/users?after=3&limit=3']);
  });

  it('gives each location a stable id, the same from listing to listing and engine to engine', async () => {
    const { routes, connection } = setup();
    serveUsersWithAddresses(routes);
    const first = (await collect(connection, 'hris', 'locations')).map((record) => record.id);
    const other = createTestEngine({ cursorSecret: 'another-cursor-secret-0123456789' });
    serveUsersWithAddresses(new MockRoutes(other.agent, TEST_ORIGIN));
    const second = (
      await collect(connectTestProvider(other.engine) as unknown as Listing, 'hris', 'locations')
    ).map((record) => record.id);
    expect(second).toEqual(first);
    expect(first).toHaveLength(2);
    expect(first[0]).toMatch(/^[\w-]{22}$/);
  });

  it('finds one location by id through the listing', async () => {
    const { routes, connection } = setup();
    serveUsersWithAddresses(routes);
    const id = stableId('2 elm rd', 'shelbyville');
    const location = await (
      connection as unknown as { get(model: string, resource: string, id: string): Promise<AnyRecord> }
    ).get('hris', 'locations', id);
    expect(location).toMatchObject({ id, street_1: '2 Elm Rd' });
  });
});
