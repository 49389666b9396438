import { inspect } from 'node:util';
import { exportPKCS8, generateKeyPair } from 'jose';
import { MockAgent } from 'undici';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type ConnectOptions,
  createEngine,
  EngineError,
  type EngineErrorCode,
  type EngineOptions,
  loadProviderDefinition,
} from '../src/index.js';
import { MockRoutes } from './helpers/mock-routes.js';

// Canaries with characters that change under URL, form and JSON encoding, so an encoded copy of
// a secret (a form body, a JSON dump of headers) is caught as well as the plain one.
const TOKEN = 'canary-token-Q7+/x=&y';
const CLIENT_SECRET = 'canary-client-secret-W3+/z= "q"';
const REFRESH_TOKEN = 'canary-refresh-R5+/=&r';
let PRIVATE_KEY = '';

const ORIGIN = 'https://acme.secrets.example.com';
const definition = loadProviderDefinition(`
version: 1
id: secretco
name: Secret Co
params: { tenant: { pattern: '[a-z]+' } }
base_url: { template: 'https://{{params.tenant}}.secrets.example.com', allowed_hosts: ['*.secrets.example.com'] }
auth:
  - id: token
    kind: bearer
  - id: client
    kind: oauth2_client_credentials
    token_url: /oauth/token
    client_authentication: client_secret_post
  - id: signed
    kind: oauth2_client_credentials
    token_url: /oauth/token
    client_authentication: private_key_jwt
  - id: refresh
    kind: oauth2_refresh
    token_url: /oauth/token
retry: { max_attempts: 1, base_delay_ms: 1, max_delay_ms: 1 }
rate_limit: { max_wait_seconds: 1 }
errors: { message: error.text, code: error.code }
resources:
  sso/apps:
    filters:
      created_after: { type: date_time, max_age_days: 30, local: 'created_at >= $value' }
    list:
      sources:
        - request: { path: /apps }
          mapping: '{ "id": id, "name": name, "status": status, "logo_url": $number(size) ? logo }'
    get:
      request: { path: '/apps/{{id}}' }
  sso/app-users:
    list:
      sources:
        - request: { path: /app-users }
          mapping: '{ "id": id, "app": { "id": app }, "user": { "id": user } }'
`);

type Scenario = (context: {
  routes: MockRoutes;
  connect: (
    auth?: ConnectOptions['auth'],
    extra?: Partial<ConnectOptions>,
  ) => ReturnType<ReturnType<typeof createEngine>['connect']>;
  engineOptions: Partial<EngineOptions>;
}) => Promise<unknown>;

const TOKEN_AUTH = { method: 'token', token: TOKEN };
const CLIENT_AUTH = { method: 'client', client_id: 'client-1', client_secret: CLIENT_SECRET };
const REFRESH_AUTH = {
  method: 'refresh',
  client_id: 'client-1',
  client_secret: CLIENT_SECRET,
  refresh_token: REFRESH_TOKEN,
};

function providerAnswer(status: number, headers: Record<string, string> = {}): Scenario {
  return ({ routes, connect }) => {
    routes.on('/apps', {
      status,
      headers,
      body: { error: { code: TOKEN, text: `token ${TOKEN} rejected` } },
    });
    return connect().list('sso', 'apps');
  };
}

