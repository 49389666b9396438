import { FaultInjector } from './faults.js';
import { closeServer, type ListeningServer, listen, serveProvider } from './http-server.js';
import { multiAccountApi, OktaAccounts } from './okta/okta-accounts.js';
import { AccessTokens, OktaAuthenticator } from './okta/okta-auth.js';
import { OktaTenant } from './okta/okta-data.js';
import { ReplayGuard } from './okta/okta-dpop.js';
import { createOktaApi, OKTA_RATE_LIMITS } from './okta/okta-routes.js';
import { createServiceApp, OktaTokenEndpoint } from './okta/okta-token-endpoint.js';
import { BASE62, normaliseSeed, Random } from './random.js';
import { createRateLimiter } from './rate-limiter.js';
import type { OktaSandbox, Sandbox, SandboxOptions, WorkatoSandbox } from './sandbox-types.js';
import type { EnvironmentType } from './vocabulary/workato-vocabulary.js';
import { createWorkatoApi, WORKATO_RATE_LIMITS } from './workato/workato-api.js';
import { WorkatoWorkspace } from './workato/workato-data.js';
import { WorkatoDirectory } from './workato/workato-directory.js';
import { WorkatoIdentity } from './workato/workato-identity.js';

const MAX_USERS = 10_000_000;
const TOKEN_ALPHABET = `${BASE62}-_`;

function checkWholeNumber(name: string, value: number, minimum: number, maximum: number): number {
  if (!Number.isInteger(value) || value < minimum || value > maximum) {
    throw new RangeError(`${name} must be a whole number from ${minimum} to ${maximum}, got ${value}`);
  }
  return value;
}

async function startOkta(
  options: SandboxOptions,
  seed: number,
  listening: ListeningServer,
): Promise<OktaSandbox> {
  const users = checkWholeNumber('users', options.users ?? 1000, 1, MAX_USERS);
  const logEvents = checkWholeNumber(
    'logEvents',
    options.logEvents ?? Math.min(50_000, Math.max(30, users * 3)),
    0,
    10_000_000,
  );
  const logsEndAt = options.logsEndAt === undefined ? Date.now() : new Date(options.logsEndAt).getTime();
  if (Number.isNaN(logsEndAt)) throw new RangeError('logsEndAt must be a valid date');
  const origin = listening.origin;
  const tenant = new OktaTenant({ seed, users, baseUrl: origin, logEvents, logsEndAt });
  const apiToken =
    options.apiToken ?? `00${new Random(seed, 'okta.api-token').characters(40, TOKEN_ALPHABET)}`;
  const serviceApp = await createServiceApp(seed, origin, options.serviceApp);
  const tokens = new AccessTokens();
  const replays = new ReplayGuard();
  const tokenEndpoint = new OktaTokenEndpoint(
    {
      origin,
      clientId: serviceApp.clientId,
      publicJwk: serviceApp.publicJwk,
      grantedScopes: serviceApp.scopes,
      dpop: options.dpop ?? false,
      tokenLifetimeSeconds: checkWholeNumber(
        'tokenLifetimeSeconds',
        options.tokenLifetimeSeconds ?? 3600,
        1,
        86_400,
      ),
    },
    tokens,
    replays,
  );
  const api = createOktaApi(tenant, new OktaAuthenticator(apiToken, tokens, replays), tokenEndpoint);
  const accounts = new OktaAccounts(
    options.seed ?? 1,
    { users, baseUrl: origin, logEvents, logsEndAt },
    tokenEndpoint,
  );
  const requestCount = serveProvider(listening, multiAccountApi(api, accounts), {
    rateLimiter: createRateLimiter(OKTA_RATE_LIMITS, options.rateLimit),
    faults: new FaultInjector(seed, options.faults),
    onError: options.onError ?? ((error) => console.error('[org-sandbox]', error)),
  });
  // A domain the definition accepts; requests go to `baseUrl`, the sandbox, instead.
  const params = { domain: `${String(tenant.org.subdomain)}.okta.com` };
  const { clientId, privateJwk } = serviceApp;
  return {
    provider: 'okta',
    url: origin,
    baseUrl: origin,
    port: listening.port,
    seed: options.seed ?? 1,
    credentials: { apiToken },
    connection: { params, auth: { method: 'api_token', token: apiToken }, baseUrl: origin },
    serviceApp,
    serviceAppConnection: privateJwk && {
      params,
      auth: {
        method: 'oauth2_service_app',
        client_id: clientId,
        private_key: JSON.stringify(privateJwk),
        key_id: String(privateJwk.kid),
      },
      baseUrl: origin,
    },
    tenant,
    account: (index) => {
      const { api: _api, ...account } = accounts.account(index);
      return account;
    },
    get expected() {
      return tenant.expected();
    },
    get inventory() {
      return tenant.inventory();
    },
    requestCount,
    close: () => closeServer(listening.server),
  };
}

