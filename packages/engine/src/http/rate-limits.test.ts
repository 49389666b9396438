import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';
import { loadProviderDefinition } from '../definition/provider-source.js';
import { createEngine, EngineError } from '../index.js';

const NOW = Date.parse('2026-03-01T12:00:00.000Z');
const NOW_SECONDS = NOW / 1000;

function user(id: number) {
  return { id, name: `User ${id}`, state: 'on' };
}

/** Advances the fake clock by `milliseconds`, running every timer and promise due on the way. */
async function advance(milliseconds: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(milliseconds);
}

/** Captures how a promise settles without an unhandled rejection while timers are advanced. */
function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

function engineErrorOf(state: { error?: unknown }): EngineError {
  if (!EngineError.isInstance(state.error))
    throw new Error(`expected an EngineError, got ${String(state.error)}`);
  return state.error;
}

function setup() {
  const test = createTestEngine();
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  return { ...test, routes, connection: connectTestProvider(test.engine) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('429 responses', () => {
  it('waits until the reset header (epoch seconds) and retries', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', {
      status: 429,
      headers: { 'X-Limit': '100', 'X-Remaining': '0', 'X-Reset': String(NOW_SECONDS + 10) },
      body: { error: { code: 'E_RATE', text: 'slow down' } },
    });
    routes.on('/users/1', {
      body: user(1),
      headers: { 'X-Remaining': '99', 'X-Reset': String(NOW_SECONDS + 70) },
    });
    const result = track(connection.get('user-directory', 'users', '1'));
    await advance(9_990);
    expect(routes.seen).toHaveLength(1);
    expect(result.settled).toBe(false);
    await advance(1_000);
    expect(routes.seen).toHaveLength(2);
    expect(result.error).toBeUndefined();
    expect(result.value?.id).toBe('1');
  });

  it('honours Retry-After in seconds', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', { status: 429, headers: { 'Retry-After': '7' }, body: {} });
    routes.on('/users/1', { body: user(1) });
    const result = track(connection.get('user-directory', 'users', '1'));
    await advance(6_990);
    expect(routes.seen).toHaveLength(1);
    await advance(1_000);
    expect(routes.seen).toHaveLength(2);
    expect(result.value?.id).toBe('1');
  });

  it('honours Retry-After as an HTTP date', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', {
      status: 429,
      headers: { 'Retry-After': new Date(NOW + 12_000).toUTCString() },
      body: {},
    });
    routes.on('/users/1', { body: user(1) });
    const result = track(connection.get('user-directory', 'users', '1'));
    await advance(11_990);
    expect(routes.seen).toHaveLength(1);
    await advance(1_000);
    expect(routes.seen).toHaveLength(2);
    expect(result.value?.id).toBe('1');
  });

  it.each([
    ['Retry-After', { 'Retry-After': '3600' }],
    ['the reset header', { 'X-Remaining': '0', 'X-Reset': String(NOW_SECONDS + 600) }],
  ])('fails with rate_limited at once when %s asks for longer than max_wait_seconds', async (_, headers) => {
    const { routes, connection } = setup();
    routes.on('/users/1', {
      status: 429,
      headers,
      body: { error: { code: 'E_RATE', text: 'quota used up' } },
    });
    routes.on('/users/1', { body: user(1) });
    const result = track(connection.get('user-directory', 'users', '1'));
    // No time passes: the engine does not sleep on a wait it will not honour.
    await advance(0);
    expect(result.settled).toBe(true);
    const error = engineErrorOf(result);
    expect(error.code).toBe('rate_limited');
    expect(error.status).toBe(429);
    expect(error.retryable).toBe(true);
    expect(error.providerCode).toBe('E_RATE');
    expect(routes.seen).toHaveLength(1);
  });

  it('does not spend retry.max_attempts on 429 waits the provider asked for', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { routes, connection } = setup();
    // Five 429s in a row, with retry.max_attempts 3: each wait was asked for, none is a failure.
    routes.on('/users/1', { status: 429, headers: { 'Retry-After': '1' }, body: {} }, { times: 5 });
    routes.on('/users/1', { body: user(1) });
    const result = track(connection.get('user-directory', 'users', '1'));
    await advance(5_000);
    expect(result.error).toBeUndefined();
    expect(result.value?.id).toBe('1');
    expect(routes.seen).toHaveLength(6);
  });

  it('fails with rate_limited once the 429 waits of one request pass max_total_wait_seconds', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { routes, connection } = setup();
    routes.on(
      '/users/1',
      { status: 429, headers: { 'Retry-After': '60' }, body: {} },
      { times: Number.POSITIVE_INFINITY },
    );
    const result = track(connection.get('user-directory', 'users', '1'));
    // Ten waits of 60 s reach the default bound of 600 s; the eleventh 429 ends the call.
    await advance(599_000);
    expect(result.settled).toBe(false);
    await advance(2_000);
    expect(engineErrorOf(result).code).toBe('rate_limited');
    expect(routes.seen).toHaveLength(11);
  });

  it.each([
    ['Retry-After: 0', { 'Retry-After': '0' }],
    ['a reset already past', { 'X-Remaining': '0', 'X-Reset': String(NOW_SECONDS - 30) }],
  ])('waits at least a second after a 429 with %s', async (_, headers) => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { routes, connection } = setup();
    routes.on('/users/1', { status: 429, headers, body: {} }, { times: 2 });
    routes.on('/users/1', { body: user(1) });
    const result = track(connection.get('user-directory', 'users', '1'));
    await advance(990);
    expect(routes.seen).toHaveLength(1);
    await advance(20);
    expect(routes.seen).toHaveLength(2);
    await advance(1_000);
    expect(routes.seen).toHaveLength(3);
    expect(result.value?.id).toBe('1');
  });
});