/** One row per error code a connection can raise, each with a canary planted where it used to leak. */
const SCENARIOS: Array<[EngineErrorCode, string, Scenario]> = [
  ['unauthorized', 'providerCode and message quote the token', providerAnswer(401)],
  ['forbidden', 'providerCode and message quote the token', providerAnswer(403)],
  ['not_found', 'providerCode and message quote the token', providerAnswer(404)],
  ['provider_error', 'providerCode and message quote the token', providerAnswer(400)],
  ['provider_unavailable', 'providerCode and message quote the token', providerAnswer(503)],
  [
    'rate_limited',
    'providerCode and message quote the token',
    providerAnswer(429, { 'retry-after': '3600' }),
  ],
  [
    'invalid_response',
    'the message quotes a Content-Type',
    ({ routes, connect }) => {
      routes.on('/apps', { text: 'not json', headers: { 'content-type': `text/html; charset=${TOKEN}` } });
      return connect().list('sso', 'apps');
    },
  ],
  [
    'foreign_origin',
    'a redirect carries the token to another host',
    ({ routes, connect }) => {
      routes.on('/apps', {
        status: 302,
        headers: { location: `https://${'evil'}.example.net/?t=${encodeURIComponent(TOKEN)}` },
      });
      return connect().list('sso', 'apps');
    },
  ],
  [
    'token_error',
    'OAuth error and error_description quote the client secret',
    ({ routes, connect }) => {
      routes.on(
        '/oauth/token',
        { status: 400, body: { error: CLIENT_SECRET, error_description: `bad ${CLIENT_SECRET}` } },
        { method: 'POST' },
      );
      return connect(CLIENT_AUTH).list('sso', 'apps');
    },
  ],
  [
    'token_error',
    "the definition's errors expressions read the client secret from the token answer",
    ({ routes, connect }) => {
      routes.on(
        '/oauth/token',
        { status: 401, body: { error: { code: CLIENT_SECRET, text: `bad ${CLIENT_SECRET}` } } },
        { method: 'POST' },
      );
      return connect(CLIENT_AUTH).list('sso', 'apps');
    },
  ],
  [
    'token_error',
    'the cause thrown by onTokenRefresh quotes the refresh token',
    ({ routes, connect }) => {
      routes.on(
        '/oauth/token',
        { body: { access_token: `access-${TOKEN}`, refresh_token: REFRESH_TOKEN, expires_in: 3600 } },
        { method: 'POST' },
      );
      return connect(REFRESH_AUTH, {
        onTokenRefresh: (tokens) => {
          throw new Error(`could not save ${tokens.refresh_token} / ${tokens.access_token}`, {
            cause: new Error(`db said ${REFRESH_TOKEN}`),
          });
        },
      }).list('sso', 'apps');
    },
  ],
  [
    'network_error',
    'the dispatcher quotes the form-encoded client_secret_post body',
    ({ routes, connect, engineOptions }) => {
      const agent = engineOptions.dispatcher as MockAgent;
      agent
        .get(ORIGIN)
        .intercept({ path: '/oauth/token', method: 'POST', body: () => false })
        .reply(200, {});
      void routes;
      return connect(CLIENT_AUTH).list('sso', 'apps');
    },
  ],
  [
    'timeout',
    'a slow provider',
    ({ routes, connect }) => {
      routes.on('/apps', { body: [] }, { delayMs: 200 });
      return connect().list('sso', 'apps');
    },
  ],
  [
    'mapping_error',
    'the JSONata error quotes a record value, and the record id is the token',
    ({ routes, connect }) => {
      routes.on('/apps', { body: [{ id: TOKEN, name: 'App', status: 'active', size: `${TOKEN}` }] });
      return connect().list('sso', 'apps');
    },
  ],
  [
    'schema_violation',
    'strict validation names a record whose id is the token',
    ({ routes, connect }) => {
      routes.on('/apps', { body: [{ id: TOKEN, name: 'App', status: `${TOKEN}` }] });
      return connect().list('sso', 'apps');
    },
  ],
  [
    'invalid_params',
    'a param quoted back holds the token',
    ({ connect }) => Promise.resolve().then(() => connect(TOKEN_AUTH, { params: { tenant: `X${TOKEN}` } })),
  ],
  [
    'invalid_auth',
    'a token that cannot be sent',
    ({ connect }) => Promise.resolve().then(() => connect({ method: 'token', token: `${TOKEN}\r\n` })),
  ],
  [
    'invalid_auth',
    'a private key that cannot sign',
    ({ connect }) =>
      Promise.resolve().then(() =>
        connect({
          method: 'signed',
          client_id: 'client-1',
          private_key: PRIVATE_KEY.replace('PRIVATE KEY-----\n', 'PRIVATE KEY-----\nAAAA'),
        }),
      ),
  ],
  [
    'invalid_base_url',
    'the base URL carries the token as a password',
    ({ connect }) =>
      Promise.resolve().then(() =>
        connect(TOKEN_AUTH, { baseUrl: `https://user:${encodeURIComponent(TOKEN)}@proxy.example.com` }),
      ),
  ],
  [
    'unknown_provider',
    'the provider id is unknown',
    ({ engineOptions }) =>
      Promise.resolve().then(() =>
        createEngine<string>(engineOptions).connect('nosuchco', { auth: TOKEN_AUTH }),
      ),
  ],
  [
    'unsupported_resource',
    'a resource the provider does not serve',
    ({ connect }) => connect().list('hris', 'employees'),
  ],
  [
    'unsupported_operation',
    'get where only list is declared',
    ({ connect }) => connect().get('sso', 'app-users', TOKEN),
  ],
  [
    'unsupported_filter',
    'an undeclared filter',
    ({ connect }) => connect().list('sso', 'apps', { filter: { [TOKEN]: 'x' } }),
  ],
  [
    'invalid_filter',
    'a filter value quoted back',
    ({ connect }) => connect().list('sso', 'apps', { filter: { created_after: TOKEN } }),
  ],
  [
    'invalid_cursor',
    'a cursor that is the token',
    ({ connect }) => connect().list('sso', 'apps', { cursor: TOKEN }),
  ],
  ['invalid_request', 'a proxy path that is the token', ({ connect }) => connect().proxy({ path: TOKEN })],
  [
    'internal_error',
    "the caller's onWarning throws an error quoting the token",
    ({ routes, connect, engineOptions }) => {
      engineOptions.validate = 'warn';
      engineOptions.onWarning = () => {
        throw new TypeError(`warning handler broke on ${TOKEN}`);
      };
      routes.on('/apps', { body: [{ id: TOKEN, name: 'App', status: 'bogus' }] });
      return connect().list('sso', 'apps');
    },
  ],
];

