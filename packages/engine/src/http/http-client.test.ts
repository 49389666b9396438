import { Dispatcher, MockAgent } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import {
  connectTestProvider,
  createTestEngine,
  TEST_ORIGIN,
  testProvider,
} from '../../test/helpers/test-engine.js';
import { createEngine, EngineError } from '../index.js';

const SECRET = 'secret-token-1';
const EVIL_ORIGIN = 'https://evil.example.net';

function user(id: number | string, extra: Record<string, unknown> = {}) {
  return { id, name: `User ${id}`, state: 'on', ...extra };
}

/** The EngineError a promise rejects with (fails the test if it resolves or throws something else). */
async function engineError(promise: Promise<unknown>): Promise<EngineError> {
  const outcome = await promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected an EngineError, got ${JSON.stringify(outcome.value)}`);
  if (!EngineError.isInstance(outcome.error)) throw outcome.error;
  return outcome.error;
}

/** Runs fake timers until the promise settles, so retries and backoff need no real waiting. */
async function settle<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  promise.then(
    () => {
      done = true;
    },
    () => {
      done = true;
    },
  );
  for (let step = 0; !done && step < 10_000; step += 1) await vi.advanceTimersByTimeAsync(50);
  return promise;
}

/** How often the first interceptor still pending was used (undici tracks it; its types do not say). */
function timesInvoked(agent: MockAgent): number | undefined {
  const [pending] = agent.pendingInterceptors() as unknown as Array<{ timesInvoked: number }>;
  return pending?.timesInvoked;
}

function setup(options: Parameters<typeof createTestEngine>[0] = {}) {
  const test = createTestEngine(options);
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  return { ...test, routes, connection: connectTestProvider(test.engine) };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(new Date('2026-03-01T12:00:00.000Z'));
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('dispatcher', () => {
  it('sends every request, the token request included, through the given dispatcher', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const dispatched: string[] = [];
    class CountingDispatcher extends Dispatcher {
      override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
        dispatched.push(`${options.method} ${options.origin}${options.path}`);
        return agent.dispatch(options, handler);
      }
    }
    const routes = new MockRoutes(agent, TEST_ORIGIN);
    routes.on(
      '/oauth/token',
      { body: { access_token: 'access-1', token_type: 'Bearer', expires_in: 3600 } },
      { method: 'POST' },
    );
    routes.on('/users/7', { body: user(7) });
    const engine = createEngine({
      providers: [testProvider],
      dispatcher: new CountingDispatcher(),
      cursorSecret: 'test-cursor-secret-0123456789',
    });
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'client_credentials', client_id: 'client-1', client_secret: 'client-secret-1' },
    });
    const record = await connection.get('user-directory', 'users', '7');
    expect(record.id).toBe('7');
    expect(dispatched).toEqual([`POST ${TEST_ORIGIN}/oauth/token`, `GET ${TEST_ORIGIN}/users/7`]);
    expect(routes.seen[1]!.headers.authorization).toBe('Bearer access-1');
  });
});

describe('response bodies', () => {
  it('fails with invalid_response and a clear message when a 200 body is not JSON', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', { text: '<html>maintenance</html>', headers: { 'content-type': 'text/html' } });
    const error = await engineError(connection.get('user-directory', 'users', '1'));
    expect(error.code).toBe('invalid_response');
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/expected a JSON body/);
    expect(error.message).toContain('text/html');
    expect(error.message).not.toContain('maintenance');
  });

  it('still reports the HTTP error (and retries a 5xx) when an error body claims JSON but is not', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', {
      status: 502,
      text: '<html>bad gateway</html>',
      headers: { 'content-type': 'application/json' },
    });
    routes.on('/users/1', { body: user(1) });
    const record = await settle(connection.get('user-directory', 'users', '1'));
    expect(record.id).toBe('1');
    expect(routes.seen).toHaveLength(2);
  });
});

describe('timeouts', () => {
  it('fails with timeout when the headers do not come within timeouts.headersMs', async () => {
    const { routes, connection } = setup({ timeouts: { headersMs: 50 } });
    routes.on('/users/1', { body: user(1) }, { delayMs: 60_000, times: Number.POSITIVE_INFINITY });
    const started = Date.now();
    const error = await settle(engineError(connection.get('user-directory', 'users', '1')));
    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/timed out/);
    // Three attempts of 50 ms plus backoff, nowhere near the 60 s the server would have taken.
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(routes.seen).toHaveLength(3);
  });

  it('fails with timeout when the body stalls past timeouts.bodyMs', async () => {
    // Headers arrive, then the body never ends: a dispatcher that gives no body timeout of its own.
    class StallingDispatcher extends Dispatcher {
      requests = 0;
      override dispatch(_options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
        this.requests += 1;
        const legacy = handler as unknown as {
          onConnect(abort: (error?: Error) => void): void;
          onHeaders(status: number, headers: Buffer[], resume: () => void, text: string): boolean;
          onData(chunk: Buffer): boolean;
          onError(error: Error): void;
        };
        legacy.onConnect((error) => legacy.onError(error ?? new Error('aborted')));
        legacy.onHeaders(200, [Buffer.from('content-type'), Buffer.from('application/json')], () => {}, 'OK');
        legacy.onData(Buffer.from('[{"id":'));
        return true;
      }
    }
    const dispatcher = new StallingDispatcher();
    const engine = createEngine({
      providers: [testProvider],
      dispatcher,
      cursorSecret: 'test-cursor-secret-0123456789',
      timeouts: { bodyMs: 100 },
    });
    const connection = connectTestProvider(engine);
    const error = await settle(engineError(connection.get('user-directory', 'users', '1')));
    expect(error.code).toBe('timeout');
    expect(error.message).toMatch(/timed out/);
    // A stalled body is retried like any network failure of a GET: retry.max_attempts is 3.
    expect(dispatcher.requests).toBe(3);
  });

  it('answers normally when the reply comes within the timeout', async () => {
    const { routes, connection } = setup({ timeouts: { headersMs: 1_000 } });
    routes.on('/users/1', { body: user(1) }, { delayMs: 200 });
    const record = await settle(connection.get('user-directory', 'users', '1'));
    expect(record.id).toBe('1');
  });
});

describe('network errors', () => {
  it('retries a GET after a network error, then succeeds', async () => {
    const { agent, routes, connection } = setup();
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users/1', method: 'GET' })
      .replyWithError(new Error('socket hang up'));
    routes.on('/users/1', { body: user(1) });
    const record = await settle(connection.get('user-directory', 'users', '1'));
    expect(record.id).toBe('1');
    expect(agent.pendingInterceptors()).toHaveLength(0);
  });

  it('fails with network_error after retry.max_attempts attempts', async () => {
    const { agent, connection } = setup();
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users/1', method: 'GET' })
      .replyWithError(new Error('socket hang up'))
      .times(5);
    const error = await settle(engineError(connection.get('user-directory', 'users', '1')));
    expect(error.code).toBe('network_error');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('socket hang up');
    // retry.max_attempts is 3 in the test provider: 3 of the 5 replies were used.
    expect(timesInvoked(agent)).toBe(3);
  });

  it('does not retry a POST after a network error', async () => {
    const { agent, connection } = setup();
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/things', method: 'POST' })
      .replyWithError(new Error('connection reset'))
      .times(3);
    const error = await settle(engineError(connection.proxy({ method: 'POST', path: '/things', body: {} })));
    expect(error.code).toBe('network_error');
    expect(timesInvoked(agent)).toBe(1);
  });
});

describe('redirects', () => {
  it('follows a redirect on the same origin, with credentials', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', { status: 302, headers: { location: '/users/2' }, text: '' });
    routes.on('/users/2', { body: user(2) });
    const record = await connection.get('user-directory', 'users', '1');
    expect(record.id).toBe('2');
    expect(routes.paths()).toEqual(['/users/1', '/users/2']);
    expect(routes.seen[1]!.headers['x-api-key']).toBe(SECRET);
  });

  it('follows a same-origin redirect whose body is an HTML note', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', {
      status: 301,
      headers: { location: `${TEST_ORIGIN}/users/2`, 'content-type': 'text/html' },
      text: '<html><body>Moved Permanently</body></html>',
    });
    routes.on('/users/2', { body: user(2) });
    const record = await connection.get('user-directory', 'users', '1');
    expect(record.id).toBe('2');
  });

  it('refuses a redirect to another origin with foreign_origin and sends nothing there', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', { status: 307, headers: { location: `${EVIL_ORIGIN}/users/1` }, text: '' });
    routes.on(`${EVIL_ORIGIN}/users/1`, { body: user(1) });
    const error = await engineError(connection.get('user-directory', 'users', '1'));
    expect(error.code).toBe('foreign_origin');
    expect(error.message).toContain('evil.example.net');
    expect(routes.to(EVIL_ORIGIN)).toHaveLength(0);
    expect(routes.seen).toHaveLength(1);
  });

  it('refuses a redirect to the same host over another scheme', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', {
      status: 302,
      headers: { location: 'http://acme.api.example.com/users/1' },
      text: '',
    });
    const error = await engineError(connection.get('user-directory', 'users', '1'));
    expect(error.code).toBe('foreign_origin');
  });
});

describe('error responses', () => {
  it("maps the provider's error body through errors.message and errors.code", async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', { status: 400, body: { error: { code: 'E_BAD', text: 'the id is malformed' } } });
    const error = await engineError(connection.get('user-directory', 'users', '1'));
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('provider_error');
    expect(error.status).toBe(400);
    expect(error.providerCode).toBe('E_BAD');
    expect(error.message).toContain('E_BAD: the id is malformed');
    expect(error.provider).toBe('testco');
    expect(error.resource).toBe('user-directory/users');
    expect(error.retryable).toBe(false);
  });

  it.each([
    [401, 'unauthorized', false],
    [403, 'forbidden', false],
    [404, 'not_found', false],
    [422, 'provider_error', false],
  ] as const)('maps HTTP %i to %s without retrying', async (status, code, retryable) => {
    const { routes, connection } = setup();
    routes.on('/users/1', { status, body: { error: { code: 'E1', text: 'no' } } }, { times: 5 });
    const error = await settle(engineError(connection.get('user-directory', 'users', '1')));
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(retryable);
    expect(routes.seen).toHaveLength(1);
  });

  it.each([500, 502, 503, 504])('maps HTTP %i to provider_unavailable after the retries', async (status) => {
    const { routes, connection } = setup();
    routes.on('/users/1', { status, body: { error: { code: 'E5', text: 'down' } } }, { times: 5 });
    const error = await settle(engineError(connection.get('user-directory', 'users', '1')));
    expect(error.code).toBe('provider_unavailable');
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('E5: down');
    expect(routes.seen).toHaveLength(3);
  });
});

describe('secrets', () => {
  it('redacts a credential that the provider echoes in its error body', async () => {
    const { routes, connection } = setup();
    routes.on('/users/1', {
      status: 401,
      body: { error: { code: 'E_AUTH', text: `the key ${SECRET} is revoked` } },
    });
    const error = await engineError(connection.get('user-directory', 'users', '1'));
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toContain('[redacted]');
  });

  it('redacts a credential that a transport error quotes', async () => {
    const { agent, connection } = setup();
    // This interceptor wants a header the request lacks: the mock's error repeats the request
    // headers, the API key among them.
    agent
      .get(TEST_ORIGIN)
      .intercept({ path: '/users/1', method: 'GET', headers: { 'x-required': 'yes' } })
      .reply(200, user(1))
      .persist();
    const error = await settle(engineError(connection.get('user-directory', 'users', '1')));
    expect(error.code).toBe('network_error');
    expect(error.message).toContain('[redacted]');
    expect(error.message).not.toContain(SECRET);
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(SECRET);
  });

  it('keeps a basic-auth pair out of error messages', async () => {
    const { engine, agent } = createTestEngine();
    const routes = new MockRoutes(agent, TEST_ORIGIN);
    const encoded = Buffer.from('someone:pa55word-xyz').toString('base64');
    routes.on('/users/1', {
      status: 403,
      body: { error: { code: 'E', text: `Basic ${encoded} / pa55word-xyz` } },
    });
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'basic', username: 'someone', password: 'pa55word-xyz' },
    });
    const error = await engineError(connection.get('user-directory', 'users', '1'));
    expect(error.code).toBe('forbidden');
    expect(error.message).not.toContain('pa55word-xyz');
    expect(error.message).not.toContain(encoded);
  });
});

describe('renewed tokens', () => {
  it('retries concurrent requests rejected with one expired token after a single renewal', async () => {
    vi.useRealTimers();
    const { engine, agent } = createTestEngine();
    const routes = new MockRoutes(agent, TEST_ORIGIN);
    let issued = 0;
    routes.on(
      '/oauth/token',
      () => {
        issued += 1;
        return { body: { access_token: `access-${issued}`, token_type: 'Bearer', expires_in: 3600 } };
      },
      { method: 'POST', times: Number.POSITIVE_INFINITY },
    );
    const answer = (id: number) => (request: { headers: Record<string, string> }) =>
      request.headers.authorization === 'Bearer access-1'
        ? { status: 401, body: { error: { code: 'E_EXPIRED', text: 'token expired' } } }
        : { body: user(id) };
    routes.on('/users/1', answer(1), { times: 2 });
    // The second rejection arrives after the first one has already renewed the token.
    routes.on('/users/2', answer(2), { delayMs: 30 });
    routes.on('/users/2', answer(2));
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'client_credentials', client_id: 'client-1', client_secret: 'client-secret-1' },
    });
    const [first, second] = await Promise.all([
      connection.get('user-directory', 'users', '1'),
      connection.get('user-directory', 'users', '2'),
    ]);
    expect([first.id, second.id]).toEqual(['1', '2']);
    expect(issued).toBe(2);
  });
});
