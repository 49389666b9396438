import { EngineError, type Problem } from '@org/engine';

/** One problem of a definition: `<file>:<line>: <path>: <message>` (no line when unknown). */
export function formatProblem(file: string, problem: Problem): string {
  const where = problem.line === undefined ? file : `${file}:${problem.line}`;
  return `${where}: ${problem.path || '(root)'}: ${problem.message}`;
}

/**
 * The lines printed for an error: `error <code>: <message>` and each problem on its own line
 * for an {@link EngineError}, the message alone for anything else. Engine messages are already
 * free of secrets; the caller redacts once more before writing.
 */
export function errorLines(error: unknown): string[] {
  if (EngineError.isInstance(error)) {
    // The message repeats the problems on its following lines; they are listed below instead.
    const [message] = error.message.split('\n');
    const problems = error.problems.map(
      (problem) =>
        `  ${problem.path || '(root)'}${problem.line === undefined ? '' : ` (line ${problem.line})`}: ${problem.message}`,
    );
    return [`error ${error.code}: ${message}`, ...problems];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [`error: ${message.split('\n')[0]}`];
}
