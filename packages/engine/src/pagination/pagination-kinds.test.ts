import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { type Listing, setupListing as setup } from '../../test/helpers/listing.js';
import { nextLink } from '../../test/helpers/mock-routes.js';
import { TEST_ORIGIN } from '../../test/helpers/test-engine.js';
import type { Connection } from '../connection/connection.js';

type Model = Parameters<Connection['list']>[0];

function user(id: number) {
  return { id, name: `User ${id}`, state: 'on' };
}

async function iterateIds(
  connection: Listing,
  resource: string,
  options: Record<string, unknown> = {},
  model: Model = 'user-directory',
): Promise<string[]> {
  const ids: string[] = [];
  for await (const record of connection.iterate(model, resource, options)) ids.push(record.id);
  return ids;
}

/** Lists page by page with cursors until next_cursor is null; returns the ids of every page. */
async function listPages(
  connection: Listing,
  resource: string,
  options: Record<string, unknown> = {},
  model: Model = 'user-directory',
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | null | undefined;
  do {
    const page = await connection.list(model, resource, { ...options, cursor });
    pages.push(page.result.map((record) => record.id));
    cursor = page.next_cursor;
    if (pages.length > 20) throw new Error('the listing does not end');
  } while (cursor !== null);
  return pages;
}

describe('link_header', () => {
  it('follows rel="next" across repeated Link headers (an array), with iterate and with cursors', async () => {
    const { routes, connection } = setup();
    const first = {
      body: [user(1), user(2), user(3)],
      headers: {
        link: [
          nextLink(`${TEST_ORIGIN}/users?limit=3`, 'self'),
          nextLink(`${TEST_ORIGIN}/users?after=3&limit=3`),
        ],
      },
    };
    const second = {
      body: [user(4)],
      headers: { link: nextLink(`${TEST_ORIGIN}/users?after=3&limit=3`, 'self') },
    };
    routes.on('/users?limit=3', first, { times: 2 });
    routes.on('/users?after=3&limit=3', second, { times: 2 });
    expect(await iterateIds(connection, 'users')).toEqual(['1', '2', '3', '4']);
    expect(await listPages(connection, 'users')).toEqual([['1', '2', '3'], ['4']]);
    expect(routes.paths()).toEqual([
      '/users?limit=3',
      '/users?after=3&limit=3',
      '/users?limit=3',
      '/users?after=3&limit=3',
    ]);
  });

  it('follows rel="next" in one comma-joined Link header that also names self', async () => {
    const { routes, connection } = setup();
    const joined = [
      nextLink(`${TEST_ORIGIN}/users?limit=3`, 'self'),
      nextLink(`${TEST_ORIGIN}/users?after=3&fields=id,name&limit=3`),
    ].join(', ');
    routes.on(
      '/users?limit=3',
      { body: [user(1), user(2), user(3)], headers: { link: joined } },
      { times: 2 },
    );
    routes.on('/users?after=3&fields=id,name&limit=3', { body: [user(4)] }, { times: 2 });
    expect(await iterateIds(connection, 'users')).toEqual(['1', '2', '3', '4']);
    expect(await listPages(connection, 'users')).toEqual([['1', '2', '3'], ['4']]);
  });

  it('follows a next link given as a path on the same origin', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', { body: [user(1)], headers: { link: nextLink('/users?after=1&limit=3') } });
    routes.on('/users?after=1&limit=3', { body: [user(2)] });
    expect(await iterateIds(connection, 'users')).toEqual(['1', '2']);
  });

  it('fails with an EngineError, not a parser error, on a malformed Link header', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', { body: [user(1)], headers: { link: 'garbage; rel=next' } });
    const error = await engineError(iterateIds(connection, 'users'));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toMatch(/link/i);
  });
});

describe('body_next_url', () => {
  it('follows the next URL in the body', async () => {
    const { routes, connection } = setup();
    const event = (id: string) => ({ id, type: 'user.login', at: '2026-02-01T10:00:00+01:00' });
    routes.on(
      '/events?limit=100',
      {
        body: {
          items: [event('e1'), event('e2')],
          links: { next: `${TEST_ORIGIN}/events?page=2&limit=100` },
        },
      },
      { times: 2 },
    );
    routes.on(
      '/events?page=2&limit=100',
      { body: { items: [event('e3')], links: { next: '/events?page=3&limit=100' } } },
      { times: 2 },
    );
    routes.on('/events?page=3&limit=100', { body: { items: [event('e4')], links: {} } }, { times: 2 });
    expect(await iterateIds(connection, 'activities')).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect(await listPages(connection, 'activities')).toEqual([['e1', 'e2'], ['e3'], ['e4']]);
  });
});

