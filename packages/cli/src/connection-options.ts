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
import type { Command } from 'commander';
import type { Dispatcher } from 'undici';
import {
  collect,
  keyValues,
  listOption,
  type OptionSpecs,
  type OptionValues,
  stringOption,
  UsageError,
} from './arguments.js';
import type { RunContext } from './run-context.js';
import { readEnvFile, SecretReader } from './secret-values.js';

/** Environment variable holding the key that signs cursors, so a cursor works in a later run. */
export const CURSOR_SECRET_VARIABLE = 'ORG_ENGINE_CURSOR_SECRET';

/** Adds `--provider-dir`: serve the provider of a folder too. */
export function addProviderDirOption(command: Command): Command {
  return command.option(
    '--provider-dir <path>',
    'also serve the provider in this folder (repeatable); it replaces a built-in provider with the same id',
    collect,
  );
}

/** Adds the options of every command that connects to a provider. */
export function addConnectionOptions(command: Command): Command {
  command
    .option('--param <name=value>', 'a connection param, e.g. domain=acme.okta.com (repeatable)', collect)
    .option(
      '--auth <method=id>',
      'the auth method (method=<id> or <id>); optional when the provider has only one',
    )
    .option(
      '--auth-field <name=value>',
      'a credential field (repeatable); the value may be env:VARIABLE (from the environment or --env-file), @file (a PEM or JSON key) or @- (standard input, prompted for without echo on a terminal)',
      collect,
    )
    .option('--env-file <path>', 'read variables for env: values from this .env file')
    .option('--base-url <url>', 'overrides the base URL (custom domain, proxy, local sandbox)')
    .option('--verbose', 'log every request on stderr: method, path, status, time, rate-limit headers');
  return addProviderDirOption(command);
}

/**
 * An engine serving the built-in providers and those of `--provider-dir`. A folder replaces the
 * built-in provider with the same id, so an author can try an edited copy of it.
 */
export function createCliEngine(values: OptionValues, context: RunContext, dispatcher?: Dispatcher): Engine {
  const loaded: ProviderDefinition[] = listOption(values, 'providerDir').map((path) => {
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
    ...(dispatcher ? { dispatcher } : {}),
    onWarning: (warning) => context.warn(`warning ${warning.code}: ${warning.message.split('\n')[0]}`),
  });
}

/** Loads `--env-file` into the context's environment; the process environment wins. */
export function applyEnvFile(values: OptionValues, context: RunContext): void {
  const path = stringOption(values, 'envFile');
  if (path !== undefined) context.env = { ...readEnvFile(context, path), ...context.env };
}

/** The summary of the provider to connect to; an unknown id is left for the engine to report. */
function summaryOf(engine: Engine, providerId: string): ProviderSummary | undefined {
  return engine.providers().find((provider) => provider.id === providerId);
}

/** The auth method: `--auth method=<id>` (or `--auth <id>`), else the provider's only one. */
function authMethod(values: OptionValues, summary: ProviderSummary | undefined): string {
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
 * values are read from where they point (`env:`, `@file`, `@-`); every credential value the
 * provider marks secret (or does not declare) is registered with the context, which keeps it
 * out of anything printed.
 */
export async function connectOptions(
  engine: Engine,
  providerId: string,
  values: OptionValues,
  context: RunContext,
): Promise<ConnectOptions> {
  const summary = summaryOf(engine, providerId);
  const method = authMethod(values, summary);
  const declared = summary?.auth.find((candidate) => candidate.id === method)?.fields ?? {};
  const fields = keyValues('auth-field', listOption(values, 'authField'), true);
  const auth: ConnectOptions['auth'] = { method };
  const reader = new SecretReader(context);
  for (const [name, given] of Object.entries(fields)) {
    if (name === 'method') throw new UsageError('--auth-field method is not a field; use --auth method=<id>');
    const value = await reader.read('auth-field', name, given);
    if (declared[name]?.secret !== false) context.addSecret(value);
    auth[name] = value;
  }
  const options: ConnectOptions = { params: keyValues('param', listOption(values, 'param')), auth };
  const baseUrl = stringOption(values, 'baseUrl');
  if (baseUrl !== undefined) options.baseUrl = baseUrl;
  return options;
}

/** `--provider-dir`, for a command parsing its own arguments with `parseCommand`. */
export const PROVIDER_DIR_OPTIONS: OptionSpecs = { 'provider-dir': { type: 'string', multiple: true } };

/** The connection options, for a command parsing its own arguments with `parseCommand`. */
export const CONNECTION_OPTIONS: OptionSpecs = {
  ...PROVIDER_DIR_OPTIONS,
  param: { type: 'string', multiple: true },
  auth: { type: 'string' },
  'auth-field': { type: 'string', multiple: true },
  'env-file': { type: 'string' },
  'base-url': { type: 'string' },
};

/** Values parsed by `parseCommand` (kebab-case names) as commander names them (camelCase). */
export function camelCaseValues(values: OptionValues): OptionValues {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
      value,
    ]),
  );
}
