import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { UsageError } from './arguments.js';
import { COMMANDS } from './commands/index.js';
import type { RunContext } from './run-context.js';

/** The version of `@org/cli`, read from its package.json (one level up from both `src` and `dist`). */
function cliVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

const EXIT_STATUS_HELP = `
Exit status: 0 on success, 1 when the engine reports an error or a definition is invalid,
2 when the command line is wrong, 130 when stopped with Ctrl-C.`;

/**
 * The `org-engine` program of one run: every command of {@link COMMANDS}, help and usage
 * errors written through the run's context. Commander's own errors are thrown (never
 * `process.exit`) so {@link runCli} decides the exit status.
 */
export function createProgram(context: RunContext): Command {
  const program = new Command('org-engine')
    .usage('<command> [options]')
    .description('Validate provider definitions and read unified records with @org/engine.')
    .version(cliVersion(), '-v, --version', 'the version of org-engine')
    .helpOption('-h, --help', 'show help')
    .addHelpText('after', EXIT_STATUS_HELP)
    .showSuggestionAfterError(false);
  program.helpCommand('help [command]', 'help of a command');
  configure(program, context);
  for (const create of COMMANDS) {
    const command = create(context);
    configure(command, context);
    program.addCommand(command);
  }
  return program;
}

/** Output through the context (so secrets are redacted), errors thrown instead of exiting. */
function configure(command: Command, context: RunContext): void {
  command
    .helpOption('-h, --help', 'show help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void context.printText(text),
      // Usage errors (and the help commander shows for a missing command) are printed by
      // runCli, with the usage of the command they concern.
      writeErr: () => undefined,
      outputError: () => undefined,
    });
}

/** The command a command line runs, for the usage printed with its error. */
export function commandOf(program: Command, argv: readonly string[]): Command {
  const name = argv.find((arg) => !arg.startsWith('-'));
  return program.commands.find((command) => command.name() === name) ?? program;
}

/** A commander error turned into the exit status and message of a usage error, or undefined for help and version. */
export function usageErrorOf(error: unknown): UsageError | undefined {
  if (error instanceof UsageError) return error;
  if (!(error instanceof CommanderError)) return undefined;
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return undefined;
  if (error.code === 'commander.help' || error.code === 'commander.executeSubCommandAsync') {
    return new UsageError('missing <command>');
  }
  return new UsageError(error.message.replace(/^error: /, ''));
}

/** True when the error is commander having printed help or the version: the run succeeded. */
export function isHelpOrVersion(error: unknown): boolean {
  return (
    error instanceof CommanderError &&
    (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
  );
}