describe('5xx retries', () => {
  it('backs off with jitter between half and all of the base delay, then succeeds', async () => {
    for (const [random, wait] of [
      [0, 50],
      [0.999, 100],
    ] as const) {
      vi.spyOn(Math, 'random').mockReturnValue(random);
      const { routes, connection } = setup();
      routes.on('/users/1', { status: 503, body: {} });
      routes.on('/users/1', { body: user(1) });
      const result = track(connection.get('user-directory', 'users', '1'));
      await advance(wait - 1);
      expect(routes.seen).toHaveLength(1);
      await advance(1);
      expect(routes.seen).toHaveLength(2);
      await advance(0);
      expect(result.value?.id).toBe('1');
    }
  });

  it('doubles the backoff ceiling on each attempt', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { routes, connection } = setup();
    routes.on('/users/1', { status: 500, body: {} }, { times: 2 });
    routes.on('/users/1', { body: user(1) });
    const result = track(connection.get('user-directory', 'users', '1'));
    await advance(50);
    expect(routes.seen).toHaveLength(2);
    await advance(99);
    expect(routes.seen).toHaveLength(2);
    await advance(1);
    expect(routes.seen).toHaveLength(3);
    await advance(0);
    expect(result.value?.id).toBe('1');
  });

  it('stops at retry.max_attempts and fails with provider_unavailable', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/users/1',
      { status: 503, body: { error: { code: 'E_DOWN', text: 'maintenance' } } },
      { times: 10 },
    );
    const result = track(connection.get('user-directory', 'users', '1'));
    await advance(10_000);
    const error = engineErrorOf(result);
    expect(error.code).toBe('provider_unavailable');
    expect(error.status).toBe(503);
    expect(routes.seen).toHaveLength(3);
  });

  it('does not retry a POST on 5xx', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/things',
      { status: 503, body: { error: { code: 'E_DOWN', text: 'maintenance' } } },
      {
        method: 'POST',
        times: 5,
      },
    );
    const result = track(connection.proxy({ method: 'POST', path: '/things', body: { name: 'x' } }));
    await advance(10_000);
    expect(result.value?.status).toBe(503);
    expect(routes.seen).toHaveLength(1);
  });

  it('retries a proxied GET on 5xx within the same bound', async () => {
    const { routes, connection } = setup();
    routes.on('/things', { status: 502, body: {} }, { times: 5 });
    const result = track(connection.proxy({ path: '/things' }));
    await advance(10_000);
    expect(result.value?.status).toBe(502);
    expect(routes.seen).toHaveLength(3);
  });
});

