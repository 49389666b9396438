import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, type Engine, EngineError } from '../src/index.js';
import {
  connectTestProvider,
  createTestEngine,
  JSON_HEADERS,
  TEST_ORIGIN,
  TEST_PROVIDER_PATH,
  type TestEngine,
} from './helpers/test-engine.js';

const TOKEN = 'secret-token-1';
const DAY_MS = 86_400_000;

const engines: TestEngine[] = [];
afterEach(async () => {
  for (const { agent } of engines.splice(0)) await agent.close();
});

function testEngine(options: Parameters<typeof createTestEngine>[0] = {}): TestEngine {
  const created = createTestEngine(options);
  engines.push(created);
  return created;
}

async function engineError(run: () => unknown): Promise<EngineError> {
  try {
    await run();
  } catch (error) {
    if (!EngineError.isInstance(error)) throw error;
    return error;
  }
  throw new Error('the call succeeded, but it should have failed');
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

function rawUser(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `User ${id}`,
    email: `u${id}@acme.test`,
    state: 'on',
    zone: 'Pacific Time (US & Canada)',
    groups: [1],
    modified: '2024-05-01T10:00:00+02:00',
    ...overrides,
  };
}

/** Answers the first page of the users listing (`/users?limit=3`) with these raw users. */
function replyUsers({ agent }: TestEngine, users: unknown[]): void {
  agent
    .get(TEST_ORIGIN)
    .intercept({ path: '/users?limit=3', method: 'GET' })
    .reply(200, users, { headers: JSON_HEADERS });
}

const INLINE_PROVIDER = `version: 1
id: inlineco
name: Inline Co
params:
  region: { enum: [us, eu], default: us }
base_url:
  by: region
  values: { us: "https://us.inline.example.com/api", eu: "https://eu.inline.example.com/api" }
auth:
  - id: token
    kind: bearer
resources:
  user-directory/groups:
    list:
      sources:
        - request: { path: /teams }
          records: teams
          mapping: '{ "id": $string(id), "name": title }'
`;

describe('engine.providers()', () => {
  it('summarises each provider: models, auth methods with their fields, params', () => {
    const { engine } = testEngine();

    const [summary, ...others] = engine.providers();

    expect(others).toEqual([]);
    expect(summary).toMatchObject({
      id: 'testco',
      name: 'Test Co',
      models: {
        'user-directory': ['users', 'groups', 'roles', 'activities', 'me'],
        sso: ['apps', 'app-users'],
        hris: ['employees', 'groups', 'locations'],
      },
      params: {
        tenant: { required: true, description: "The tenant's subdomain." },
      },
    });
    expect(summary?.auth.map(({ id, kind }) => `${id}:${kind}`)).toEqual([
      'api_key:header',
      'bearer:bearer',
      'basic:basic',
      'client_credentials:oauth2_client_credentials',
      'oauth:oauth2_refresh',
    ]);
    const fields = Object.fromEntries(
      (summary?.auth ?? []).map((method) => [
        method.id,
        Object.entries(method.fields).map(
          ([name, field]) => `${name}${field.secret ? '*' : ''}${field.required ? '' : '?'}`,
        ),
      ]),
    );
    expect(fields).toEqual({
      api_key: ['token*'],
      bearer: ['token*'],
      basic: ['username', 'password*'],
      client_credentials: ['client_id', 'client_secret*'],
      oauth: ['refresh_token*', 'client_id', 'client_secret*', 'access_token*?', 'expires_at?'],
    });
    expect(JSON.parse(JSON.stringify(engine.providers()))).toEqual(JSON.parse(JSON.stringify([summary])));
  });
});

