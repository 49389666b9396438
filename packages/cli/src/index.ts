/**
 * `@org/cli`: the `org-engine` command line for provider authors and operators. Validate
 * provider definitions, see the providers served, and list or get unified records.
 *
 * The binary is a thin wrapper around {@link runCli}, which tests and other tools can call
 * in-process with their own streams and environment.
 *
 * @example
 * ```ts
 * import { runCli } from '@org/cli';
 *
 * const code = await runCli(['validate', 'providers/acme'], {
 *   stdout: process.stdout,
 *   stderr: process.stderr,
 *   env: process.env,
 * });
 * ```
 *
 * @packageDocumentation
 */

import { readFileSync } from 'node:fs';
import { UsageError } from './arguments.js';
import { runGet, runList } from './commands/list.js';
import { runProviders } from './commands/providers.js';
import { runSync } from './commands/sync.js';
import { runValidate } from './commands/validate.js';
import { errorLines } from './output.js';
import { type CliIo, RunContext } from './run-context.js';
import { COMMAND_USAGE, type CommandName, isCommand, MAIN_USAGE } from './usage.js';

export type { CliIo, CliTextStream } from './run-context.js';

/** The version of `@org/cli`, read from its package.json (one level up from both `src` and `dist`). */
function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

const COMMANDS: Record<CommandName, (args: readonly string[], context: RunContext) => Promise<number>> = {
  validate: runValidate,
  providers: runProviders,
  list: runList,
  get: runGet,
  sync: runSync,
};

/** True when `--help` (or `-h`) comes before any `--` that ends the options. */
function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

async function dispatch(argv: readonly string[], context: RunContext): Promise<number> {
  const [first, ...args] = argv;
  if (first === undefined) throw new UsageError('missing <command>');
  if (first === '--version' || first === '-v') {
    await context.print(version());
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? args[0] : undefined;
    await context.print(isCommand(topic) ? COMMAND_USAGE[topic] : MAIN_USAGE);
    return 0;
  }
  if (!isCommand(first)) {
    throw new UsageError(first.startsWith('-') ? `unknown option ${first}` : `unknown command ${first}`);
  }
  if (asksForHelp(args)) {
    await context.print(COMMAND_USAGE[first]);
    return 0;
  }
  return COMMANDS[first](args, context);
}

/**
 * Runs one `org-engine` command line (the arguments after the program name) and resolves to
 * its exit status: 0 on success, 1 when the engine reports an error (`error <code>: <message>`
 * on stderr, with its problems) or a definition is invalid, 2 for a usage error (the message
 * and the command's usage on stderr). It never throws and never writes a credential value.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const context = new RunContext(io);
  const command = isCommand(argv[0]) ? argv[0] : undefined;
  try {
    const code = await dispatch(argv, context);
    await context.flush();
    return code;
  } catch (error) {
    try {
      if (error instanceof UsageError) {
        await context.error(
          `org-engine: ${error.message}`,
          '',
          command ? COMMAND_USAGE[command] : MAIN_USAGE,
        );
        return 2;
      }
      await context.error(...errorLines(error));
    } catch {
      // The streams themselves failed (a closed pipe): nothing more can be said.
    }
    return 1;
  }
}
