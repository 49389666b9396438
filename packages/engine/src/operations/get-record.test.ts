import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';

type AnyRecord = { id: string } & Record<string, unknown>;
type Getter = {
  get(model: string, resource: string, id?: string, options?: Record<string, unknown>): Promise<AnyRecord>;
};

function setup() {
  const test = createTestEngine();
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  const connection = connectTestProvider(test.engine) as unknown as Getter;
  return { ...test, routes, connection };
}

describe('get by id', () => {
  it('fetches and maps one record, with remote_data', async () => {
    const { routes, connection } = setup();
    const raw = { id: 42, name: 'Ada', state: 'new', email: 'ada@x.io' };
    routes.on('/users/42', { body: raw });
    const record = await connection.get('user-directory', 'users', '42');
    expect(record).toEqual({
      id: '42',
      name: 'Ada',
      status: 'invited',
      emails: [{ email: 'ada@x.io', type: 'work', is_primary: true }],
      remote_data: raw,
    });
    expect(routes.seen[0]!.headers['x-api-key']).toBe('secret-token-1');
  });

  it('leaves remote_data out when asked', async () => {
    const { routes, connection } = setup();
    routes.on('/users/42', { body: { id: 42, state: 'on' } });
    const record = await connection.get('user-directory', 'users', '42', { remoteData: false });
    expect(record).toEqual({ id: '42', status: 'active' });
  });

  it('turns a 404 into not_found', async () => {
    const { routes, connection } = setup();
    routes.on('/users/404', { status: 404, body: { error: { code: 'E_NONE', text: 'no such user' } } });
    const error = await engineError(connection.get('user-directory', 'users', '404'));
    expect(error.code).toBe('not_found');
    expect(error.status).toBe(404);
    expect(error.message).toContain('no such user');
    expect(routes.seen).toHaveLength(1);
  });

  it('encodes the id in the path and refuses dot segments', async () => {
    const { routes, connection } = setup();
    routes.on('/users/a%2F..%2Fadmin', { body: { id: 'a/../admin', state: 'on' } });
    const record = await connection.get('user-directory', 'users', 'a/../admin');
    expect(record.id).toBe('a/../admin');
    for (const id of ['..', '.']) {
      const error = await engineError(connection.get('user-directory', 'users', id));
      expect(error.code).toBe('invalid_request');
    }
    expect(routes.seen).toHaveLength(1);
  });

  it('needs an id for a resource that is not a singleton', async () => {
    const { routes, connection } = setup();
    const error = await engineError(connection.get('user-directory', 'users'));
    expect(error.code).toBe('invalid_request');
    expect(routes.seen).toHaveLength(0);
  });

  it('refuses get on a resource that has none', async () => {
    const { connection } = setup();
    const error = await engineError(connection.get('user-directory', 'activities', 'e1'));
    expect(error.code).toBe('unsupported_operation');
  });
});

describe('get with id_pattern', () => {
  it('splits a composite id (app:user) into the path', async () => {
    const { routes, connection } = setup();
    routes.on('/apps/a1/users/u9', { body: { id: 'u9', appId: 'a1' } });
    const record = await connection.get('sso', 'app-users', 'a1:u9');
    expect(record).toMatchObject({ id: 'a1:u9', app: { id: 'a1' }, user: { id: 'u9' } });
  });

  it('keeps the colons of the user part and encodes both parts', async () => {
    const { routes, connection } = setup();
    routes.on('/apps/a%201/users/u%3A9%2Fx', { body: { id: 'u:9/x', appId: 'a 1' } });
    const record = await connection.get('sso', 'app-users', 'a 1:u:9/x');
    expect(record.id).toBe('a 1:u:9/x');
  });

  it('answers not_found for an id that does not match, without a request', async () => {
    const { routes, connection } = setup();
    const error = await engineError(connection.get('sso', 'app-users', 'no-colon-here'));
    expect(error.code).toBe('not_found');
    expect(routes.seen).toHaveLength(0);
  });

  it('refuses a dot segment in a part', async () => {
    const { routes, connection } = setup();
    const error = await engineError(connection.get('sso', 'app-users', '..:u1'));
    expect(error.code).toBe('invalid_request');
    expect(routes.seen).toHaveLength(0);
  });
});

describe('get from_list', () => {
  it('finds a static record without a request', async () => {
    const { routes, connection } = setup();
    const role = await connection.get('user-directory', 'roles', 'OWNER');
    expect(role).toMatchObject({ id: 'OWNER', name: 'Owner', type: 'system' });
    expect(routes.seen).toHaveLength(0);
  });

  it('walks the listing until the record is found, and no further', async () => {
    const { routes, connection } = setup();
    const group = (id: number) => ({ id, name: `Group ${id}`, members: 3 });
    routes.on('/groups?page[number]=1&page[size]=2', { body: { data: [group(1), group(2)], total: 6 } });
    routes.on('/groups?page[number]=2&page[size]=2', { body: { data: [group(3), group(4)], total: 6 } });
    routes.on('/groups?page[number]=3&page[size]=2', { body: { data: [group(5), group(6)], total: 6 } });
    const found = await connection.get('user-directory', 'groups', '3');
    expect(found).toMatchObject({ id: '3', name: 'Group 3', member_count: 3 });
    expect(routes.seen).toHaveLength(2);
  });

  it('follows next links while walking a derived listing for get', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', {
      body: [{ id: 1, state: 'on', address: { street: 'A', city: 'B' } }],
      headers: { link: nextLink(`${TEST_ORIGIN}/users?after=1`) },
    });
    routes.on('/users?after=1', { body: [{ id: 2, state: 'on', address: { street: 'C', city: 'D' } }] });
    const locations = connection as unknown as Getter;
    const error = await engineError(locations.get('hris', 'locations', 'nope'));
    expect(error.code).toBe('not_found');
    expect(routes.seen).toHaveLength(2);
  });

  it('answers not_found after the whole listing', async () => {
    const { routes, connection } = setup();
    routes.on('/roles?skip=0&take=2', { body: [{ id: 1, name: 'Admin' }] });
    const error = await engineError(connection.get('user-directory', 'roles', 'custom:9'));
    expect(error.code).toBe('not_found');
    expect(routes.seen).toHaveLength(1);
  });
});

describe('singleton', () => {
  it('gets me without an id', async () => {
    const { routes, connection } = setup();
    routes.on('/me', { body: { id: 'me-1', name: 'Service account', state: 'on' } });
    const me = await connection.get('user-directory', 'me');
    expect(me).toMatchObject({ id: 'me-1', name: 'Service account', status: 'active' });
    expect(routes.paths()).toEqual(['/me']);
  });

  it('refuses list on a singleton, pointing at get', async () => {
    const { connection } = setup();
    const listing = connection as unknown as { list(model: string, resource: string): Promise<unknown> };
    const error = await engineError(listing.list('user-directory', 'me'));
    expect(error.code).toBe('unsupported_operation');
    expect(error.message).toContain('use get');
  });

  it('answers not_found when the body is empty', async () => {
    const { routes, connection } = setup();
    routes.on('/me', { text: '' });
    const error = await engineError(connection.get('user-directory', 'me'));
    expect(error.code).toBe('not_found');
  });
});

describe('unsupported resources', () => {
  it('refuses a resource the provider does not serve', async () => {
    const { routes, connection } = setup();
    const error = await engineError(connection.get('hris', 'companies', '1'));
    expect(error.code).toBe('unsupported_resource');
    expect(routes.seen).toHaveLength(0);
  });
});
