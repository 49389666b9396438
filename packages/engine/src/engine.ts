import { createHash } from 'node:crypto';
import { Agent, type Dispatcher } from 'undici';
import { redactSecrets } from './auth/auth-errors.js';
import { authFields, secretCredentialValues, stableCredentials } from './auth/auth-fields.js';
import { createAuthStrategy } from './auth/create-auth-strategy.js';
import { checkCredentials } from './auth/credentials.js';
import { builtInProvider, builtInProviderIds } from './built-in-providers.js';
import { chooseResources } from './connection/choose-resources.js';
import { Connection } from './connection/connection.js';
import { resolveBaseUrl } from './connection/resolve-base-url.js';
import { resolveParams } from './connection/resolve-params.js';
import { CursorCodec } from './cursor/cursor-codec.js';
import { loadProviderDefinition } from './definition/provider-source.js';
import { renderTemplate } from './definition/template.js';
import { EngineError } from './errors/engine-error.js';
import { redactError } from './errors/redact-error.js';
import { HttpClient } from './http/http-client.js';
import { RateLimiter } from './http/rate-limiter.js';
import type {
  ConnectOptions,
  ConnectOptionsFor,
  EngineOptions,
  ProviderDefinition,
  ProviderIdArgument,
  ProviderSummary,
} from './public-types.js';
import { createUnifiedValidator, type UnifiedValidator } from './validation/unified-validator.js';

/**
 * The engine: a set of provider definitions and the shared HTTP agent, rate limits and cursor key.
 * `CustomId`: the literal ids `connect` accepts besides the built-in ones (see
 * {@link createEngine}, which gives `never` unless told); `string`, the default of this type
 * when written without an argument, accepts any id.
 */
export interface Engine<CustomId extends string = string> {
  /** The providers served, with their models, auth methods and params. */
  providers(): ProviderSummary[];
  /**
   * Parses and validates a definition (a path to provider.yaml or its folder, or YAML text) and
   * serves it from now on. Throws `invalid_definition` with every problem found.
   */
  loadProvider(pathOrYamlText: string): ProviderSummary;
  /**
   * Connects a customer's account. Params and credentials are checked before any request. For a
   * built-in provider named by a literal id, the id, auth method, credential fields and params
   * are checked at compile time too (see {@link ConnectOptionsFor}); an id or auth object typed
   * `string` (read at run time) is checked only when the call runs.
   */
  connect<const Id extends string, const Options extends ConnectOptions>(
    providerId: ProviderIdArgument<Id, CustomId>,
    options: ConnectOptionsFor<Id, Options>,
  ): Connection;
}

// Schemas never change at run time: one validator (its Ajv instance and compiled schemas) serves
// every engine of the process. Made when a record or input is first checked, not when an engine
// is created: building Ajv costs tens of milliseconds a process without validation never needs.
let sharedValidator: UnifiedValidator | undefined;
const validatorOfProcess = (): UnifiedValidator => {
  sharedValidator ??= createUnifiedValidator();
  return sharedValidator;
};
const lazyValidator: UnifiedValidator = {
  validate: (model, resource, record) => validatorOfProcess().validate(model, resource, record),
  validateInput: (model, resource, operation, input) =>
    validatorOfProcess().validateInput(model, resource, operation, input),
  inputFields: (model, resource, operation) => validatorOfProcess().inputFields(model, resource, operation),
  has: (model, resource) => validatorOfProcess().has(model, resource),
  resources: () => validatorOfProcess().resources(),
};

const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 60_000 };
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * Creates an engine. With no options it serves the built-in providers. With `providers`, it
 * serves those instead, and `connect` accepts any id. To connect by literal id to a provider added
 * with `loadProvider`, name its id: `createEngine<'acme'>()`.
 */
