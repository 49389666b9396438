import { describe, expect, it } from 'vitest';
import { createEngine, EngineError, type ListingStats } from '../src/index.js';
import { engineError } from './helpers/engine-error.js';
import { MockRoutes } from './helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from './helpers/test-engine.js';

/** A user as the test provider's API returns it; the mapping is test-provider/mappings/user.jsonata. */
function rawUser(id: number | undefined, overrides: Record<string, unknown> = {}) {
  return { id, name: `User ${id}`, email: `u${id}@acme.test`, state: 'on', groups: [1], ...overrides };
}

/** Users 1 (clean), 2 (a bad email: an optional value), 3 (a bad status: required), 4 (no id). */
const MESSY_PAGE = [
  rawUser(1),
  rawUser(2, { email: 'not-an-email' }),
  rawUser(3, { state: 'archived' }),
  rawUser(undefined),
];

function setup(validate?: 'strict' | 'drop') {
  const test = createTestEngine(validate ? { validate } : {});
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  routes.on('/users?limit=3', { body: MESSY_PAGE }, { times: Number.POSITIVE_INFINITY });
  return { ...test, routes, connection: connectTestProvider(test.engine) };
}

function warningsOf(warnings: unknown[]): EngineError[] {
  for (const warning of warnings) expect(EngineError.isInstance(warning)).toBe(true);
  return warnings as EngineError[];
}

describe('the default validation mode: one bad value never fails a listing', () => {
  it('drops an invalid optional value, keeping the raw one in remote_data, and reports it', async () => {
    const { connection, warnings } = setup();
    const page = await connection.list('user-directory', 'users');

    const second = page.result.find((record) => record.id === '2');
    expect(second).toBeDefined();
    expect(second).not.toHaveProperty('emails');
    expect(second?.remote_data).toMatchObject({ id: 2, email: 'not-an-email' });
    const repaired = warningsOf(warnings).find((warning) => warning.recordId === '2');
    expect(repaired).toMatchObject({ code: 'schema_violation', resource: 'user-directory/users' });
    expect(repaired?.problems.map((problem) => problem.path)).toEqual(['emails.0.email']);
    expect(repaired?.message).toContain('emails.0.email');
  });

  it('skips a record lacking a valid required field or id, reports it and counts it', async () => {
    const { connection, warnings } = setup();
    const page = await connection.list('user-directory', 'users');

    expect(page.result.map((record) => record.id)).toEqual(['1', '2']);
    expect(page.stats).toEqual<ListingStats>({ skipped: 2, repaired: 1, requests: 1 });
    const reported = warningsOf(warnings);
    const skippedStatus = reported.find((warning) => warning.recordId === '3');
    expect(skippedStatus).toMatchObject({ code: 'schema_violation' });
    expect(skippedStatus?.problems.map((problem) => problem.path)).toEqual(['status']);
    expect(skippedStatus?.message).toContain('skipped');
    const noId = reported.find((warning) => warning.code === 'mapping_error');
    expect(noId?.message).toMatch(/no string id.*skipped/);
    expect(reported).toHaveLength(3);
  });

  it('iterate yields the valid records and returns the totals', async () => {
    const { connection } = setup();
    const iterator = connection.iterate('user-directory', 'users');
    const ids: string[] = [];
    let step = await iterator.next();
    while (!step.done) {
      ids.push(step.value.id);
      step = await iterator.next();
    }
    expect(ids).toEqual(['1', '2']);
    expect(step.value).toEqual({ skipped: 2, repaired: 1, requests: 1 });
  });

  it('get repairs an optional value but fails on the record it was asked for when it cannot be kept', async () => {
    const { connection, routes } = setup();
    routes.on('/users/2', { body: rawUser(2, { email: 'not-an-email' }) });
    routes.on('/users/3', { body: rawUser(3, { state: 'archived' }) });

    const two = await connection.get('user-directory', 'users', '2');
    expect(two).toMatchObject({ id: '2', status: 'active' });
    expect(two).not.toHaveProperty('emails');
    const error = await engineError(connection.get('user-directory', 'users', '3'));
    expect(error).toMatchObject({ code: 'schema_violation', recordId: '3' });
  });

  it("validate: 'strict' keeps failing the listing on the first invalid record", async () => {
    const { connection, warnings } = setup('strict');
    const error = await engineError(connection.list('user-directory', 'users'));
    expect(error).toMatchObject({ code: 'schema_violation', recordId: '2' });
    expect(warnings).toEqual([]);
  });
});

describe('a built-in provider with a bad value in one record', () => {
  it('lists every Okta app, dropping the one unreadable logo URL', async () => {
    const test = createTestEngine();
    const engine = createEngine({
      dispatcher: test.agent,
      onWarning: (warning) => test.warnings.push(warning),
    });
    const routes = new MockRoutes(test.agent, 'https://acme.okta.com');
    const app = (id: string, logo: string) => ({
      id,
      name: 'bookmark',
      label: `App ${id}`,
      status: 'ACTIVE',
      signOnMode: 'BOOKMARK',
      _links: { logo: [{ href: logo }] },
    });
    routes.on('/api/v1/apps?limit=200&includeNonDeleted=true', {
      body: [
        app('0oa1', 'https://example.okta.com/logo.png'),
        app('0oa2', 'https//example.okta.com/logo.png'),
      ],
    });
    const okta = engine.connect('okta', {
      params: { domain: 'acme.okta.com' },
      auth: { method: 'api_token', token: 'okta-token-1' },
    });
    const page = await okta.list('sso', 'apps');

    expect(page.result.map((record) => [record.id, record.logo_url])).toEqual([
      ['0oa1', 'https://example.okta.com/logo.png'],
      ['0oa2', undefined],
    ]);
    expect(page.stats).toEqual({ skipped: 0, repaired: 1, requests: 1 });
    expect(warningsOf(test.warnings)).toMatchObject([{ recordId: '0oa2', problems: [{ path: 'logo_url' }] }]);
  });
});
