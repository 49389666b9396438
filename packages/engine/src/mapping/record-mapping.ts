import type jsonata from 'jsonata';
import { JsonataEvaluationError } from '../errors/jsonata-evaluation-error.js';
import { asArray, compileWrapped, evaluate, evaluationError } from './compile-jsonata.js';
import { type CompiledExpression, compileAst } from './compiler/compile-expression.js';
import { compareOutcomes, evaluationMode } from './evaluation-mode.js';
import { MAPPING_HELPERS } from './jsonata-helpers.js';

// Each item yields exactly one `{ v }`, so outputs stay aligned with inputs even when an
// expression yields nothing or an array for some record.
const PREFIX = '[$.{"v": (';
const SUFFIX = ')}]';

type Outcome = { value: unknown } | { error: unknown };

/**
 * What every expression of a definition shares: the interpreter's parse of the author's text
 * and, when every construct it uses compiles, the compiled closures, which then run instead.
 */
abstract class Expression {
  protected readonly plain: jsonata.Expression;
  protected readonly compiled: CompiledExpression | undefined;
  /** Why the expression runs on the interpreter; undefined when it runs compiled. */
  readonly interpretedReason: string | undefined;

  constructor(readonly source: string) {
    this.plain = compileWrapped(source);
    const compiled = compileAst(source, this.plain.ast());
    if ('reason' in compiled) {
      this.interpretedReason = compiled.reason;
    } else {
      this.compiled = compiled;
      for (const [name, helper] of Object.entries(MAPPING_HELPERS)) compiled.assign(name, helper);
    }
  }

  /** Binds `$name` for every evaluation, once (a definition's constants). */
  assign(name: string, value: unknown): void {
    this.plain.assign(name, value);
    this.compiled?.assign(name, value);
  }

  /** The regex literals of the expression, for the definition's safety check. */
  regularExpressions(): RegExp[] {
    const found: RegExp[] = [];
    const visit = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      if (
        (node as { type?: string }).type === 'regex' &&
        (node as { value?: unknown }).value instanceof RegExp
      ) {
        found.push((node as { value: RegExp }).value);
        return;
      }
      for (const child of Object.values(node)) visit(child);
    };
    visit(this.plain.ast());
    return found;
  }

  /** The compiled expression, unless the process runs everything interpreted. */
  protected active(): CompiledExpression | undefined {
    return evaluationMode() === 'interpreted' ? undefined : this.compiled;
  }

  /** In `checked` mode, compares a compiled outcome with the interpreter's. */
  protected async check(compiled: Outcome, interpret: () => Promise<unknown>): Promise<void> {
    if (evaluationMode() !== 'checked') return;
    let interpreted: Outcome;
    try {
      interpreted = { value: await interpret() };
    } catch (error) {
      interpreted = { error };
    }
    compareOutcomes(this.source, compiled, interpreted);
  }
}

async function settle<T>(action: () => T): Promise<Outcome> {
  try {
    return { value: await action() };
  } catch (error) {
    return { error };
  }
}

/**
 * An expression applied to every record of a page. Compiled once, when the definition is
 * loaded. On failure the culprit record is named.
 */
export class PageExpression extends Expression {
  private readonly wrapped: jsonata.Expression;

  constructor(source: string) {
    // The author's text alone first: a syntax error is then reported as JSONata sees that text
    // (an unclosed `{` is "before end of expression", not a clash with the wrapper's `)`).
    super(source);
    this.wrapped = compileWrapped(source, PREFIX, SUFFIX);
  }

  override assign(name: string, value: unknown): void {
    super.assign(name, value);
    this.wrapped.assign(name, value);
  }

  /** One output per input record, in order (undefined where the expression yields nothing). */
  async apply(records: readonly unknown[], bindings: Record<string, unknown>): Promise<unknown[]> {
    if (records.length === 0) return [];
    const compiled = this.active();
    if (compiled) {
      const outcome = await settle(() => this.applyCompiled(compiled, records, bindings));
      await this.check(outcome, () => this.applyInterpreted(records, bindings));
      if ('error' in outcome) throw outcome.error;
      return outcome.value as unknown[];
    }
    return this.applyInterpreted(records, bindings);
  }

  private applyCompiled(
    compiled: CompiledExpression,
    records: readonly unknown[],
    bindings: Record<string, unknown>,
  ): unknown[] {
    try {
      return compiled.evaluateEach(records, bindings);
    } catch (error) {
      const index = (error as { recordIndex?: number }).recordIndex;
      throw evaluationError((error as { cause?: unknown }).cause ?? error, 0, index);
    }
  }

  private async applyInterpreted(
    records: readonly unknown[],
    bindings: Record<string, unknown>,
  ): Promise<unknown[]> {
    let outputs: unknown[];
    try {
      outputs = asArray(await evaluate(this.wrapped, records, bindings, PREFIX.length));
    } catch (error) {
      throw await this.locateFailure(records, bindings, error);
    }
    return outputs.map((output) => (output as { v?: unknown }).v);
  }

  private async locateFailure(
    records: readonly unknown[],
    bindings: Record<string, unknown>,
    pageError: unknown,
  ): Promise<unknown> {
    for (const [index, record] of records.entries()) {
      try {
        await evaluate(this.plain, record, bindings);
      } catch (error) {
        const failure = error as JsonataEvaluationError;
        return new JsonataEvaluationError(failure.message, index, failure.position);
      }
    }
    return pageError;
  }
}

/** A collection-level expression: a page of records in, an array of records out. */
export class CollectionExpression extends Expression {
  async apply(records: readonly unknown[], bindings: Record<string, unknown>): Promise<unknown[]> {
    const compiled = this.active();
    if (compiled) {
      const outcome = await settle(() => asArray(evaluateCompiled(compiled, records, bindings)));
      await this.check(outcome, async () => asArray(await evaluate(this.plain, records, bindings)));
      if ('error' in outcome) throw outcome.error;
      return outcome.value as unknown[];
    }
    return asArray(await evaluate(this.plain, records, bindings));
  }
}

/** A plain expression evaluated once per call (queries, error messages, paths in a body). */
export class SingleExpression extends Expression {
  async apply(input: unknown, bindings: Record<string, unknown> = {}): Promise<unknown> {
    const compiled = this.active();
    if (compiled) {
      const outcome = await settle(() => evaluateCompiled(compiled, input, bindings));
      await this.check(outcome, () => evaluate(this.plain, input, bindings));
      if ('error' in outcome) throw outcome.error;
      return outcome.value;
    }
    return evaluate(this.plain, input, bindings);
  }
}

function evaluateCompiled(
  compiled: CompiledExpression,
  input: unknown,
  bindings: Record<string, unknown>,
): unknown {
  try {
    return compiled.evaluate(input, bindings);
  } catch (error) {
    throw evaluationError(error);
  }
}