describe('engine.loadProvider()', () => {
  it('loads a provider.yaml path and serves it', async () => {
    const engine = createEngine({ providers: [] });

    const summary = engine.loadProvider(TEST_PROVIDER_PATH);

    expect(summary.id).toBe('testco');
    expect(engine.providers().map((provider) => provider.id)).toEqual(['testco']);
    expect(connectTestProvider(engine).baseUrl).toBe(TEST_ORIGIN);
  });

  it('loads YAML text and serves it', async () => {
    const { agent } = testEngine();
    const engine = createEngine({ providers: [], dispatcher: agent });
    agent
      .get('https://eu.inline.example.com')
      .intercept({ path: '/api/teams', method: 'GET' })
      .reply(200, { teams: [{ id: 3, title: 'Ops' }] }, { headers: JSON_HEADERS });

    expect(engine.loadProvider(INLINE_PROVIDER)).toEqual({
      id: 'inlineco',
      name: 'Inline Co',
      models: { 'user-directory': ['groups'] },
      incrementalFilters: {},
      auth: [
        {
          id: 'token',
          kind: 'bearer',
          fields: { token: expect.objectContaining({ secret: true, required: true }) },
        },
      ],
      params: { region: { required: false, enum: ['us', 'eu'], default: 'us' } },
    });
    const connection = engine.connect('inlineco', {
      params: { region: 'eu' },
      auth: { method: 'token', token: TOKEN },
    });
    const page = await connection.list('user-directory', 'groups');

    expect(connection.baseUrl).toBe('https://eu.inline.example.com/api');
    expect(page).toEqual({
      result: [{ id: '3', name: 'Ops', remote_data: { id: 3, title: 'Ops' } }],
      next_cursor: null,
      stats: { skipped: 0, repaired: 0, requests: 1 },
    });
  });

  it('throws invalid_definition with every problem, and keeps serving what it served', async () => {
    const { engine } = testEngine();

    const error = await engineError(() =>
      engine.loadProvider(
        INLINE_PROVIDER.replace('kind: bearer', 'kind: magic').replace('name: Inline Co', 'name: 7'),
      ),
    );

    expect(error.code).toBe('invalid_definition');
    expect(error.problems.map((problem) => problem.path)).toEqual(['name', 'auth.0.kind']);
    expect(engine.providers().map((provider) => provider.id)).toEqual(['testco']);
  });
});

