import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';
import { EngineError, loadProviderDefinition } from '../index.js';
import { checkHeaders, mergeHeaders } from './header-values.js';

function setup() {
  const test = createTestEngine();
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  routes.on('/widgets', { body: [] }, { times: Number.POSITIVE_INFINITY });
  return { ...test, routes };
}

describe('header values a request cannot carry', () => {
  it.each([
    ['CR LF', 'a\r\nX-Injected: 1'],
    ['a lone LF', 'a\nb'],
    ['NUL', 'a\u0000b'],
    ['a character outside Latin-1', 'caf\u00e9\u2603'],
  ])('refuses %s in a proxy header at once, naming the header, with no request', async (_, value) => {
    const { routes, engine } = setup();
    const error = await engineError(
      connectTestProvider(engine).proxy({ path: '/widgets', headers: { 'X-Trace': value } }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(error.message).toContain('X-Trace');
    expect(error.message).not.toContain(value);
    expect(routes.seen).toHaveLength(0);
  });

  it('refuses an invalid header name', async () => {
    const { routes, engine } = setup();
    const error = await engineError(
      connectTestProvider(engine).proxy({ path: '/widgets', headers: { 'X Bad:': 'x' } }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(routes.seen).toHaveLength(0);
  });

  it('refuses a connection param with a line break before any request, naming the param', () => {
    // A param without a pattern, placed in a header of every request.
    const definition = loadProviderDefinition(`
version: 1
id: headerco
name: Header Co
params: { team: {} }
base_url: { template: 'https://api.example.com' , allowed_hosts: [api.example.com] }
headers: { X-Team: '{{params.team}}' }
auth: [{ id: key, kind: bearer }]
resources:
  sso/apps:
    list:
      sources:
        - request: { path: /apps }
          mapping: '{ "id": id, "name": name }'
`);
    const { engine } = createTestEngine({ providers: [definition] });
    const connect = () =>
      engine.connect('headerco', {
        params: { team: 'blue\r\nX-Injected: 1' },
        auth: { method: 'key', token: 'secret-token-1' },
      });
    let caught: unknown;
    try {
      connect();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EngineError);
    expect((caught as EngineError).code).toBe('invalid_params');
    expect((caught as EngineError).problems).toEqual([
      { path: 'params.team', message: 'must not contain control characters such as CR, LF or NUL' },
    ]);
  });

  it('refuses an issued access token with a line break: one token request, no API request', async () => {
    const { routes, engine } = setup();
    routes.on(
      '/oauth/token',
      { body: { access_token: 'tok\r\nX-Injected: 1', expires_in: 3600 } },
      {
        method: 'POST',
        times: Number.POSITIVE_INFINITY,
      },
    );
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'client_credentials', client_id: 'client-1', client_secret: 'client-secret-9' },
    });
    const error = await engineError(connection.proxy({ path: '/widgets' }));
    expect(error).toMatchObject({ code: 'token_error', retryable: false });
    expect(error.message).toContain('access_token');
    expect(routes.seen.map((request) => request.path)).toEqual(['/oauth/token']);
  });
});

describe('caller headers and the connection credentials', () => {
  it.each(['Authorization', 'authorization', 'Proxy-Authorization', 'DPoP'])(
    'refuses a proxy %s header with no request',
    async (name) => {
      const { routes, engine } = setup();
      const error = await engineError(
        connectTestProvider(engine).proxy({ path: '/widgets', headers: { [name]: 'Bearer someone-else' } }),
      );
      expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
      expect(error.message).toContain(name);
      expect(routes.seen).toHaveLength(0);
    },
  );

  it("refuses a header the credentials set (the test provider's X-Api-Key), in any case", async () => {
    const { routes, engine } = setup();
    const error = await engineError(
      connectTestProvider(engine).proxy({ path: '/widgets', headers: { 'x-API-key': 'someone-else' } }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', retryable: false });
    expect(routes.seen).toHaveLength(0);
  });

  it('sends other caller headers once, with the credentials', async () => {
    const { routes, engine } = setup();
    await connectTestProvider(engine).proxy({ path: '/widgets', headers: { 'X-Trace': 'abc' } });
    expect(routes.seen[0]!.headers['x-trace']).toBe('abc');
    expect(routes.seen[0]!.headers['x-api-key']).toBe('secret-token-1');
  });
});

describe('mergeHeaders and checkHeaders', () => {
  it('keeps one header per name whatever the case, the last set winning', () => {
    expect(mergeHeaders({ Accept: 'a', authorization: 'x' }, { Authorization: 'y' })).toEqual({
      Accept: 'a',
      Authorization: 'y',
    });
  });

  it('accepts tabs and Latin-1 text, refuses control characters', () => {
    expect(() => checkHeaders({ 'X-A': 'a\tb caf\u00e9' }, 'test', {})).not.toThrow();
    expect(() => checkHeaders({ 'X-A': 'a\u007fb' }, 'test', {})).toThrow(/X-A header/);
  });
});
