import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { WriteOptions } from '@org/engine';
import type { Command } from 'commander';
import { collect, keyValues, listOption, type OptionValues, stringOption, UsageError } from './arguments.js';
import { addConnectionOptions } from './connection-options.js';
import type { RunContext } from './run-context.js';

/** Adds the shared write options (after the command's own arguments) and the connection options. */
export function addWriteOptions(command: Command, input: boolean, example: string): Command {
  if (input) {
    command
      .option('--input <json>', 'the unified input as JSON, or @file, or @- for standard input')
      .option(
        '--set <field=value>',
        'one text field of the input (repeatable), e.g. --set name="Ada Lovelace"',
        collect,
      );
  }
  command
    .option('--dry-run', 'print the request that would be sent (secrets redacted) and send nothing')
    .option('--idempotency-key <key>', 'a key naming this change, for providers that honour one')
    .option('--json', 'one line of JSON instead of indented JSON')
    .option('--no-remote-data', "leave out remote_data, the provider's raw object");
  return addConnectionOptions(command).addHelpText('after', `\nExample:\n  ${example}`);
}

/** The options of the engine call, from the command line. */
export function writeCallOptions(values: OptionValues, context: RunContext): WriteOptions {
  const idempotencyKey = stringOption(values, 'idempotencyKey');
  return {
    dryRun: values.dryRun === true,
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
    remoteData: values.remoteData !== false,
    ...(context.signal ? { signal: context.signal } : {}),
  };
}

async function readAll(context: RunContext): Promise<string> {
  const input = context.io.stdin;
  if (!input) throw new UsageError('--input @-: no standard input to read');
  const decoder = new TextDecoder();
  let text = '';
  for await (const chunk of input) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk);
  return text;
}

/** The unified input of `--input` (JSON, `@file` or `@-`) with the `--set` fields over it. */
export async function readWriteInput(
  values: OptionValues,
  context: RunContext,
): Promise<Record<string, unknown>> {
  const given = stringOption(values, 'input');
  let input: unknown = {};
  if (given !== undefined) {
    let text = given;
    if (given === '@-') text = await readAll(context);
    else if (given.startsWith('@')) {
      try {
        text = readFileSync(resolve(context.io.cwd ?? process.cwd(), given.slice(1)), 'utf8');
      } catch (error) {
        throw new UsageError(
          `--input ${given}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
        );
      }
    }
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new UsageError(`--input is not JSON: ${(error as Error).message}`);
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      throw new UsageError('--input must be a JSON object');
  }
  const fields = keyValues('set', listOption(values, 'set'));
  const merged = { ...(input as Record<string, unknown>), ...fields };
  if (Object.keys(merged).length === 0) throw new UsageError('give the input with --input or --set');
  return merged;
}

/** Prints what a write resolved to: the record after the change, `{ id }`, or the dry-run request. */
export async function printWriteResult(
  result: unknown,
  values: OptionValues,
  context: RunContext,
): Promise<void> {
  await context.print(values.json ? JSON.stringify(result) : JSON.stringify(result, null, 2));
}
