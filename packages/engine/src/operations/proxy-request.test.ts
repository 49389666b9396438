import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';
import { loadProviderDefinition } from '../definition/provider-source.js';
import { EngineError, type ProxyRequest } from '../index.js';

function setup() {
  const test = createTestEngine();
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  return { ...test, routes, connection: connectTestProvider(test.engine) };
}

describe('proxy', () => {
  it('returns the raw status, headers and body, with auth and default headers applied', async () => {
    const { routes, connection } = setup();
    routes.on('/widgets?limit=1&active=true', {
      status: 200,
      body: [{ id: 'w1', anything: { nested: true } }],
      headers: { 'x-request-id': 'req-1' },
    });
    const response = await connection.proxy({ path: '/widgets', query: { limit: 1, active: true } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual([{ id: 'w1', anything: { nested: true } }]);
    expect(response.headers['x-request-id']).toBe('req-1');
    expect(routes.seen[0]!.headers['x-api-key']).toBe('secret-token-1');
    expect(routes.seen[0]!.headers.accept).toBe('application/json');
  });

  it('sends a body as JSON', async () => {
    const { routes, connection } = setup();
    routes.on('/widgets', { status: 201, body: { id: 'w2' } }, { method: 'POST' });
    const response = await connection.proxy({ method: 'POST', path: '/widgets', body: { name: 'Two' } });
    expect(response).toMatchObject({ status: 201, body: { id: 'w2' } });
    expect(routes.seen[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(routes.seen[0]!.body ?? '')).toEqual({ name: 'Two' });
  });

  it('returns an error status raw instead of throwing', async () => {
    const { routes, connection } = setup();
    routes.on('/widgets/9', { status: 404, body: { error: { code: 'E_NONE', text: 'gone' } } });
    const response = await connection.proxy({ path: '/widgets/9' });
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'E_NONE', text: 'gone' } } });
  });

  it.each([
    ['an absolute URL', 'https://evil.example.net/steal'],
    ['an absolute URL on the same host', `${TEST_ORIGIN}/widgets`],
    ['a protocol-relative path', '//evil.example.net/steal'],
    ['a path without a leading slash', 'widgets'],
    ['a backslash path', '/\\evil.example.net/steal'],
  ])('refuses %s, with no request at all', async (_, path) => {
    const { agent, routes, connection } = setup();
    routes.on('https://evil.example.net/steal', { body: {} });
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: () => true, method: () => true })
      .reply(200, {})
      .persist();
    const outcome = await connection.proxy({ path } as ProxyRequest).then(
      (response) => response,
      (error: unknown) => error,
    );
    if (EngineError.isInstance(outcome)) {
      expect(outcome.code).toBe('invalid_request');
    } else {
      // A path the engine accepts must stay on the connection's origin.
      expect(routes.to('https://evil.example.net')).toHaveLength(0);
      throw new Error(`expected the proxy to refuse ${path}`);
    }
    expect(routes.to('https://evil.example.net')).toHaveLength(0);
  });

  it('never sends a request to another host, whatever the path', async () => {
    const { agent, connection } = setup();
    const hosts: string[] = [];
    for (const origin of [TEST_ORIGIN, 'https://evil.example.net']) {
      agent
        .get(origin)
        .intercept({ path: () => true, method: () => true })
        .reply(() => {
          hosts.push(origin);
          return {
            statusCode: 200,
            data: '{}',
            responseOptions: { headers: { 'content-type': 'application/json' } },
          };
        })
        .persist();
    }
    for (const path of [
      '/%2F%2Fevil.example.net/x',
      '/..//evil.example.net/x',
      '/@evil.example.net/x',
      '/x?next=//evil',
    ]) {
      await connection.proxy({ path }).catch(() => undefined);
    }
    expect(hosts.every((host) => host === TEST_ORIGIN)).toBe(true);
  });
});

describe('proxy under a base URL with a path', () => {
  const based = loadProviderDefinition(`
version: 1
id: based
name: Based
params:
  region: { enum: [eu], default: eu }
base_url:
  by: region
  values: { eu: https://eu.based.example.com/api }
auth:
  - id: token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /members }
          pagination: { type: none }
          mapping: '{ "id": $string(id), "status": "active" }'
`);
  const ORIGIN = 'https://eu.based.example.com';

  function connect() {
    const test = createTestEngine({ providers: [based] });
    const routes = new MockRoutes(test.agent, ORIGIN);
    const connection = test.engine.connect('based', { auth: { method: 'token', token: 'based-token' } });
    return { ...test, routes, connection };
  }

  it('keeps the base path', async () => {
    const { routes, connection } = connect();
    routes.on('/api/members', { body: [] });
    const response = await connection.proxy({ path: '/members' });
    expect(response.status).toBe(200);
    expect(routes.seen[0]!.headers.authorization).toBe('Bearer based-token');
  });

  it.each(['/../admin', '/%2e%2e/admin', '/x/../../admin'])(
    'refuses %s, which climbs out of the base path',
    async (path) => {
      const { agent, connection } = connect();
      const reached: string[] = [];
      agent
        .get(ORIGIN)
        .intercept({ path: () => true, method: () => true })
        .reply((request) => {
          reached.push(request.path);
          return {
            statusCode: 200,
            data: '{}',
            responseOptions: { headers: { 'content-type': 'application/json' } },
          };
        })
        .persist();
      const error = await engineError(connection.proxy({ path }));
      expect(error.code).toBe('invalid_request');
      expect(reached).toEqual([]);
    },
  );
});