describe('body_cursor', () => {
  it('sends the cursor from the body back as cursor_param', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/groups/g1/members?count=2',
      { body: { members: [user(1), user(2)], meta: { next: 'c-2' } } },
      {
        times: 2,
      },
    );
    routes.on(
      '/groups/g1/members?count=2&cursor=c-2',
      { body: { members: [user(3)], meta: { next: null } } },
      {
        times: 2,
      },
    );
    const filter = { group_id: 'g1' };
    expect(await iterateIds(connection, 'users', { filter })).toEqual(['1', '2', '3']);
    expect(await listPages(connection, 'users', { filter })).toEqual([['1', '2'], ['3']]);
  });
});

describe('page', () => {
  it('counts page[number] from 1 with page[size], until the total is reached', async () => {
    const { routes, connection } = setup();
    const group = (id: number) => ({ id, name: `Group ${id}`, members: id });
    routes.on(
      '/groups?page[number]=1&page[size]=2',
      { body: { data: [group(1), group(2)], total: 3 } },
      { times: 2 },
    );
    routes.on('/groups?page[number]=2&page[size]=2', { body: { data: [group(3)], total: 3 } }, { times: 2 });
    expect(await iterateIds(connection, 'groups')).toEqual(['1', '2', '3']);
    expect(await listPages(connection, 'groups')).toEqual([['1', '2'], ['3']]);
  });

  it('keeps the page size a cursor was counted in, whatever limit the next call asks', async () => {
    const { routes, connection } = setup();
    const group = (id: number) => ({ id, name: `Group ${id}`, members: id });
    routes.on('/groups?page[number]=1&page[size]=1', { body: { data: [group(1)], total: 3 } });
    routes.on('/groups?page[number]=2&page[size]=1', { body: { data: [group(2)], total: 3 } });
    const first = await connection.list('user-directory', 'groups', { limit: 1 });
    // Page 2 of size 2 would be records 3-4 and skip record 2.
    const second = await connection.list('user-directory', 'groups', { limit: 2, cursor: first.next_cursor });
    expect([...first.result, ...second.result].map((group) => group.id)).toEqual(['1', '2']);
  });

  it('fails with invalid_response when the records path finds nothing, instead of ending empty', async () => {
    const { routes, connection } = setup();
    routes.on('/groups?page[number]=1&page[size]=2', {
      body: { results: [{ id: 1, name: 'One' }], total: 1 },
    });
    const error = await engineError(connection.list('user-directory', 'groups'));
    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('the records path "data" finds nothing in the body');
  });
});

describe('offset', () => {
  it('moves the offset by the records read, after the static source', async () => {
    const { routes, connection } = setup();
    const role = (id: number) => ({ id, name: `Role ${id}` });
    routes.on('/roles?skip=0&take=2', { body: [role(1), role(2)] }, { times: 2 });
    routes.on('/roles?skip=2&take=2', { body: [role(3), role(4)] }, { times: 2 });
    routes.on('/roles?skip=4&take=2', { body: [role(5)] }, { times: 2 });
    const expected = ['OWNER', 'custom:1', 'custom:2', 'custom:3', 'custom:4', 'custom:5'];
    expect(await iterateIds(connection, 'roles')).toEqual(expected);
    expect(await listPages(connection, 'roles')).toEqual([
      ['OWNER'],
      ['custom:1', 'custom:2'],
      ['custom:3', 'custom:4'],
      ['custom:5'],
    ]);
  });
});

describe('none', () => {
  it('reads one page and returns next_cursor null', async () => {
    const { routes, connection } = setup();
    const apps = [
      { id: 'a1', label: 'One', active: true },
      { id: 'a2', label: 'Two', active: false },
    ];
    routes.on(
      '/apps',
      { body: apps, headers: { link: nextLink(`${TEST_ORIGIN}/apps?page=2`) } },
      { times: 2 },
    );
    const page = await connection.list('sso', 'apps', { limit: 1 });
    expect(page.result.map((app) => app.id)).toEqual(['a1', 'a2']);
    expect(page.next_cursor).toBeNull();
    expect(await iterateIds(connection, 'apps', {}, 'sso')).toEqual(['a1', 'a2']);
    expect(routes.paths()).toEqual(['/apps', '/apps']);
  });
});

