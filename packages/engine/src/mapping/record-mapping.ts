import type jsonata from 'jsonata';
import { asArray, compileWrapped, evaluate, JsonataEvaluationError } from './compile-jsonata.js';

// Each item yields exactly one `{ v }`, so outputs stay aligned with inputs even when an
// expression yields nothing or an array for some record.
const PREFIX = '[$.{"v": (';
const SUFFIX = ')}]';

/**
 * An expression applied to every record of a page in one evaluation. Compiled once, when the
 * definition is loaded. On failure the page is re-run record by record to name the culprit.
 */
export class PageExpression {
  private readonly wrapped: jsonata.Expression;
  private readonly plain: jsonata.Expression;

  constructor(readonly source: string) {
    // The author's text alone first: a syntax error is then reported as JSONata sees that text
    // (an unclosed `{` is "before end of expression", not a clash with the wrapper's `)`).
    this.plain = compileWrapped(source);
    this.wrapped = compileWrapped(source, PREFIX, SUFFIX);
  }

  /** Binds `$name` for every evaluation, once (a definition's constants). */
  assign(name: string, value: unknown): void {
    this.wrapped.assign(name, value);
    this.plain.assign(name, value);
  }

  /** One output per input record, in order (undefined where the expression yields nothing). */
  async apply(records: readonly unknown[], bindings: Record<string, unknown>): Promise<unknown[]> {
    if (records.length === 0) return [];
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
export class CollectionExpression {
  private readonly expression: jsonata.Expression;

  constructor(readonly source: string) {
    this.expression = compileWrapped(source);
  }

  /** Binds `$name` for every evaluation, once (a definition's constants). */
  assign(name: string, value: unknown): void {
    this.expression.assign(name, value);
  }

  async apply(records: readonly unknown[], bindings: Record<string, unknown>): Promise<unknown[]> {
    return asArray(await evaluate(this.expression, records, bindings));
  }
}

/** A plain expression evaluated once per call (queries, error messages, paths in a body). */
export class SingleExpression {
  private readonly expression: jsonata.Expression;

  constructor(readonly source: string) {
    this.expression = compileWrapped(source);
  }

  /** Binds `$name` for every evaluation, once (a definition's constants). */
  assign(name: string, value: unknown): void {
    this.expression.assign(name, value);
  }

  apply(input: unknown, bindings: Record<string, unknown> = {}): Promise<unknown> {
    return evaluate(this.expression, input, bindings);
  }
}