describe('engine.connect()', () => {
  it('fails on an unknown provider, naming the known ones', async () => {
    const { engine } = testEngine();

    const error = await engineError(() =>
      engine.connect('acme', { auth: { method: 'api_key', token: TOKEN } }),
    );

    expect(error.code).toBe('unknown_provider');
    expect(error.message).toBe('[engine] connect: no provider acme; known: testco');
  });

  it('fails on an unknown auth method, naming the methods', async () => {
    const { engine } = testEngine();

    const error = await engineError(() =>
      engine.connect('testco', { params: { tenant: 'acme' }, auth: { method: 'magic', token: TOKEN } }),
    );

    expect(error.code).toBe('invalid_auth');
    expect(error.message).toBe(
      '[engine] [testco] connect: unknown auth method magic; expected api_key, bearer, basic, client_credentials, oauth',
    );
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('fails on missing credential fields, naming each field', async () => {
    const { engine } = testEngine();

    const missingToken = await engineError(() =>
      engine.connect('testco', { params: { tenant: 'acme' }, auth: { method: 'api_key' } }),
    );
    const missingPassword = await engineError(() =>
      engine.connect('testco', { params: { tenant: 'acme' }, auth: { method: 'basic', username: 'ada' } }),
    );

    expect(missingToken.code).toBe('invalid_auth');
    expect(missingToken.problems).toEqual([
      { path: 'auth.token', message: 'is required by auth method api_key' },
    ]);
    expect(missingPassword.code).toBe('invalid_auth');
    expect(missingPassword.problems).toEqual([
      { path: 'auth.password', message: 'is required by auth method basic' },
    ]);
  });

  it('names an unknown credential field without repeating its value', async () => {
    const { engine } = testEngine();

    const error = await engineError(() =>
      engine.connect('testco', {
        params: { tenant: 'acme' },
        auth: { method: 'api_key', token: TOKEN, api_key: TOKEN },
      }),
    );

    expect(error.code).toBe('invalid_auth');
    expect(error.problems.map((problem) => problem.path)).toEqual(['auth.api_key']);
    expect(error.message).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
  });

  it('checks params before credentials: invalid_params', async () => {
    const { engine } = testEngine();

    const error = await engineError(() =>
      engine.connect('testco', {
        params: { tenant: 'acme.evil.example' },
        auth: { method: 'api_key', token: TOKEN },
      }),
    );

    expect(error.code).toBe('invalid_params');
  });

  it('exposes the resolved base URL and the auth method', () => {
    const { engine } = testEngine();

    const connection = connectTestProvider(engine);

    expect(connection.baseUrl).toBe('https://acme.api.example.com');
    expect(connection.provider).toBe('testco');
    expect(connection.authMethod).toBe('api_key');
  });
});

describe('resources and filters a provider does not serve', () => {
  it('fails with unsupported_resource on list, iterate and get, never an empty result', async () => {
    const { engine, agent } = testEngine();
    const connection = connectTestProvider(engine);

    const listed = await engineError(() => connection.list('hris', 'companies'));
    const iterated = await engineError(() => collect(connection.iterate('hris', 'companies')));
    const fetched = await engineError(() => connection.get('hris', 'companies', 'c1'));
    const unknownModel = await engineError(() => connection.list('crm' as 'hris', 'contacts' as 'companies'));

    for (const error of [listed, iterated, fetched, unknownModel]) {
      expect(error.code).toBe('unsupported_resource');
      expect(error.provider).toBe('testco');
    }
    expect(listed.message).toBe(
      '[engine] [testco] companies.list: hris/companies is not served by testco; it serves user-directory/users, user-directory/groups, user-directory/roles, user-directory/activities, user-directory/me, sso/apps, sso/app-users, hris/employees, hris/groups, hris/locations',
    );
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('fails with unsupported_filter on a filter the resource does not declare', async () => {
    const { engine } = testEngine();
    const connection = connectTestProvider(engine);

    const onUsers = await engineError(() =>
      connection.list('user-directory', 'users', { filter: { department: 'x' } }),
    );
    const onGroups = await engineError(() =>
      collect(connection.iterate('user-directory', 'groups', { filter: { status: 'active' } })),
    );

    expect(onUsers.code).toBe('unsupported_filter');
    expect(onUsers.message).toBe(
      '[engine] [testco] users.list: filter department is not supported; supported: status, email, group_id, updated_after',
    );
    expect(onGroups.code).toBe('unsupported_filter');
    expect(onGroups.message).toContain('supported: none');
  });

  it('fails with invalid_filter naming max_age_days for a date the provider does not keep', async () => {
    const { engine } = testEngine();
    const connection = connectTestProvider(engine);
    const tooOld = new Date(Date.now() - 91 * DAY_MS).toISOString();

    const error = await engineError(() =>
      connection.list('user-directory', 'activities', { filter: { created_after: tooOld } }),
    );

    expect(error.code).toBe('invalid_filter');
    expect(error.message).toBe(
      `[engine] [testco] activities.list: filter created_after: the provider keeps at most 90 days; ${tooOld} is older`,
    );
  });

  it('fails with invalid_filter on a value outside an enum or a date that is not one', async () => {
    const { engine } = testEngine();
    const connection = connectTestProvider(engine);

    const badEnum = await engineError(() =>
      connection.list('user-directory', 'users', { filter: { status: 'gone' } }),
    );
    const badDate = await engineError(() =>
      connection.list('user-directory', 'activities', { filter: { created_after: 'last week' } }),
    );

    expect(badEnum.code).toBe('invalid_filter');
    expect(badEnum.message).toContain('expected one of active, invited, suspended, inactive');
    expect(badDate.code).toBe('invalid_filter');
    expect(badDate.message).toContain('expected an ISO-8601 date or time stamp');
  });

  it('sends a date filter inside the window to the provider', async () => {
    const { engine, agent } = testEngine();
    const since = new Date(Date.now() - 89 * DAY_MS);
    agent
      .get(TEST_ORIGIN)
      .intercept({
        path: `/events?since=${encodeURIComponent(since.toISOString())}&limit=100`,
        method: 'GET',
      })
      .reply(
        200,
        { items: [{ id: 'ev1', type: 'user.login', at: since.toISOString() }] },
        { headers: JSON_HEADERS },
      );

    const page = await connectTestProvider(engine).list('user-directory', 'activities', {
      filter: { created_after: since.toISOString() },
      remoteData: false,
    });

    expect(page.result).toEqual([{ id: 'ev1', action: 'user.login', created_at: since.toISOString() }]);
  });
});

describe('remote_data', () => {
  it('carries the raw record by default, on list, iterate and get', async () => {
    const test = testEngine();
    const raw = rawUser(7);
    replyUsers(test, [raw]);
    replyUsers(test, [raw]);
    test.agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users/7', method: 'GET' })
      .reply(200, raw, { headers: JSON_HEADERS });
    const connection = connectTestProvider(test.engine);

    const page = await connection.list('user-directory', 'users');
    const [iterated] = await collect(connection.iterate('user-directory', 'users'));
    const one = await connection.get('user-directory', 'users', '7');

    expect(page.result[0]?.remote_data).toEqual(raw);
    expect(iterated?.remote_data).toEqual(raw);
    expect(one.remote_data).toEqual(raw);
  });

  it('is absent with remoteData: false, on list, iterate and get', async () => {
    const test = testEngine();
    const raw = rawUser(7);
    replyUsers(test, [raw]);
    replyUsers(test, [raw]);
    test.agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users/7', method: 'GET' })
      .reply(200, raw, { headers: JSON_HEADERS });
    const connection = connectTestProvider(test.engine);

    const page = await connection.list('user-directory', 'users', { remoteData: false });
    const [iterated] = await collect(connection.iterate('user-directory', 'users', { remoteData: false }));
    const one = await connection.get('user-directory', 'users', '7', { remoteData: false });

    const expected = {
      id: '7',
      name: 'User 7',
      emails: [{ email: 'u7@acme.test', type: 'work', is_primary: true }],
      status: 'active',
      timezone: 'America/Los_Angeles',
      groups: [{ id: '1' }],
      updated_at: '2024-05-01T08:00:00.000Z',
    };
    expect(page.result).toEqual([expected]);
    expect(iterated).toEqual(expected);
    expect(one).toEqual(expected);
    for (const record of [page.result[0], iterated, one]) expect(record).not.toHaveProperty('remote_data');
  });
});

describe('validation against the unified schema', () => {
  const invalid = rawUser(7, { state: 'weird', email: 'not-an-email' });

  it('strict throws schema_violation naming the record id and the failing paths', async () => {
    const test = testEngine({ validate: 'strict' });
    replyUsers(test, [rawUser(6), invalid]);

    const error = await engineError(() => connectTestProvider(test.engine).list('user-directory', 'users'));

    expect(error.code).toBe('schema_violation');
    expect(error.recordId).toBe('7');
    expect(error.resource).toBe('user-directory/users');
    expect(error.message).toMatch(
      /^\[engine\] \[testco\] users\.list: record 7 does not match the unified schema/,
    );
    expect(error.problems.map((problem) => problem.path).sort()).toEqual(['emails.0.email', 'status']);
    for (const problem of error.problems) expect(error.message).toContain(problem.path);
  });

  it('warn hands the violation to onWarning and returns the record', async () => {
    const test = testEngine({ validate: 'warn' });
    replyUsers(test, [rawUser(6), invalid]);

    const page = await connectTestProvider(test.engine).list('user-directory', 'users', {
      remoteData: false,
    });

    expect(page.result.map((record) => record.id)).toEqual(['6', '7']);
    expect(page.result[1]).not.toHaveProperty('status');
    expect(test.warnings).toHaveLength(1);
    const [warning] = test.warnings as EngineError[];
    expect(EngineError.isInstance(warning)).toBe(true);
    expect(warning).toMatchObject({ code: 'schema_violation', recordId: '7' });
    expect(warning?.problems.map((problem) => problem.path).sort()).toEqual(['emails.0.email', 'status']);
  });

  it('off skips validation and warns about nothing', async () => {
    const test = testEngine({ validate: 'off' });
    replyUsers(test, [invalid]);

    const page = await connectTestProvider(test.engine).list('user-directory', 'users');

    expect(page.result.map((record) => record.id)).toEqual(['7']);
    expect(page.result[0]?.emails).toEqual([{ email: 'not-an-email', type: 'work', is_primary: true }]);
    expect(test.warnings).toEqual([]);
  });
});

describe('error messages', () => {
  function expectNoSecret(error: EngineError, secret: string): void {
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(String(error)).not.toContain(secret);
  }

  it('read [engine] [provider] resource.operation and carry the provider message, without the token', async () => {
    const { engine, agent } = testEngine();
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users?limit=3', method: 'GET' })
      .reply(
        401,
        { error: { code: 'E0000011', text: `Invalid token provided: ${TOKEN}` } },
        { headers: JSON_HEADERS },
      );

    const error = await engineError(() => connectTestProvider(engine).list('user-directory', 'users'));

    expect(error.code).toBe('unauthorized');
    expect(error.status).toBe(401);
    expect(error.providerCode).toBe('E0000011');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe(
      '[engine] [testco] users.list: HTTP 401: E0000011: Invalid token provided: [redacted]',
    );
    expectNoSecret(error, TOKEN);
  });

  it('name the operation and leave out a bearer token echoed by a get', async () => {
    const { engine, agent } = testEngine();
    const bearer = 'bearer-secret-0123456789';
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users/7', method: 'GET' })
      .reply(404, { error: { code: 'E404', text: `no user 7 for ${bearer}` } }, { headers: JSON_HEADERS });
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'bearer', token: bearer },
    });

    const error = await engineError(() => connection.get('user-directory', 'users', '7'));

    expect(error.code).toBe('not_found');
    expect(error.message).toBe('[engine] [testco] users.get: HTTP 404: E404: no user 7 for [redacted]');
    expectNoSecret(error, bearer);
  });

  it('leave out a basic password echoed in an error', async () => {
    const { engine, agent } = testEngine();
    const password = 'basic-password-0123456789';
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users?limit=3', method: 'GET' })
      .reply(
        403,
        { error: { code: 'E403', text: `ada:${password} may not list users` } },
        { headers: JSON_HEADERS },
      );
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'basic', username: 'ada', password },
    });

    const error = await engineError(() => connection.list('user-directory', 'users'));

    expect(error.code).toBe('forbidden');
    expect(error.message).toMatch(/^\[engine\] \[testco\] users\.list: HTTP 403: E403: ada:\[redacted\]/);
    expectNoSecret(error, password);
  });
});

describe('the engine type', () => {
  it('is what createEngine returns', () => {
    const engine: Engine = createEngine({ providers: [] });

    expect(engine.providers()).toEqual([]);
  });
});