export function createEngine(
  options: EngineOptions & { providers: readonly ProviderDefinition[] },
): Engine<string>;
export function createEngine<CustomId extends string = never>(options?: EngineOptions): Engine<CustomId>;
export function createEngine(options: EngineOptions = {}): Engine<string> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  // A built-in provider is compiled when it is first asked for (see builtInProvider).
  const registry = new Map<string, ProviderDefinition | (() => ProviderDefinition)>();
  const definitionOf = (id: string): ProviderDefinition | undefined => {
    const entry = registry.get(id);
    return typeof entry === 'function' ? entry() : entry;
  };
  const validator = lazyValidator;
  if (options.providers) {
    for (const provider of options.providers) {
      if (registry.has(provider.id)) {
        throw new EngineError('duplicate_provider', `two definitions have the id ${provider.id}`, {
          provider: provider.id,
          operation: 'load',
        });
      }
      registry.set(provider.id, provider);
    }
  } else {
    for (const id of builtInProviderIds()) registry.set(id, () => builtInProvider(id));
  }
  let agent: Dispatcher | undefined = options.dispatcher;
  // One keep-alive agent per engine, made on first use, unless the caller brings a dispatcher.
  const dispatcher = () => {
    agent ??= new Agent({ connect: { timeout: timeouts.connectMs }, keepAliveTimeout: 10_000 });
    return agent;
  };
  const rateLimiter = new RateLimiter();
  const cursors = new CursorCodec(options.cursorSecret);
  const onWarning = options.onWarning ?? ((warning: EngineError) => console.warn(warning.message));

  return {
    providers: () => [...registry.keys()].map((id) => summarise(definitionOf(id) as ProviderDefinition)),
    loadProvider(pathOrYamlText) {
      const provider = loadProviderDefinition(pathOrYamlText);
      registry.set(provider.id, provider);
      return summarise(provider);
    },
    connect(providerId, connectOptions) {
      // Nothing the caller passed in leaves in an error: a param or a URL quoted back may hold a
      // credential by mistake.
      try {
        const provider = definitionOf(providerId);
        if (!provider) {
          throw new EngineError(
            'unknown_provider',
            `no provider ${providerId}; known: ${[...registry.keys()].join(', ')}`,
            {
              operation: 'connect',
            },
          );
        }
        const params = resolveParams(provider, connectOptions.params, connectOptions.baseUrl !== undefined);
        const { method: methodId, ...given } = connectOptions.auth ?? ({} as ConnectOptions['auth']);
        const method = provider.auth.get(methodId);
        const context = { provider: provider.id, operation: 'connect' };
        if (!method) {
          throw new EngineError(
            'invalid_auth',
            `unknown auth method ${String(methodId)}; expected ${[...provider.auth.keys()].join(', ')}`,
            context,
          );
        }
        const check = checkCredentials(method, given);
        if (!check.ok)
          throw new EngineError('invalid_auth', `invalid credentials for ${method.id}`, {
            ...context,
            problems: check.problems,
          });
        const credentials = check.credentials.values;
        const baseUrl = resolveBaseUrl(
          provider,
          params,
          connectOptions.baseUrl,
          connectOptions.allowPrivateNetwork === true,
        );
        const secretValues = secretCredentialValues(method, credentials);
        const auth = createAuthStrategy(method, check.credentials, {
          provider: provider.id,
          baseUrl,
          dispatcher: dispatcher(),
          tokenHosts: provider.tokenHosts,
          errorFields: { errorMessage: provider.errorMessage, errorCode: provider.errorCode },
          render: (template) => renderTemplate(template, { params, auth: credentials }) ?? '',
          onTokenRefresh: connectOptions.onTokenRefresh,
          timeoutMs: timeouts.headersMs,
        });
        const redact = (text: string) => redactSecrets(text, [...secretValues, ...auth.secrets()]);
        const defaultHeaders: Record<string, string> = {};
        for (const [name, template] of provider.headers)
          defaultHeaders[name] = renderTemplate(template, { params }) ?? '';
        const http = new HttpClient({
          provider,
          origin: baseUrl.origin,
          budgetKey: budgetKey(provider, baseUrl, params, credentials),
          dispatcher: dispatcher(),
          auth,
          defaultHeaders,
          rateLimiter,
          timeouts: { headersMs: timeouts.headersMs, bodyMs: timeouts.bodyMs },
          maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
          redact,
        });
        return new Connection({
          provider: chooseResources(provider, params),
          params,
          baseUrl,
          authMethod: method.id,
          http,
          validator,
          validation: options.validate ?? 'drop',
          redact,
          cursors,
          credentialFingerprint: cursors.credentialFingerprint(stableCredentials(method, credentials)),
          onWarning: (warning: EngineError) => onWarning(redactError(warning, redact)),
          defaultHeaders,
          authHeaderNames: () => auth.headerNames(),
        });
      } catch (error) {
        throw redactError(error, (text) =>
          redactSecrets(text, givenSecrets(definitionOf(providerId), connectOptions)),
        );
      }
    },
  };
}

function summarise(provider: ProviderDefinition): ProviderSummary {
  const models: Record<string, string[]> = {};
  const incrementalFilters: Record<string, string> = {};
  for (const resource of provider.resources.values()) {
    models[resource.model] ??= [];
    models[resource.model]!.push(resource.resource);
    const entry = provider.definition.resources[resource.key];
    const definition = entry && 'by' in entry ? entry.values[resource.variant ?? ''] : entry;
    const filter = definition?.incremental_filter;
    if (filter !== undefined) incrementalFilters[resource.key] = filter;
  }
  return {
    id: provider.id,
    name: provider.name,
    models,
    incrementalFilters,
    auth: [...provider.auth.values()].map((method) => ({
      id: method.id,
      kind: method.kind,
      label: method.label,
      fields: authFields(method),
    })),
    params: Object.fromEntries(
      [...provider.params.values()].map((param) => [
        param.name,
        {
          required: param.required,
          enum: param.enum,
          default: param.default,
          description: param.description,
        },
      ]),
    ),
  };
}

/**
 * The key of a connection's rate-limit state: its origin (an org's limits are shared by every
 * token), and the rendered `rate_limit.scope` when many customers share one host. The scope is
 * hashed: the key never holds a credential.
 */
function budgetKey(
  provider: ProviderDefinition,
  baseUrl: URL,
  params: Readonly<Record<string, string>>,
  credentials: Readonly<Record<string, string>>,
): string {
  if (!provider.budgetScope) return baseUrl.origin;
  const scope = renderTemplate(provider.budgetScope, { params, auth: credentials }) ?? '';
  const fingerprint = createHash('sha256').update(scope).digest('base64url').slice(0, 16);
  return `${baseUrl.origin}|${fingerprint}`;
}

/**
 * The secret values the caller passed to `connect()`: the fields its auth method marks secret,
 * or, when the provider or method is unknown, every credential long enough to be one.
 */
function givenSecrets(
  provider: ProviderDefinition | undefined,
  options: ConnectOptions | undefined,
): string[] {
  const { method: methodId, ...credentials } = options?.auth ?? ({} as ConnectOptions['auth']);
  const method = provider?.auth.get(methodId);
  if (method) return secretCredentialValues(method, credentials as Record<string, string>);
  return Object.values(credentials).filter(
    (value): value is string => typeof value === 'string' && value.length >= 8,
  );
}
