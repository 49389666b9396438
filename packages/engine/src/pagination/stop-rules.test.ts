import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { type Listing, setupListing as setup } from '../../test/helpers/listing.js';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';
import { loadProviderDefinition } from '../definition/provider-source.js';
import type { EngineError } from '../index.js';
import { MAX_EMPTY_PAGES } from './http-page-reader.js';

function user(id: number) {
  return { id, name: `User ${id}`, state: 'on' };
}

function group(id: number) {
  return { id, name: `Group ${id}`, members: 1 };
}

async function iterateIds(connection: Listing, resource: string, options: Record<string, unknown> = {}) {
  const ids: string[] = [];
  for await (const record of connection.iterate('user-directory', resource, options)) ids.push(record.id);
  return ids;
}

async function iterateInto(connection: Listing, resource: string, ids: string[]) {
  for await (const record of connection.iterate('user-directory', resource)) ids.push(record.id);
}

async function listPages(
  connection: Listing,
  resource: string,
  options: Record<string, unknown> = {},
  maxPages = 20,
) {
  const pages: string[][] = [];
  let cursor: string | null | undefined;
  do {
    const page = await connection.list('user-directory', resource, { ...options, cursor });
    pages.push(page.result.map((record) => record.id));
    cursor = page.next_cursor;
    if (pages.length > maxPages) throw new Error('the listing does not end');
  } while (cursor !== null);
  return pages;
}

/** The pagination_loop error a listing must fail with. */
async function loopError(promise: Promise<unknown>): Promise<EngineError> {
  const error = await engineError(promise);
  expect(error.code).toBe('pagination_loop');
  expect(error.retryable).toBe(false);
  return error;
}