/** `seed` is the normalised 32-bit seed; results report the seed the caller gave. */
function startWorkato(options: SandboxOptions, seed: number, listening: ListeningServer): WorkatoSandbox {
  const users = checkWholeNumber('users', options.users ?? 40, 1, MAX_USERS);
  const workspace = new WorkatoWorkspace(seed, users);
  const directory = new WorkatoDirectory(workspace);
  const identity = new WorkatoIdentity(
    seed,
    checkWholeNumber('identityUsers', options.identityUsers ?? 25, 0, 100_000),
    String(workspace.me.email).split('@')[1]!,
  );
  const token = (label: string) => new Random(seed, label).characters(64, '0123456789abcdef');
  const apiToken = options.apiToken ?? token('workato.api-token');
  // The main token is a DEV API client; TEST and PROD clients only matter to Workato Identity.
  const environmentTokens = {
    dev: apiToken,
    test: token('workato.api-token.test'),
    prod: token('workato.api-token.prod'),
  };
  const tokens = new Map(
    Object.entries(environmentTokens).map(([environment, value]) => [value, environment as EnvironmentType]),
  );
  const requestCount = serveProvider(
    listening,
    createWorkatoApi(workspace, { tokens, retryAfter: options.retryAfter ?? false }, directory, identity),
    {
      rateLimiter: createRateLimiter(WORKATO_RATE_LIMITS, options.rateLimit),
      faults: new FaultInjector(seed, options.faults),
      onError: options.onError ?? ((error) => console.error('[org-sandbox]', error)),
    },
  );
  const baseUrl = `${listening.origin}/api`;
  return {
    provider: 'workato',
    url: listening.origin,
    baseUrl,
    port: listening.port,
    seed: options.seed ?? 1,
    credentials: { apiToken },
    connection: { params: { data_center: 'us' }, auth: { method: 'api_token', token: apiToken }, baseUrl },
    environmentTokens,
    workspace,
    directory,
    identity,
    get expected() {
      return workspace.expected();
    },
    get inventory() {
      return workspace.inventory();
    },
    requestCount,
    close: () => closeServer(listening.server),
  };
}

/**
 * Starts a local Okta- or Workato-compatible API server with seeded data.
 *
 * @example
 * ```ts
 * const sandbox = await startSandbox({ provider: 'okta', users: 5000, seed: 42 });
 * const response = await fetch(`${sandbox.url}/api/v1/users?limit=200`, {
 *   headers: { authorization: `SSWS ${sandbox.credentials.apiToken}` },
 * });
 * await sandbox.close();
 * ```
 */
export function startSandbox(options: SandboxOptions & { provider: 'okta' }): Promise<OktaSandbox>;
export function startSandbox(options: SandboxOptions & { provider: 'workato' }): Promise<WorkatoSandbox>;
export function startSandbox(options: SandboxOptions): Promise<Sandbox>;
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (options.provider !== 'okta' && options.provider !== 'workato') {
    throw new RangeError(`provider must be "okta" or "workato", got "${String(options.provider)}"`);
  }
  const seed = normaliseSeed(options.seed ?? 1);
  // Validate what can fail before binding a port, so that a bad option leaks no server.
  new FaultInjector(seed, options.faults);
  const listening = await listen(
    options.host ?? '127.0.0.1',
    checkWholeNumber('port', options.port ?? 0, 0, 65_535),
  );
  try {
    return options.provider === 'okta'
      ? await startOkta(options, seed, listening)
      : startWorkato(options, seed, listening);
  } catch (error) {
    await closeServer(listening.server);
    throw error;
  }
}
