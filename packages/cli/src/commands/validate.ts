import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError, loadProviderDefinition } from '@org/engine';
import { parseCommand, UsageError } from '../arguments.js';
import { formatProblem } from '../output.js';
import type { RunContext } from '../run-context.js';

/** The file problems are reported against: the folder's provider.yaml, or the file given. */
function definitionFile(path: string): string {
  try {
    return statSync(path).isDirectory() ? join(path, 'provider.yaml') : path;
  } catch {
    return path;
  }
}

/** The outcome of one path: the lines to print and whether the definition is valid. */
interface Outcome {
  valid: boolean;
  lines: string[];
}

function validateOne(path: string): Outcome {
  const file = definitionFile(path);
  // Checked here: the engine reads a string that names no file as YAML text.
  if (!existsSync(path)) {
    return { valid: false, lines: [formatProblem(file, { path: '', message: 'no such file or folder' })] };
  }
  try {
    const provider = loadProviderDefinition(path);
    const count = provider.resources.size;
    return { valid: true, lines: [`ok ${provider.id} (${count} resource${count === 1 ? '' : 's'})`] };
  } catch (error) {
    if (!EngineError.isInstance(error) || error.code !== 'invalid_definition') throw error;
    const problems = error.problems.length
      ? error.problems
      : [{ path: '', message: error.message.split('\n')[0]! }];
    return { valid: false, lines: problems.map((problem) => formatProblem(file, problem)) };
  }
}

/**
 * `org-engine validate <path...>`: loads each provider definition and prints `ok <id> (<n>
 * resources)` or every problem as `<file>:<line>: <path>: <message>`. Returns 1 when any
 * definition is invalid.
 */
export async function runValidate(args: readonly string[], context: RunContext): Promise<number> {
  const { positionals } = parseCommand(args, {});
  if (positionals.length === 0) throw new UsageError('missing <path>: a provider folder or provider.yaml');
  let exitCode = 0;
  for (const path of positionals) {
    const outcome = validateOne(path);
    if (!outcome.valid) exitCode = 1;
    for (const line of outcome.lines) await context.print(line);
  }
  return exitCode;
}
