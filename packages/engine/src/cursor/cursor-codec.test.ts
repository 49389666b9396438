import { describe, expect, it } from 'vitest';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import {
  connectTestProvider,
  createTestEngine,
  TEST_ORIGIN,
  testProvider,
} from '../../test/helpers/test-engine.js';
import { createEngine, type Engine, EngineError } from '../index.js';
import { CursorCodec } from './cursor-codec.js';

const SECRET = 'test-cursor-secret-0123456789';
const GLOBEX_ORIGIN = 'https://globex.api.example.com';

function user(id: number) {
  return { id, name: `User ${id}`, state: 'on' };
}

/** Serves two pages of users on the tenant's origin, as often as asked. */
function serveUsers(routes: MockRoutes, origin = TEST_ORIGIN, query = '') {
  routes.on(
    `${origin}/users?limit=3${query}`,
    {
      body: [user(1), user(2), user(3)],
      headers: { link: nextLink(`${origin}/users?after=3&limit=3${query}`) },
    },
    { times: Number.POSITIVE_INFINITY },
  );
  routes.on(
    `${origin}/users?after=3&limit=3${query}`,
    {
      body: [user(4), user(5), user(6)],
      headers: { link: nextLink(`${origin}/users?after=6&limit=3${query}`) },
    },
    { times: Number.POSITIVE_INFINITY },
  );
  routes.on(
    `${origin}/users?after=6&limit=3${query}`,
    { body: [user(7)] },
    { times: Number.POSITIVE_INFINITY },
  );
}

function setup() {
  const test = createTestEngine();
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  serveUsers(routes);
  return { ...test, routes, connection: connectTestProvider(test.engine) };
}

async function firstCursor(
  connection: ReturnType<typeof connectTestProvider>,
  filter?: Record<string, string>,
) {
  const page = await connection.list('user-directory', 'users', filter ? { filter } : {});
  expect(page.next_cursor).toEqual(expect.any(String));
  return page.next_cursor!;
}

async function invalidCursor(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!EngineError.isInstance(error)) throw new Error(`expected invalid_cursor, got ${String(error)}`);
  expect(error.code).toBe('invalid_cursor');
  expect(error.retryable).toBe(false);
  return error;
}

function decodePayload(cursor: string): string {
  const [payload] = cursor.split('.');
  return Buffer.from(payload!, 'base64url').toString('utf8');
}

describe('cursor contents', () => {
  it('holds no host, scheme or credential, only where the listing stands', async () => {
    const { connection } = setup();
    const cursor = await firstCursor(connection);
    expect(cursor).not.toMatch(/example\.com|https?:/);
    const payload = decodePayload(cursor);
    expect(() => JSON.parse(payload)).not.toThrow();
    expect(payload).not.toContain('example.com');
    expect(payload).not.toContain('acme');
    expect(payload).not.toMatch(/https?:/);
    expect(payload).not.toContain('secret-token-1');
    expect(payload).toContain('/users?after=3');
  });

  it('holds no host for a next URL that came from the body', async () => {
    const { routes, connection } = setup();
    routes.on('/events?limit=100', {
      body: {
        items: [{ id: 'e1', type: 'login', at: '2026-01-01T00:00:00Z' }],
        links: { next: `${TEST_ORIGIN}/events?page=2&limit=100` },
      },
    });
    const page = await connection.list('user-directory', 'activities');
    expect(decodePayload(page.next_cursor!)).not.toContain('example.com');
  });

  it('resumes where it stands', async () => {
    const { connection, routes } = setup();
    const cursor = await firstCursor(connection);
    const page = await connection.list('user-directory', 'users', { cursor });
    expect(page.result.map((record) => record.id)).toEqual(['4', '5', '6']);
    expect(routes.paths().at(-1)).toBe('/users?after=3&limit=3');
  });
});