describe('stop rules', () => {
  it('stops when there is no next link', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', { body: [user(1), user(2), user(3)] });
    const page = await connection.list('user-directory', 'users');
    expect(page.result).toHaveLength(3);
    expect(page.next_cursor).toBeNull();
    expect(routes.seen).toHaveLength(1);
  });

  it('reads on past an empty page that carries a next link', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/users?limit=3',
      { body: [user(1)], headers: { link: nextLink(`${TEST_ORIGIN}/users?p=2`) } },
      {
        times: 2,
      },
    );
    routes.on(
      '/users?p=2',
      { body: [], headers: { link: nextLink(`${TEST_ORIGIN}/users?p=3`) } },
      { times: 2 },
    );
    routes.on('/users?p=3', { body: [user(3)] }, { times: 2 });
    expect(await iterateIds(connection, 'users')).toEqual(['1', '3']);
    expect(await listPages(connection, 'users')).toEqual([['1'], ['3']]);
  });

  it('stops on a page shorter than the page size (page kind)', async () => {
    const { routes, connection } = setup();
    routes.on('/groups?page[number]=1&page[size]=2', { body: { data: [group(1)], total: 50 } });
    routes.on('/groups?page[number]=2&page[size]=2', { body: { data: [group(2)], total: 50 } });
    expect(await iterateIds(connection, 'groups')).toEqual(['1']);
    expect(routes.seen).toHaveLength(1);
  });

  it('stops on a page shorter than the page size (offset kind)', async () => {
    const { routes, connection } = setup();
    routes.on('/roles?skip=0&take=2', { body: [{ id: 1, name: 'One' }] });
    routes.on('/roles?skip=1&take=2', { body: [{ id: 2, name: 'Two' }] });
    expect(await iterateIds(connection, 'roles')).toEqual(['OWNER', 'custom:1']);
    expect(routes.seen).toHaveLength(1);
  });

  it('stops once the total is reached, without asking for a further page', async () => {
    const { routes, connection } = setup();
    routes.on('/groups?page[number]=1&page[size]=2', { body: { data: [group(1), group(2)], total: 4 } });
    routes.on('/groups?page[number]=2&page[size]=2', { body: { data: [group(3), group(4)], total: 4 } });
    routes.on('/groups?page[number]=3&page[size]=2', { body: { data: [group(5)], total: 4 } });
    expect(await iterateIds(connection, 'groups')).toEqual(['1', '2', '3', '4']);
    expect(routes.seen).toHaveLength(2);
  });

  it('fails with pagination_loop when the next link equals the current request', async () => {
    const { routes, connection } = setup();
    const self = `${TEST_ORIGIN}/users?limit=3&after=1`;
    routes.on('/users?limit=3', { body: [user(1)], headers: { link: nextLink(self) } });
    routes.on('/users?limit=3&after=1', { body: [user(2)], headers: { link: nextLink(self) } }, { times: 5 });
    const ids: string[] = [];
    const error = await loopError(iterateInto(connection, 'users', ids));
    expect(ids).toEqual(['1', '2']);
    expect(error.cursor).toEqual(expect.any(String));
    expect(routes.seen).toHaveLength(2);
  });

  it('fails on a link back to a page seen before (A -> B -> A), through cursors too', async () => {
    const { routes, connection } = setup();
    const a = `${TEST_ORIGIN}/users?after=a`;
    const b = `${TEST_ORIGIN}/users?after=b`;
    routes.on('/users?limit=3', { body: [user(1)], headers: { link: nextLink(a) } }, { times: 2 });
    routes.on('/users?after=a', { body: [user(2)], headers: { link: nextLink(b) } }, { times: 2 });
    routes.on('/users?after=b', { body: [user(3)], headers: { link: nextLink(a) } }, { times: 2 });
    const ids: string[] = [];
    await loopError(iterateInto(connection, 'users', ids));
    expect(ids).toEqual(['1', '2', '3']);
    // What was seen travels in the cursor: the fourth call fails, none returns next_cursor null.
    await loopError(listPages(connection, 'users'));
    expect(routes.seen).toHaveLength(6);
  });

  it('fails on a body cursor seen before (A -> B -> A)', async () => {
    const { routes, connection } = setup();
    const members = (id: number, next: string) => ({
      body: { members: [user(id), user(id + 10)], meta: { next } },
    });
    routes.on('/groups/g1/members?count=2', members(1, 'A'), { times: 2 });
    routes.on('/groups/g1/members?count=2&cursor=A', members(2, 'B'), { times: 2 });
    routes.on('/groups/g1/members?count=2&cursor=B', members(3, 'A'), { times: 2 });
    const filter = { group_id: 'g1' };
    await loopError(iterateIds(connection, 'users', { filter }));
    await loopError(listPages(connection, 'users', { filter }));
    expect(routes.seen).toHaveLength(6);
  });

  it('fails on a link back to the first page', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', {
      body: [user(1)],
      headers: { link: nextLink(`${TEST_ORIGIN}/users?after=1`) },
    });
    routes.on('/users?after=1', {
      body: [user(2)],
      headers: { link: nextLink(`${TEST_ORIGIN}/users?limit=3`) },
    });
    await loopError(iterateIds(connection, 'users'));
    expect(routes.seen).toHaveLength(2);
  });

  it('fails on a cycle of 20 pages, longer than the links remembered exactly, through cursors too', async () => {
    const { routes, connection } = setup();
    const link = (page: number) => `${TEST_ORIGIN}/users?after=${page}`;
    routes.on('/users?limit=3', { body: [user(0)], headers: { link: nextLink(link(1)) } }, { times: 2 });
    for (let page = 1; page <= 20; page += 1) {
      const next = page === 20 ? 1 : page + 1;
      routes.on(
        `/users?after=${page}`,
        { body: [user(page)], headers: { link: nextLink(link(next)) } },
        { times: Number.POSITIVE_INFINITY },
      );
    }
    const ids: string[] = [];
    await loopError(iterateInto(connection, 'users', ids));
    // Found within about two turns of the cycle, not after max_pages.
    expect(ids.length).toBeGreaterThan(20);
    expect(ids.length).toBeLessThan(80);
    const before = routes.seen.length;
    await loopError(listPages(connection, 'users', {}, 200));
    expect(routes.seen.length - before).toBeLessThan(80);
  });

  it('fails at once when the server ignores the cursor and serves the first page under new links', async () => {
    const { agent, connection } = setup();
    let served = 0;
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: (path: string) => path.startsWith('/users'), method: 'GET' })
      .reply(() => {
        served += 1;
        return {
          statusCode: 200,
          data: JSON.stringify([user(1), user(2), user(3)]),
          responseOptions: {
            headers: {
              'content-type': 'application/json',
              link: nextLink(`${TEST_ORIGIN}/users?after=token-${served}`),
            },
          },
        };
      })
      .persist();
    const ids: string[] = [];
    await loopError(iterateInto(connection, 'users', ids));
    expect(ids).toEqual(['1', '2', '3']);
    expect(served).toBe(2);
  });

  it('fails once empty pages that name a next page go on past the bound', async () => {
    const { agent, connection } = setup();
    let served = 0;
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: (path: string) => path.startsWith('/users'), method: 'GET' })
      .reply(() => {
        served += 1;
        return {
          statusCode: 200,
          data: '[]',
          responseOptions: {
            headers: {
              'content-type': 'application/json',
              link: nextLink(`${TEST_ORIGIN}/users?after=token-${served}`),
            },
          },
        };
      })
      .persist();
    const error = await loopError(iterateIds(connection, 'users'));
    expect(error.message).toContain(`${MAX_EMPTY_PAGES} empty pages in a row`);
    expect(served).toBe(MAX_EMPTY_PAGES);
    expect(error.cursor).toEqual(expect.any(String));
  });
});

