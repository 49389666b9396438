import jsonata from 'jsonata';
import { JsonataEvaluationError } from '../errors/jsonata-evaluation-error.js';
import { MAPPING_HELPERS } from './jsonata-helpers.js';

/** Thrown when a JSONata expression does not compile; carries the position in the author's text. */
export class JsonataSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number | undefined,
  ) {
    super(message);
  }
}

interface JsonataFailure {
  message?: string;
  position?: number;
  token?: string;
  code?: string;
}

/**
 * Bounds on one interpreted evaluation (JSONata's own guards): nesting depth of the evaluator,
 * milliseconds, and the length of any one sequence. Without them a runaway expression hangs the
 * process or exhausts its memory. The compiled evaluator has equivalent bounds.
 */
export const INTERPRETER_LIMITS = { stack: 2_000, timeout: 5_000, sequence: 1_000_000 };

/**
 * Compiles `prefix + source + suffix` and reports errors at positions in `source` (the text
 * the author wrote), so wrapping an expression never shifts what the author is told.
 */
export function compileWrapped(source: string, prefix = '', suffix = ''): jsonata.Expression {
  try {
    // The shared object, not a copy: JSONata reads it on every evaluation (see setEvaluationTimeout).
    return jsonata(`${prefix}${source}${suffix}`, INTERPRETER_LIMITS);
  } catch (error) {
    const failure = error as JsonataFailure;
    const position =
      typeof failure.position === 'number' ? Math.max(0, failure.position - prefix.length) : undefined;
    throw new JsonataSyntaxError(describeFailure(failure, position), position);
  }
}

function describeFailure(failure: JsonataFailure, position: number | undefined): string {
  const where = position === undefined ? '' : ` at position ${position}`;
  const code = failure.code ? ` (${failure.code})` : '';
  return `JSONata${code}${where}: ${failure.message ?? String(failure)}`;
}

/** A JSONata failure (from either evaluator) as a JsonataEvaluationError at a position in `source`. */
export function evaluationError(error: unknown, positionOffset = 0, index?: number): JsonataEvaluationError {
  const failure = error as JsonataFailure;
  const position =
    typeof failure?.position === 'number' ? Math.max(0, failure.position - positionOffset) : undefined;
  return new JsonataEvaluationError(describeFailure(failure, position), index, position);
}

/** Evaluates with the engine helpers bound, turning JSONata failures into JsonataEvaluationError. */
export async function evaluate(
  expression: jsonata.Expression,
  input: unknown,
  bindings: Record<string, unknown>,
  positionOffset = 0,
): Promise<unknown> {
  try {
    return await expression.evaluate(input, { ...MAPPING_HELPERS, ...bindings });
  } catch (error) {
    throw evaluationError(error, positionOffset);
  }
}

/** JSONata returns sequences; a single value stands for a one-item array. */
export function asArray(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
