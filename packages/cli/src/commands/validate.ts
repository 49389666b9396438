import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EngineError, loadProviderDefinition, type ProviderDefinition } from '@org/engine';
import { Command } from 'commander';
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

/** `--explain`: how many expressions run compiled, and why each other one runs interpreted. */
function explain(provider: ProviderDefinition): string[] {
  const interpreted = provider.expressions.filter((expression) => expression.reason !== undefined);
  const total = provider.expressions.length;
  return [
    `  ${total - interpreted.length} of ${total} JSONata expression${total === 1 ? '' : 's'} compiled`,
    ...interpreted.map((expression) => `  interpreted ${expression.path}: ${expression.reason}`),
  ];
}

function validateOne(path: string, explained: boolean): Outcome {
  const file = definitionFile(path);
  // Checked here: the engine reads a string that names no file as YAML text.
  if (!existsSync(path)) {
    return { valid: false, lines: [formatProblem(file, { path: '', message: 'no such file or folder' })] };
  }
  try {
    const provider = loadProviderDefinition(path);
    const count = provider.resources.size;
    const summary = `ok ${provider.id} (${count} resource${count === 1 ? '' : 's'})`;
    return { valid: true, lines: [summary, ...(explained ? explain(provider) : [])] };
  } catch (error) {
    if (!EngineError.isInstance(error) || error.code !== 'invalid_definition') throw error;
    const problems = error.problems.length
      ? error.problems
      : [{ path: '', message: error.message.split('\n')[0]! }];
    return { valid: false, lines: problems.map((problem) => formatProblem(file, problem)) };
  }
}

/**
 * `org-engine validate [--explain] <path...>`: loads each provider definition and prints `ok <id>
 * (<n> resources)` or every problem as `<file>:<line>: <path>: <message>`. With `--explain`, also
 * which JSONata expressions run on the interpreter rather than compiled, and why. Exits with 1
 * when any definition is invalid.
 */
export function validateCommand(context: RunContext): Command {
  return new Command('validate')
    .description('check provider definitions (folders or provider.yaml files)')
    .argument('<path...>', 'a provider folder or its provider.yaml')
    .option('--explain', 'also say which JSONata expressions run interpreted rather than compiled, and why')
    .addHelpText(
      'after',
      `
Loads each provider definition (a provider folder or its provider.yaml, with the mapping files
it names) and prints "ok <id> (<n> resources)", or every problem as
"<file>:<line>: <path>: <message>". Exits with 1 when any definition is invalid.`,
    )
    .action(async (paths: string[], values: { explain?: boolean }) => {
      for (const path of paths) {
        const outcome = validateOne(path, values.explain === true);
        if (!outcome.valid) context.exitCode = 1;
        for (const line of outcome.lines) await context.print(line);
      }
    });
}