describe('proactive pacing', () => {
  it('pauses until the reset when the remaining budget falls to the headroom', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', {
      body: [user(1)],
      headers: {
        'X-Limit': '100',
        'X-Remaining': '1',
        'X-Reset': String(NOW_SECONDS + 30),
        link: nextLink(`${TEST_ORIGIN}/users?limit=3&after=1`),
      },
    });
    routes.on('/users?limit=3&after=1', {
      body: [user(2)],
      headers: { 'X-Limit': '100', 'X-Remaining': '99', 'X-Reset': String(NOW_SECONDS + 90) },
    });
    const result = track(
      (async () => {
        const ids: string[] = [];
        for await (const record of connection.iterate('user-directory', 'users')) ids.push(record.id);
        return ids;
      })(),
    );
    await advance(29_990);
    expect(routes.seen).toHaveLength(1);
    await advance(10);
    expect(routes.seen).toHaveLength(2);
    await advance(0);
    expect(result.value).toEqual(['1', '2']);
  });

  it('holds every concurrent request at the headroom until the reset, not only the first', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', {
      body: [user(1)],
      headers: { 'X-Limit': '100', 'X-Remaining': '1', 'X-Reset': String(NOW_SECONDS + 30) },
    });
    await connection.list('user-directory', 'users');
    routes.on('/users?limit=3', { body: [user(2)] }, { times: 3 });
    const calls = [1, 2, 3].map(() => track(connection.list('user-directory', 'users')));
    await advance(29_990);
    expect(routes.seen).toHaveLength(1);
    await advance(10);
    expect(routes.seen).toHaveLength(4);
    await advance(0);
    expect(calls.every((call) => call.settled && call.error === undefined)).toBe(true);
  });

  it('does not pause while the remaining budget is above the headroom', async () => {
    const { routes, connection } = setup();
    routes.on('/users?limit=3', {
      body: [user(1)],
      headers: {
        'X-Limit': '100',
        'X-Remaining': '50',
        'X-Reset': String(NOW_SECONDS + 30),
        link: nextLink(`${TEST_ORIGIN}/users?limit=3&after=1`),
      },
    });
    routes.on('/users?limit=3&after=1', { body: [user(2)] });
    const ids: string[] = [];
    for await (const record of connection.iterate('user-directory', 'users')) ids.push(record.id);
    expect(ids).toEqual(['1', '2']);
    expect(Date.now()).toBe(NOW);
  });

  it('shares the rate-limit state between two connections to the same origin', async () => {
    const { engine, routes } = setup();
    const first = connectTestProvider(engine);
    const second = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'bearer', token: 'other-token' },
    });
    const other = engine.connect('testco', {
      params: { tenant: 'globex' },
      auth: { method: 'api_key', token: 'globex-token' },
    });
    routes.on('/users?limit=3', {
      body: [user(1)],
      headers: { 'X-Limit': '100', 'X-Remaining': '0', 'X-Reset': String(NOW_SECONDS + 20) },
    });
    routes.on('/users?limit=3', { body: [user(2)] });
    routes.on('https://globex.api.example.com/users?limit=3', { body: [user(3)] });
    await first.list('user-directory', 'users');
    // Another origin has its own budget: no wait.
    const elsewhere = await other.list('user-directory', 'users');
    expect(elsewhere.result.map((record) => record.id)).toEqual(['3']);
    const result = track(second.list('user-directory', 'users'));
    await advance(19_990);
    expect(routes.to(TEST_ORIGIN)).toHaveLength(1);
    await advance(10);
    expect(routes.to(TEST_ORIGIN)).toHaveLength(2);
    await advance(0);
    expect(result.value?.result.map((record) => record.id)).toEqual(['2']);
    expect(routes.seen.at(-1)?.headers.authorization).toBe('Bearer other-token');
  });
});

