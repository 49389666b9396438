import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A command line that cannot be run as written: the CLI prints the usage and exits with 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Collects a repeatable option's values (`--param a=1 --param b=2`) into a list. */
export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A command's option values as commander gives them. */
export type OptionValues = Record<string, unknown>;

/** A string option given once, or undefined. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A repeatable string option, as a list (empty when absent). */
export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * Splits `name=value` on the first `=`. With `secret`, a malformed entry is reported without
 * quoting it, since it may be a credential typed in the wrong place.
 */
export function parseKeyValue(option: string, entry: string, secret = false): [string, string] {
  const equals = entry.indexOf('=');
  const name = equals > 0 ? entry.slice(0, equals).trim() : '';
  if (name === '') {
    throw new UsageError(
      secret
        ? `--${option} expects name=value (the value may be env:VARIABLE, @file or @-)`
        : `--${option} expects name=value, got "${entry}"`,
    );
  }
  return [name, entry.slice(equals + 1)];
}

/** Repeated `--option name=value` entries as an object; a name given twice is a usage error. */
export function keyValues(
  option: string,
  entries: readonly string[],
  secret = false,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const entry of entries) {
    const [name, value] = parseKeyValue(option, entry, secret);
    if (Object.hasOwn(result, name)) throw new UsageError(`--${option} ${name} is given twice`);
    result[name] = value;
  }
  return result;
}

/** A positive whole number, for `--limit`. */
export function positiveInteger(option: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`--${option} expects a positive whole number, got "${text}"`);
  }
  return value;
}

/** `model/resource`, e.g. `user-directory/users`, split in two. */
export function modelResource(text: string | undefined): [model: string, resource: string] {
  const match = text === undefined ? null : /^([a-z][a-z0-9-]*)\/([a-z][a-z0-9-]*)$/.exec(text);
  if (!match) {
    throw new UsageError(
      text === undefined
        ? 'missing <model>/<resource>, e.g. user-directory/users'
        : `expected <model>/<resource>, e.g. user-directory/users, got "${text}"`,
    );
  }
  return [match[1]!, match[2]!];
}

/** The option declarations `node:util` parseArgs takes, for commands that parse their own arguments. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Values and positionals of a command line parsed with {@link parseCommand}. */
export interface ParsedArguments {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
}

/**
 * Parses arguments strictly with `node:util` parseArgs (unknown options fail), for a command
 * that takes its arguments as they are (`sync`, with subcommands of its own). Messages name
 * options, never the values given to them.
 */
export function parseCommand(args: readonly string[], options: OptionSpecs): ParsedArguments {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      strict: true,
      allowPositionals: true,
    });
    return { values: values as ParsedArguments['values'], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // parseArgs explains the option in the first sentence; the rest can quote an argument.
    throw new UsageError(message.split(/\.(?:\s|$)/)[0]!);
  }
}

/** Resolves `env:NAME` to that environment variable (see SecretReader for every source). */
export function resolveEnvValue(
  option: string,
  name: string,
  value: string,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (!value.startsWith('env:')) return value;
  const variable = value.slice('env:'.length);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) {
    throw new UsageError(`--${option} ${name}=env:<VARIABLE> needs a variable name`);
  }
  const resolved = env[variable];
  if (resolved === undefined || resolved === '') {
    throw new UsageError(`--${option} ${name}: the environment variable ${variable} is not set`);
  }
  return resolved;
}