describe('stop_on_empty_page', () => {
  const polled = loadProviderDefinition(`
version: 1
id: polled
name: Polled
params:
  region: { enum: [eu], default: eu }
base_url:
  by: region
  values: { eu: https://eu.polled.example.com }
auth:
  - id: token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /events }
          pagination: { type: link_header, stop_on_empty_page: true }
          mapping: '{ "id": $string(id), "status": "active" }'
`);
  const ORIGIN = 'https://eu.polled.example.com';

  it('ends the listing on an empty page where the definition declares it (a polled log caught up)', async () => {
    const test = createTestEngine({ providers: [polled] });
    const routes = new MockRoutes(test.agent, ORIGIN);
    routes.on('/events', { body: [{ id: 1 }], headers: { link: nextLink(`${ORIGIN}/events?after=1`) } });
    routes.on('/events?after=1', { body: [], headers: { link: nextLink(`${ORIGIN}/events?after=1`) } });
    const connection = test.engine.connect('polled', { auth: { method: 'token', token: 'polled-token' } });
    const page = await connection.list('user-directory', 'users');
    const last = await connection.list('user-directory', 'users', { cursor: page.next_cursor });
    expect(last.result).toEqual([]);
    expect(last.next_cursor).toBeNull();
  });
});

describe('max_pages', () => {
  const capped = loadProviderDefinition(`
version: 1
id: capped
name: Capped
params:
  region: { enum: [eu], default: eu }
base_url:
  by: region
  values: { eu: https://eu.capped.example.com }
auth:
  - id: token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users }
          pagination: { type: link_header, max_pages: 2 }
          mapping: '{ "id": $string(id), "status": "active" }'
`);
  const ORIGIN = 'https://eu.capped.example.com';

  it('fails with pagination_loop after max_pages, when a next page is still named', async () => {
    const { engine, routes, warnings } = (() => {
      const test = createTestEngine({ providers: [capped] });
      return { ...test, routes: new MockRoutes(test.agent, ORIGIN) };
    })();
    for (const page of [1, 2, 3]) {
      routes.on(page === 1 ? '/users' : `/users?page=${page}`, {
        body: [{ id: page }],
        headers: { link: nextLink(`${ORIGIN}/users?page=${page + 1}`) },
      });
    }
    const connection = engine.connect('capped', { auth: { method: 'token', token: 'capped-token' } });
    const ids: string[] = [];
    const error = await loopError(iterateInto(connection as unknown as Listing, 'users', ids));
    expect(ids).toEqual(['1', '2']);
    expect(routes.seen).toHaveLength(2);
    expect(error.message).toContain('max_pages (2)');
    expect(error.resource).toBe('user-directory/users');
    expect(warnings).toHaveLength(0);
  });

  it('emits no warning when the listing ends by itself at max_pages', async () => {
    const test = createTestEngine({ providers: [capped] });
    const routes = new MockRoutes(test.agent, ORIGIN);
    routes.on('/users', { body: [{ id: 1 }], headers: { link: nextLink(`${ORIGIN}/users?page=2`) } });
    routes.on('/users?page=2', { body: [{ id: 2 }] });
    const connection = test.engine.connect('capped', { auth: { method: 'token', token: 'capped-token' } });
    const ids: string[] = [];
    for await (const record of connection.iterate('user-directory', 'users')) ids.push(record.id);
    expect(ids).toEqual(['1', '2']);
    expect(test.warnings).toHaveLength(0);
  });
});