function canaries(): string[] {
  const secrets = [TOKEN, CLIENT_SECRET, REFRESH_TOKEN, PRIVATE_KEY];
  // A private key leaks as much through one line of its body as whole.
  const keyLines = PRIVATE_KEY.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
  return [...secrets, ...keyLines].flatMap((secret) => [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams([['', secret]]).toString().slice(1),
    JSON.stringify(secret).slice(1, -1),
  ]);
}

/** Every text an error exposes: own properties (enumerable or not) down the whole cause chain. */
function exposedText(value: unknown, seen = new Set<unknown>()): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || seen.has(value)) return String(value);
  seen.add(value);
  const parts = Object.getOwnPropertyNames(value).map((key) => {
    const item = (value as Record<string, unknown>)[key];
    return `${key}=${exposedText(item, seen)}`;
  });
  if (value instanceof Error) parts.push(inspect(value, { depth: 10, showHidden: true }));
  return parts.join('\n');
}

function expectNoCanary(value: unknown): void {
  const text = exposedText(value);
  for (const canary of canaries()) {
    expect(text.includes(canary), `found ${JSON.stringify(canary)} in:\n${text.slice(0, 2000)}`).toBe(false);
  }
}

beforeAll(async () => {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  PRIVATE_KEY = await exportPKCS8(privateKey);
});

describe('no secret in any error or warning', () => {
  it.each(SCENARIOS)('%s: %s', async (code, _why, scenario) => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const warnings: EngineError[] = [];
    const engineOptions: Partial<EngineOptions> = {
      providers: [definition],
      dispatcher: agent,
      validate: 'strict',
      timeouts: { headersMs: 50, bodyMs: 50 },
      onWarning: (warning) => warnings.push(warning),
    };
    const routes = new MockRoutes(agent, ORIGIN);
    const connect = (auth: ConnectOptions['auth'] = TOKEN_AUTH, extra: Partial<ConnectOptions> = {}) =>
      createEngine<string>(engineOptions).connect('secretco', { params: { tenant: 'acme' }, auth, ...extra });
    const error = await scenario({ routes, connect, engineOptions }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(EngineError.isInstance(error), `expected an EngineError, got ${String(error)}`).toBe(true);
    expect((error as EngineError).code).toBe(code);
    expectNoCanary(error);
    expectNoCanary(warnings);
  });

  it('warnings quoting a record id are redacted too', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const warnings: EngineError[] = [];
    const engine = createEngine({
      providers: [definition],
      dispatcher: agent,
      validate: 'warn',
      onWarning: (warning) => warnings.push(warning),
    });
    new MockRoutes(agent, ORIGIN).on('/apps', { body: [{ id: TOKEN, name: 'App', status: 'bogus' }] });
    const page = await engine
      .connect('secretco', { params: { tenant: 'acme' }, auth: TOKEN_AUTH })
      .list('sso', 'apps');
    expect(page.result).toHaveLength(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.code).toBe('schema_violation');
    expectNoCanary(warnings);
  });

  it("shape a token error with the definition's errors expressions", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    new MockRoutes(agent, ORIGIN).on(
      '/oauth/token',
      { status: 401, body: { error: { code: 'client_rejected', text: `bad ${CLIENT_SECRET}` } } },
      { method: 'POST' },
    );
    const error = await createEngine({ providers: [definition], dispatcher: agent })
      .connect('secretco', { params: { tenant: 'acme' }, auth: CLIENT_AUTH })
      .list('sso', 'apps')
      .catch((caught: unknown) => caught);

    expect(error).toMatchObject({ code: 'token_error', status: 401, providerCode: 'client_rejected' });
    expect((error as EngineError).message).toBe(
      '[engine] [secretco] auth: token request failed with HTTP 401: bad [redacted]',
    );
  });
});
