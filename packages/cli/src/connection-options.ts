import { existsSync } from 'node:fs';
import {
  builtInProviders,
  type ConnectOptions,
  createEngine,
  type Engine,
  loadProviderDefinition,
  type ProviderDefinition,
  type ProviderSummary,
} from '@org/engine';
import {
  keyValues,
  listOption,
  type OptionSpecs,
  type ParsedArguments,
  resolveEnvValue,
  stringOption,
  UsageError,
} from './arguments.js';
import type { RunContext } from './run-context.js';

/** Environment variable holding the key that signs cursors, so a cursor works in a later run. */
export const CURSOR_SECRET_VARIABLE = 'ORG_ENGINE_CURSOR_SECRET';

/** The options `--provider-dir` adds to a command. */
export const PROVIDER_DIR_OPTIONS: OptionSpecs = {
  'provider-dir': { type: 'string', multiple: true },
};

/** The options every command that connects (`list`, `get`) takes. */
export const CONNECTION_OPTIONS: OptionSpecs = {
  ...PROVIDER_DIR_OPTIONS,
  param: { type: 'string', multiple: true },
  auth: { type: 'string' },
  'auth-field': { type: 'string', multiple: true },
  'base-url': { type: 'string' },
};

/**
 * An engine serving the built-in providers and those of `--provider-dir`. A folder replaces the
 * built-in provider with the same id, so an author can try an edited copy of it.
 */
export function createCliEngine(values: ParsedArguments['values'], context: RunContext): Engine {
  const loaded: ProviderDefinition[] = listOption(values, 'provider-dir').map((path) => {
    if (!existsSync(path)) throw new UsageError(`--provider-dir ${path}: no such file or folder`);
    return loadProviderDefinition(path);
  });
  const replaced = new Set(loaded.map((provider) => provider.id));
  const secret = context.env[CURSOR_SECRET_VARIABLE];
  if (secret && Buffer.byteLength(secret) < 16) {
    throw new UsageError(`${CURSOR_SECRET_VARIABLE} must be at least 16 bytes long`);
  }
  return createEngine({
    providers: [...builtInProviders().filter((provider) => !replaced.has(provider.id)), ...loaded],
    ...(secret ? { cursorSecret: secret } : {}),
    onWarning: (warning) => context.warn(`warning ${warning.code}: ${warning.message.split('\n')[0]}`),
  });
}

/** The summary of the provider to connect to; an unknown id is left for the engine to report. */
function summaryOf(engine: Engine, providerId: string): ProviderSummary | undefined {
  return engine.providers().find((provider) => provider.id === providerId);
}

/** The auth method: `--auth method=<id>` (or `--auth <id>`), else the provider's only one. */
function authMethod(values: ParsedArguments['values'], summary: ProviderSummary | undefined): string {
  const given = stringOption(values, 'auth');
  if (given !== undefined) {
    const method = given.startsWith('method=') ? given.slice('method='.length) : given;
    if (method === '' || method.includes('=')) throw new UsageError('--auth expects method=<id>');
    return method;
  }
  const methods = summary?.auth.map((method) => method.id) ?? [];
  if (methods.length === 1) return methods[0]!;
  throw new UsageError(
    `--auth method=<id> is required${summary ? `; ${summary.id} offers ${methods.join(', ')}` : ''}`,
  );
}

/**
 * Connection options from `--param`, `--auth`, `--auth-field` and `--base-url`. Credential
 * values given as `env:NAME` are read from the environment; every credential value the
 * provider marks secret (or does not declare) is registered with the context, which keeps it
 * out of anything printed.
 */
export function connectOptions(
  engine: Engine,
  providerId: string,
  values: ParsedArguments['values'],
  context: RunContext,
): ConnectOptions {
  const summary = summaryOf(engine, providerId);
  const method = authMethod(values, summary);
  const declared = summary?.auth.find((candidate) => candidate.id === method)?.fields ?? {};
  const fields = keyValues('auth-field', listOption(values, 'auth-field'), true);
  const auth: ConnectOptions['auth'] = { method };
  for (const [name, given] of Object.entries(fields)) {
    if (name === 'method') throw new UsageError('--auth-field method is not a field; use --auth method=<id>');
    const value = resolveEnvValue('auth-field', name, given, context.env);
    if (declared[name]?.secret !== false) context.addSecret(value);
    auth[name] = value;
  }
  const options: ConnectOptions = { params: keyValues('param', listOption(values, 'param')), auth };
  const baseUrl = stringOption(values, 'base-url');
  if (baseUrl !== undefined) options.baseUrl = baseUrl;
  return options;
}
