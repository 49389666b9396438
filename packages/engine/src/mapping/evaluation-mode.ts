/**
 * Which evaluator runs expressions that compiled: the compiled closures (the default), the
 * JSONata interpreter (to measure against), or both with every difference recorded (the
 * differential tests). Expressions that did not compile always run on the interpreter.
 */
export type EvaluationMode = 'compiled' | 'interpreted' | 'checked';

/** One evaluation where the compiled expression and the interpreter disagreed. */
export interface EvaluationDifference {
  source: string;
  compiled: string;
  interpreted: string;
}

import { INTERPRETER_LIMITS } from './compile-jsonata.js';
import { DEFAULT_LIMITS } from './compiler/compile-expression.js';

let mode: EvaluationMode = 'compiled';
const differences: EvaluationDifference[] = [];

/** Sets the mode for this process (tests and benchmarks). */
export function setEvaluationMode(next: EvaluationMode): void {
  mode = next;
}

/** Sets how long one evaluation may run, on both evaluators (tests of runaway expressions). */
export function setEvaluationTimeout(milliseconds: number): void {
  INTERPRETER_LIMITS.timeout = milliseconds;
  DEFAULT_LIMITS.timeoutMs = milliseconds;
}

export function evaluationMode(): EvaluationMode {
  return mode;
}

/** Differences recorded in `checked` mode since the last call; clears them. */
export function takeDifferences(): EvaluationDifference[] {
  return differences.splice(0, differences.length);
}

/** An outcome as text: the JSON of a value (undefined kept apart), or an error's message. */
function describeOutcome(outcome: { value?: unknown; error?: unknown }): string {
  if ('error' in outcome) return `error: ${(outcome.error as Error)?.message ?? String(outcome.error)}`;
  if (outcome.value === undefined) return 'undefined';
  return JSON.stringify(outcome.value, (_key, value) => (value === undefined ? '(undefined)' : value));
}

/**
 * Records a difference when the two outcomes are not the same. Two failures count as the same
 * outcome even with different errors: when several parts of an expression fail on one input,
 * the interpreter (which evaluates the members of a constructor concurrently) reports whichever
 * it reaches first, the compiled expression the first in the author's order. A single failure
 * gives the same code, position and message on both (the expression tests check it).
 */
export function compareOutcomes(
  source: string,
  compiled: { value?: unknown; error?: unknown },
  interpreted: { value?: unknown; error?: unknown },
): void {
  if ('error' in compiled && 'error' in interpreted) return;
  const compiledText = describeOutcome(compiled);
  const interpretedText = describeOutcome(interpreted);
  if (compiledText !== interpretedText) {
    differences.push({ source, compiled: compiledText, interpreted: interpretedText });
  }
}