describe('limit', () => {
  it.each([
    [undefined, '3'],
    [1, '1'],
    [3, '3'],
    [50, '3'],
  ])('asks for limit %s as limit=%s (capped at max_limit 3)', async (limit, sent) => {
    const { routes, connection } = setup();
    routes.on(`/users?limit=${sent}`, { body: [user(1)] });
    await connection.list('user-directory', 'users', limit === undefined ? {} : { limit });
    expect(routes.seen[0]!.url.searchParams.get('limit')).toBe(sent);
  });

  it('caps page[size] at the max_limit of the page source', async () => {
    const { routes, connection } = setup();
    routes.on('/groups?page[number]=1&page[size]=2', { body: { data: [], total: 0 } });
    await connection.list('user-directory', 'groups', { limit: 500 });
    expect(routes.seen[0]!.url.searchParams.get('page[size]')).toBe('2');
  });

  it('keeps the capped limit on every page of a cursor listing', async () => {
    const { routes, connection } = setup();
    routes.on('/groups/g1/members?count=2', { body: { members: [user(1), user(2)], meta: { next: 'n' } } });
    routes.on('/groups/g1/members?count=2&cursor=n', { body: { members: [], meta: {} } });
    const filter = { group_id: 'g1' };
    const first = await connection.list('user-directory', 'users', { filter, limit: 10 });
    await connection.list('user-directory', 'users', { filter, limit: 10, cursor: first.next_cursor });
    expect(routes.paths()).toEqual(['/groups/g1/members?count=2', '/groups/g1/members?count=2&cursor=n']);
  });

  it('refuses a limit that is not a positive whole number', async () => {
    const { routes, connection } = setup();
    for (const limit of [0, -1, 2.5]) {
      const error = await engineError(connection.list('user-directory', 'users', { limit }));
      expect(error.code).toBe('invalid_request');
    }
    expect(routes.seen).toHaveLength(0);
  });
});

describe('a next link to another origin', () => {
  const EVIL = 'https://evil.example.net';

  it.each([
    ['an absolute URL', `${EVIL}/users?after=1`],
    ['a protocol-relative URL', '//evil.example.net/users?after=1'],
    ['the same host over http', 'http://acme.api.example.com/users?after=1'],
    ['another port', 'https://acme.api.example.com:8443/users?after=1'],
  ])('fails with foreign_origin for %s in a Link header, before any request goes there', async (_, link) => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', { body: [user(1)], headers: { link: nextLink(link) } }, { times: 2 });
    routes.on(`${EVIL}/users?after=1`, { body: [user(2)] }, { times: 5 });
    routes.on('/users?after=1', { body: [user(2)] }, { times: 5 });
    const iterated = await engineError(iterateIds(connection, 'users'));
    expect(iterated.code).toBe('foreign_origin');
    const listed = await engineError(connection.list('user-directory', 'users'));
    expect(listed.code).toBe('foreign_origin');
    // Nothing reached the other origin, nor was the link rewritten onto the connection's host.
    expect(routes.to(EVIL)).toHaveLength(0);
    expect(routes.paths()).toEqual(['/users?limit=3', '/users?limit=3']);
    expect(routes.seen.filter((request) => request.headers['x-api-key'])).toHaveLength(2);
  });

  it('fails with foreign_origin for a next URL in the body', async () => {
    const { routes, connection } = setup();
    routes.on('/events?limit=100', {
      body: {
        items: [{ id: 'e1', type: 't', at: '2026-02-01T00:00:00Z' }],
        links: { next: `${EVIL}/events?page=2` },
      },
    });
    routes.on(`${EVIL}/events?page=2`, { body: { items: [] } }, { times: 5 });
    const error = await engineError(iterateIds(connection, 'activities'));
    expect(error.code).toBe('foreign_origin');
    expect(error.message).toContain('evil.example.net');
    expect(routes.to(EVIL)).toHaveLength(0);
  });
});