describe('tampered cursors', () => {
  it('refuses every one-character change, before any request', async () => {
    const { connection, routes } = setup();
    const cursor = await firstCursor(connection);
    const before = routes.seen.length;
    for (let index = 0; index < cursor.length; index += 1) {
      const replacement = cursor[index] === 'A' ? 'B' : 'A';
      const changed = `${cursor.slice(0, index)}${replacement}${cursor.slice(index + 1)}`;
      await invalidCursor(connection.list('user-directory', 'users', { cursor: changed }));
    }
    // The last character of the signature carries spare bits: flipping only those is a change too.
    const [payload, signature] = cursor.split('.') as [string, string];
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (const character of alphabet) {
      if (character === signature.at(-1)) continue;
      const changed = `${payload}.${signature.slice(0, -1)}${character}`;
      await invalidCursor(connection.list('user-directory', 'users', { cursor: changed }));
    }
    await invalidCursor(connection.list('user-directory', 'users', { cursor: `${payload}.${signature}=` }));
    expect(routes.seen).toHaveLength(before);
  });

  it('refuses a swapped payload or signature', async () => {
    const { connection } = setup();
    const first = await firstCursor(connection);
    const second = (await connection.list('user-directory', 'users', { cursor: first })).next_cursor!;
    const [firstPayload, firstSignature] = first.split('.') as [string, string];
    const [secondPayload, secondSignature] = second.split('.') as [string, string];
    expect(firstPayload).not.toBe(secondPayload);
    await invalidCursor(
      connection.list('user-directory', 'users', { cursor: `${secondPayload}.${firstSignature}` }),
    );
    await invalidCursor(
      connection.list('user-directory', 'users', { cursor: `${firstPayload}.${secondSignature}` }),
    );
  });

  it('refuses a payload rewritten to point elsewhere', async () => {
    const { connection } = setup();
    const cursor = await firstCursor(connection);
    const [payload, signature] = cursor.split('.') as [string, string];
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString('utf8').replace('after=3', 'after=6'),
    ).toString('base64url');
    expect(forged).not.toBe(payload);
    await invalidCursor(connection.list('user-directory', 'users', { cursor: `${forged}.${signature}` }));
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['three parts', 'a.b.c'],
    ['an empty signature', 'eyJ9.'],
    ['a huge value', 'A'.repeat(20_000)],
  ])('refuses %s', async (_, cursor) => {
    const { connection } = setup();
    await invalidCursor(connection.list('user-directory', 'users', { cursor }));
  });
});

describe('cursors bound to their listing', () => {
  it('refuses a cursor on another resource', async () => {
    const { connection } = setup();
    const cursor = await firstCursor(connection);
    await invalidCursor(connection.list('user-directory', 'groups', { cursor }));
    await invalidCursor(connection.list('user-directory', 'activities', { cursor }));
    await invalidCursor(connection.list('hris', 'locations', { cursor }));
  });

  it('refuses a cursor on a connection to another tenant', async () => {
    const { engine, connection } = setup();
    const cursor = await firstCursor(connection);
    const globex = engine.connect('testco', {
      params: { tenant: 'globex' },
      auth: { method: 'api_key', token: 'secret-token-1' },
    });
    await invalidCursor(globex.list('user-directory', 'users', { cursor }));
  });

  it('refuses a cursor on a connection with another auth method', async () => {
    const { engine, connection } = setup();
    const cursor = await firstCursor(connection);
    const bearer = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'bearer', token: 'secret-token-1' },
    });
    await invalidCursor(bearer.list('user-directory', 'users', { cursor }));
  });

  it("refuses customer A's cursor on customer B's connection to the same base URL and method", async () => {
    const { engine, connection } = setup();
    const cursor = await firstCursor(connection);
    const otherCustomer = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'api_key', token: 'secret-token-2' },
    });
    expect(otherCustomer.baseUrl).toBe(connection.baseUrl);
    await invalidCursor(otherCustomer.list('user-directory', 'users', { cursor }));
    // The binding is a keyed hash: neither the cursor nor its payload holds the credential.
    expect(Buffer.from(cursor.split('.')[0]!, 'base64url').toString('utf8')).not.toContain('secret-token');
    expect(cursor).not.toContain(Buffer.from('secret-token-1').toString('base64url'));
  });

  it('accepts a cursor on another connection with the same credentials, in another engine with the same cursorSecret', async () => {
    const { connection } = setup();
    const cursor = await firstCursor(connection);
    const other = setup();
    const page = await other.connection.list('user-directory', 'users', { cursor });
    expect(page.result.map((record) => record.id)).toEqual(['4', '5', '6']);
  });

  it.each(['', '0', 'null', 'undefined', '.', 'a.b.c'])(
    'refuses %j as a cursor instead of starting over',
    async (cursor) => {
      const { routes, connection } = setup();
      await invalidCursor(connection.list('user-directory', 'users', { cursor }));
      await expect(
        (async () => {
          for await (const _ of connection.iterate('user-directory', 'users', { cursor })) break;
        })(),
      ).rejects.toMatchObject({ code: 'invalid_cursor' });
      expect(routes.seen).toHaveLength(0);
    },
  );

  it('refuses a cursor used with another filter, or without the filter', async () => {
    const { routes, connection } = setup();
    serveUsers(routes, TEST_ORIGIN, '&state=active');
    const cursor = await firstCursor(connection, { status: 'active' });
    await invalidCursor(
      connection.list('user-directory', 'users', { cursor, filter: { status: 'invited' } }),
    );
    await invalidCursor(connection.list('user-directory', 'users', { cursor }));
    await invalidCursor(
      connection.list('user-directory', 'users', { cursor, filter: { status: 'active', email: 'a@x.io' } }),
    );
    const page = await connection.list('user-directory', 'users', { cursor, filter: { status: 'active' } });
    expect(page.result.map((record) => record.id)).toEqual(['4', '5', '6']);
  });

  it('refuses a filtered cursor used without the filter on a variant', async () => {
    const { routes, connection } = setup();
    routes.on('/groups/g1/members?count=2', { body: { members: [user(1), user(2)], meta: { next: 'n2' } } });
    const page = await connection.list('user-directory', 'users', { filter: { group_id: 'g1' } });
    await invalidCursor(connection.list('user-directory', 'users', { cursor: page.next_cursor }));
    await invalidCursor(
      connection.list('user-directory', 'users', { cursor: page.next_cursor, filter: { group_id: 'g2' } }),
    );
  });
});

