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

import { errorLines } from './output.js';
import { commandOf, createProgram, isHelpOrVersion, usageErrorOf } from './program.js';
import { type CliIo, RunContext } from './run-context.js';

export { COMMANDS } from './commands/index.js';
export type { CliInputStream, CliIo, CliTextStream } from './run-context.js';

/**
 * Runs one `org-engine` command line (the arguments after the program name) and resolves to
 * its exit status: 0 on success, 1 when the engine reports an error (`error <code>: <message>`
 * on stderr, with its problems) or a definition is invalid, 2 for a usage error (the message
 * and the command's usage on stderr), 130 when `io.signal` stopped a listing. It never throws
 * and never writes a credential value.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const context = new RunContext(io);
  const program = createProgram(context);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    await context.flush();
    return context.exitCode;
  } catch (error) {
    try {
      if (isHelpOrVersion(error)) {
        await context.flush();
        return 0;
      }
      const usage = usageErrorOf(error);
      if (usage) {
        await context.error(`org-engine: ${usage.message}`, '', commandOf(program, argv).helpInformation());
        return 2;
      }
      await context.error(...errorLines(error));
    } catch {
      // The streams themselves failed (a closed pipe): nothing more can be said.
    }
    return 1;
  } finally {
    context.statusLine?.clear();
  }
}