describe('client-side budget', () => {
  const PACED_YAML = `
version: 1
id: paced
name: Paced
params:
  region: { enum: [eu], default: eu }
base_url:
  by: region
  values: { eu: https://eu.paced.example.com }
auth:
  - id: token
    kind: bearer
rate_limit:
  budget: { requests: 2, per_seconds: 10 }
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users }
          pagination: { type: link_header }
          mapping: '{ "id": $string(id), "status": "active" }'
  user-directory/groups:
    list:
      sources:
        - request: { path: /groups }
          pagination: { type: none }
          mapping: '{ "id": $string(id), "name": name }'
`;
  const paced = loadProviderDefinition(PACED_YAML);
  const ORIGIN = 'https://eu.paced.example.com';

  it('paces requests of one endpoint family to the budget, without touching other families', async () => {
    const { agent } = createTestEngine();
    const engine = createEngine({ providers: [paced], dispatcher: agent });
    const routes = new MockRoutes(agent, ORIGIN);
    for (const page of [1, 2, 3]) {
      routes.on(page === 1 ? '/users' : `/users?page=${page}`, {
        body: [{ id: page }],
        headers: page < 3 ? { link: nextLink(`${ORIGIN}/users?page=${page + 1}`) } : {},
      });
    }
    routes.on('/groups', { body: [{ id: 9, name: 'Nine' }] });
    const connection = engine.connect('paced', { auth: { method: 'token', token: 'paced-token' } });
    const result = track(
      (async () => {
        const ids: string[] = [];
        for await (const record of connection.iterate('user-directory', 'users')) ids.push(record.id);
        return ids;
      })(),
    );
    await advance(0);
    expect(routes.paths()).toEqual(['/users', '/users?page=2']);
    const groups = await connection.list('user-directory', 'groups');
    expect(groups.result).toHaveLength(1);
    await advance(9_990);
    expect(routes.paths().filter((path) => path.startsWith('/users'))).toHaveLength(2);
    await advance(10);
    expect(routes.paths()).toContain('/users?page=3');
    await advance(0);
    expect(result.value).toEqual(['1', '2', '3']);
  });
  it('keeps one budget per customer when the definition scopes it to the token, and proxy shares it', async () => {
    const shared = loadProviderDefinition(
      PACED_YAML.replace(
        'budget: { requests: 2, per_seconds: 10 }',
        'budget: { requests: 2, per_seconds: 10 }\n  scope: "{{auth.token}}"',
      ),
    );
    const { agent } = createTestEngine();
    const engine = createEngine({ providers: [shared], dispatcher: agent });
    const routes = new MockRoutes(agent, ORIGIN);
    routes.on('/groups', { body: [] }, { times: Number.POSITIVE_INFINITY });
    const acme = engine.connect('paced', { auth: { method: 'token', token: 'acme-token' } });
    const globex = engine.connect('paced', { auth: { method: 'token', token: 'globex-token' } });
    await acme.list('user-directory', 'groups');
    await acme.proxy({ path: '/groups' });
    // acme has spent its two requests of the window: another customer on the same host has not.
    await globex.list('user-directory', 'groups');
    expect(routes.seen.map((request) => request.headers.authorization)).toEqual([
      'Bearer acme-token',
      'Bearer acme-token',
      'Bearer globex-token',
    ]);
    const third = track(acme.list('user-directory', 'groups'));
    await advance(9_990);
    expect(third.settled).toBe(false);
    await advance(10);
    await advance(0);
    expect(third.settled).toBe(true);
  });
});