describe('cursor secret', () => {
  function engineWith(
    secret: string | undefined,
    agent: ReturnType<typeof createTestEngine>['agent'],
  ): Engine {
    return createEngine({
      providers: [testProvider],
      dispatcher: agent,
      ...(secret === undefined ? {} : { cursorSecret: secret }),
    });
  }

  it('lets a cursor survive a new engine with the same cursorSecret', async () => {
    const { agent, connection } = setup();
    const cursor = await firstCursor(connection);
    const restarted = connectTestProvider(engineWith(SECRET, agent));
    const page = await restarted.list('user-directory', 'users', { cursor });
    expect(page.result.map((record) => record.id)).toEqual(['4', '5', '6']);
  });

  it('refuses the cursor in an engine with another cursorSecret, or with a random one', async () => {
    const { agent, connection } = setup();
    const cursor = await firstCursor(connection);
    const other = connectTestProvider(engineWith('another-cursor-secret-9876543210', agent));
    await invalidCursor(other.list('user-directory', 'users', { cursor }));
    const random = connectTestProvider(engineWith(undefined, agent));
    await invalidCursor(random.list('user-directory', 'users', { cursor }));
  });

  it('refuses a signature spelled with the standard base64 twins of its characters', () => {
    const codec = new CursorCodec(SECRET);
    const binding = {
      provider: 'p',
      baseUrl: 'https://x.example.com/',
      authMethod: 'm',
      credentials: 'c',
      resource: 'r',
      filter: {},
    };
    const context = { provider: 'p', resource: 'r' };
    let cursor = '';
    for (let offset = 0; !/[-_]/.test(cursor.split('.')[1] ?? ''); offset += 1) {
      cursor = codec.encode({ offset }, binding);
    }
    const [payload, signature] = cursor.split('.') as [string, string];
    expect(codec.decode(cursor, binding, context)).toEqual(expect.objectContaining({}));
    const twins = `${payload}.${signature.replace(/-/g, '+').replace(/_/g, '/')}`;
    expect(() => codec.decode(twins, binding, context)).toThrow(/changed/);
    expect(() => codec.decode(cursor, { ...binding, filter: { a: 1 } }, context)).toThrow(/changed/);
  });

  it('accepts a secret given as bytes and refuses one shorter than 16 bytes', () => {
    expect(() => new CursorCodec(new Uint8Array(32).fill(7))).not.toThrow();
    expect(() => new CursorCodec('too-short')).toThrow(/16 bytes/);
  });
});

describe('multi-tenant cursors in one engine', () => {
  it('keeps each tenant on its own origin when resuming', async () => {
    const { engine, routes, connection } = setup();
    serveUsers(routes, GLOBEX_ORIGIN);
    const globex = engine.connect('testco', {
      params: { tenant: 'globex' },
      auth: { method: 'api_key', token: 'globex-token' },
    });
    const acmeCursor = await firstCursor(connection);
    const globexCursor = (await globex.list('user-directory', 'users')).next_cursor!;
    await globex.list('user-directory', 'users', { cursor: globexCursor });
    await connection.list('user-directory', 'users', { cursor: acmeCursor });
    expect(routes.paths(GLOBEX_ORIGIN)).toEqual(['/users?limit=3', '/users?after=3&limit=3']);
    expect(routes.paths(TEST_ORIGIN)).toEqual(['/users?limit=3', '/users?after=3&limit=3']);
    expect(routes.to(GLOBEX_ORIGIN).every((request) => request.headers['x-api-key'] === 'globex-token')).toBe(
      true,
    );
  });
});
