import jsonata from 'jsonata';
import type { AstNode } from './ast.js';
import { Unsupported } from './ast.js';
import { compileWithScopes, type Evaluator } from './compile-node.js';
import { populateMessage } from './error-messages.js';
import { type EvaluationLimits, Frame, Run } from './runtime.js';
import { createSequence, isSequence, type JsonataError } from './values.js';

/** Bounds every evaluation gets unless the caller sets its own. */
export const DEFAULT_LIMITS: EvaluationLimits = { depth: 250, timeoutMs: 5_000, rangeItems: 1_000_000 };

/**
 * A JSONata expression compiled to a tree of plain synchronous closures: no code generation,
 * no promises. Built once; `evaluate` is safe to call any number of times.
 */
export class CompiledExpression {
  private readonly assigned = new Map<string, unknown>();

  constructor(
    readonly source: string,
    private readonly root: Evaluator,
    private readonly limits: EvaluationLimits,
  ) {}

  /** Binds `$name` for every evaluation (a definition's constants, the engine's helpers). */
  assign(name: string, value: unknown): void {
    this.assigned.set(name, value);
  }

  /** The value of the expression for `input`; throws JSONata-shaped errors (`code`, `position`). */
  evaluate(input: unknown, bindings: Readonly<Record<string, unknown>> = {}): unknown {
    const frame = this.frame(input, bindings);
    const context = Array.isArray(input) && !isSequence(input) ? wrapOuter(input) : input;
    return this.run(context, frame);
  }

  /**
   * One value per record, each evaluated with the record as context and the whole page as `$$`:
   * what `[$.{"v": (expression)}].v` gives on the interpreter, without building the page twice.
   */
  evaluateEach(records: readonly unknown[], bindings: Readonly<Record<string, unknown>> = {}): unknown[] {
    const frame = this.frame(records, bindings);
    const outputs: unknown[] = new Array(records.length);
    for (let index = 0; index < records.length; index += 1) {
      try {
        outputs[index] = this.run(records[index], frame);
      } catch (error) {
        throw new RecordFailure(index, error);
      }
    }
    return outputs;
  }

  private frame(root: unknown, bindings: Readonly<Record<string, unknown>>): Frame {
    const run = new Run(this.limits);
    const frame = new Frame(undefined, run);
    for (const [name, value] of this.assigned) frame.bind(name, value);
    for (const name of Object.keys(bindings)) frame.bind(name, bindings[name]);
    frame.bind('$', root);
    return frame;
  }

  /** The root's value for one context, with JSONata's messages on failures (no closure per call). */
  private run(input: unknown, frame: Frame): unknown {
    try {
      return this.root(input, frame);
    } catch (error) {
      if (error instanceof RangeError && /call stack/i.test(error.message)) {
        const overflow: JsonataError = { code: 'D1011', value: this.limits.depth };
        populateMessage(overflow);
        throw overflow;
      }
      if (error !== null && typeof error === 'object' && typeof (error as JsonataError).code === 'string') {
        populateMessage(error as JsonataError);
      }
      throw error;
    }
  }
}

/** The failure of one record of `evaluateEach`, with the record's place in the page. */
class RecordFailure {
  constructor(
    readonly recordIndex: number,
    readonly cause: unknown,
  ) {}
}

function wrapOuter(input: unknown[]): unknown {
  const sequence = createSequence(input);
  sequence.outerWrapper = true;
  return sequence;
}

/** Why an expression cannot be compiled; it then runs on the JSONata interpreter. */
export interface InterpretedReason {
  readonly source: string;
  readonly reason: string;
}

/**
 * Compiles `source` (already known to parse). Returns the reason instead when it uses a
 * construct the compiler does not cover; syntax errors are left to the interpreter's parser.
 */
export function compileExpression(
  source: string,
  limits: EvaluationLimits = DEFAULT_LIMITS,
): CompiledExpression | InterpretedReason {
  let ast: jsonata.ExprNode;
  try {
    ast = jsonata(source).ast();
  } catch {
    return { source, reason: 'syntax error' };
  }
  return compileAst(source, ast, limits);
}

/** As `compileExpression`, from the AST of an expression the caller has already parsed. */
export function compileAst(
  source: string,
  ast: jsonata.ExprNode,
  limits: EvaluationLimits = DEFAULT_LIMITS,
): CompiledExpression | InterpretedReason {
  try {
    return new CompiledExpression(source, compileWithScopes(ast as unknown as AstNode), limits);
  } catch (error) {
    if (error instanceof Unsupported) return { source, reason: error.message };
    throw error;
  }
}
