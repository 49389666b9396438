import jsonata from 'jsonata';
import type { MockAgent } from 'undici';
import { describe, expect, it, vi } from 'vitest';
import {
  connectTestProvider,
  createTestEngine,
  JSON_HEADERS,
  TEST_ORIGIN,
  TEST_PROVIDER_PATH,
} from '../../test/helpers/test-engine.js';
import { loadProviderDefinition } from '../definition/provider-source.js';
import { EngineError } from '../errors/engine-error.js';

// Every JSONata compilation goes through the module's default export: count the calls.
vi.mock('jsonata', async (importOriginal) => {
  const actual = await importOriginal<{ default: typeof jsonata }>();
  return { default: vi.fn(actual.default) };
});

const compileSpy = vi.mocked(jsonata);

function user(id: number) {
  return {
    id,
    name: `User ${id}`,
    email: `u${id}@acme.test`,
    state: 'on',
    groups: [1],
    modified: '2024-05-01T10:00:00+02:00',
  };
}

/** A provider that pages users three at a time (9 in all) and groups two at a time (4 in all). */
function serve(agent: MockAgent): void {
  const pool = agent.get(TEST_ORIGIN);
  pool
    .intercept({ path: (path: string) => path.startsWith('/users'), method: 'GET' })
    .reply((options) => {
      const url = new URL(options.path, TEST_ORIGIN);
      const single = /^\/users\/(\d+)$/.exec(url.pathname);
      if (single)
        return {
          statusCode: 200,
          data: JSON.stringify(user(Number(single[1]))),
          responseOptions: { headers: JSON_HEADERS },
        };
      const after = Number(url.searchParams.get('after') ?? 0);
      const link = after < 6 ? { link: `<${TEST_ORIGIN}/users?limit=3&after=${after + 3}>; rel="next"` } : {};
      return {
        statusCode: 200,
        data: JSON.stringify([after + 1, after + 2, after + 3].map(user)),
        responseOptions: { headers: { ...JSON_HEADERS, ...link } },
      };
    })
    .persist();
  pool
    .intercept({ path: (path: string) => path.startsWith('/groups'), method: 'GET' })
    .reply((options) => {
      const page = Number(new URL(options.path, TEST_ORIGIN).searchParams.get('page[number]'));
      const data = [1, 2].map((index) => ({
        id: (page - 1) * 2 + index,
        name: `G${page}-${index}`,
        members: 1,
      }));
      return {
        statusCode: 200,
        data: JSON.stringify({ data, total: 4 }),
        responseOptions: { headers: JSON_HEADERS },
      };
    })
    .persist();
  pool
    .intercept({ path: '/me', method: 'GET' })
    .reply(403, { error: { code: 'E403', text: 'not allowed' } }, { headers: JSON_HEADERS })
    .persist();
}

describe('JSONata compilation', () => {
  it('happens when a definition loads, once per distinct expression', () => {
    const before = compileSpy.mock.calls.length;

    loadProviderDefinition(TEST_PROVIDER_PATH);

    const sources = compileSpy.mock.calls.slice(before).map(([source]) => source);
    expect(sources.length).toBeGreaterThan(0);
    // mappings/user.jsonata serves the users list, its group_id variant and me: compiled once,
    // as the record itself and inside the page wrapper.
    expect(sources.filter((source) => source.includes('$ianaTimezone(zone)'))).toHaveLength(2);
    expect(new Set(sources).size).toBe(sources.length);
  });

  it('does not grow with pages, calls or connections', async () => {
    const { engine, agent } = createTestEngine();
    serve(agent);
    const before = compileSpy.mock.calls.length;

    const first = connectTestProvider(engine);
    const second = connectTestProvider(engine);
    const users: unknown[] = [];
    for await (const record of first.iterate('user-directory', 'users')) users.push(record);
    const page = await second.list('user-directory', 'users', { limit: 3 });
    const next = await second.list('user-directory', 'users', { limit: 3, cursor: page.next_cursor });
    const filtered = await first.list('user-directory', 'users', {
      filter: { email: 'u2@acme.test', updated_after: '2024-01-01T00:00:00Z' },
    });
    const groups: unknown[] = [];
    for await (const record of second.iterate('user-directory', 'groups')) groups.push(record);
    const one = await first.get('user-directory', 'users', '5');
    const locations = await first.list('hris', 'locations');
    const denied = await first.get('user-directory', 'me').catch((error: unknown) => error);

    expect(users).toHaveLength(9);
    expect(next.result.map((record) => record.id)).toEqual(['4', '5', '6']);
    expect(filtered.result.map((record) => record.id)).toEqual(['2']);
    expect(groups).toHaveLength(4);
    expect(one.id).toBe('5');
    expect(locations.result).toEqual([]);
    expect(EngineError.isInstance(denied) && denied.message).toContain('E403: not allowed');
    expect(compileSpy.mock.calls.length).toBe(before);
  });
});
