import type { Signature } from './signature.js';
import { isFunction, type JsonataError } from './values.js';

/** Bounds on one evaluation: how deep lambdas may call, how long it may run, how much ranges may allocate. */
export interface EvaluationLimits {
  /** Nested lambda calls (recursion depth) before D1011. */
  depth: number;
  /** Milliseconds of one evaluation before D1012. */
  timeoutMs: number;
  /** Items all range operators of one evaluation may allocate together before D2015. */
  rangeItems: number;
}

/** State of one `evaluate` call, shared by every frame it creates. */
export class Run {
  depth = 0;
  rangeItems = 0;
  private ticks = 0;
  readonly started = Date.now();

  constructor(readonly limits: EvaluationLimits) {}

  /** Called on every lambda call and loop iteration: stops runaway evaluations. */
  check(): void {
    // Reading the clock costs more than the rest of a step: look every 256 steps.
    this.ticks += 1;
    if ((this.ticks & 255) === 0 && Date.now() - this.started > this.limits.timeoutMs) {
      throw { code: 'D1012', value: this.limits.timeoutMs } satisfies JsonataError;
    }
  }

  enter(): void {
    this.depth += 1;
    if (this.depth > this.limits.depth)
      throw { code: 'D1011', value: this.limits.depth } satisfies JsonataError;
    this.check();
  }

  leave(): void {
    this.depth -= 1;
  }

  allocate(items: number): void {
    this.rangeItems += items;
    if (this.rangeItems > this.limits.rangeItems) {
      throw { code: 'D2015', value: this.limits.rangeItems } satisfies JsonataError;
    }
  }
}

/** Names bound in a frame kept in two short arrays, searched in order, before a Map takes over. */
const SMALL_FRAME = 12;

/**
 * Variables in scope: a block or a lambda call adds a frame over the one it was made in. Most
 * frames bind a few names (a block's `:=`, a lambda's parameters) and are made per record or per
 * item: two short arrays cost less to make and search than a Map, which only a frame with many
 * names (the root: constants, helpers, the engine's bindings) gets.
 */
export class Frame {
  private readonly names: string[] = [];
  private readonly values: unknown[] = [];
  private map: Map<string, unknown> | undefined;
  /** The outermost frame: the definition's constants, the helpers, the engine's bindings. */
  readonly root: Frame;

  constructor(
    readonly parent: Frame | undefined,
    readonly run: Run,
  ) {
    this.root = parent === undefined ? this : parent.root;
  }

  bind(name: string, value: unknown): void {
    if (this.map !== undefined) {
      this.map.set(name, value);
      return;
    }
    const index = this.names.indexOf(name);
    if (index !== -1) {
      this.values[index] = value;
      return;
    }
    if (this.names.length < SMALL_FRAME) {
      this.names.push(name);
      this.values.push(value);
      return;
    }
    this.map = new Map();
    for (let position = 0; position < this.names.length; position += 1) {
      this.map.set(this.names[position] as string, this.values[position]);
    }
    this.map.set(name, value);
  }

  /** The value bound to `name` in this frame itself, not in the frames around it. */
  own(name: string): unknown {
    if (this.map !== undefined) return this.map.get(name);
    const names = this.names;
    for (let index = 0; index < names.length; index += 1) {
      if (names[index] === name) return this.values[index];
    }
    return undefined;
  }

  lookup(name: string): unknown {
    let frame: Frame | undefined = this;
    while (frame) {
      if (frame.map !== undefined) {
        // One hash lookup for a bound value; `has` only tells an undefined binding from none.
        const value = frame.map.get(name);
        if (value !== undefined || frame.map.has(name)) return value;
      } else {
        const names = frame.names;
        for (let index = 0; index < names.length; index += 1) {
          if (names[index] === name) return frame.values[index];
        }
      }
      frame = frame.parent;
    }
    return undefined;
  }
}

/** A built-in JSONata function, implemented synchronously. */
export interface BuiltIn {
  readonly _jsonata_function: true;
  readonly name: string;
  readonly signature: Signature;
  readonly arity: number;
  implementation(args: unknown[], call: Call): unknown;
}

/** A lambda defined in an expression, closed over the frame it was made in. */
export interface Lambda {
  readonly _jsonata_lambda: true;
  readonly arity: number;
  /**
   * Calls the lambda and any tail calls it leaves, to the final value. `callerInput` is the
   * context of the call (null when a built-in such as `$map` calls it): a built-in in tail
   * position of the body falls back on it, not on the body's own context.
   */
  invoke(args: readonly unknown[], callerInput: unknown): unknown;
  /** Calls the lambda only: a tail call in its body comes back unrun, for the caller's loop. */
  invokeOnce(args: readonly unknown[]): unknown;
}

/** What a built-in sees of its caller: the context value and a way to call function arguments. */
export interface Call {
  input: unknown;
  frame: Frame;
}

/** How many arguments a higher-order function should pass to `func` (value, index, array). */
export function arityOf(func: unknown): number {
  const candidate = func as { arity?: number; length?: number };
  if (typeof candidate.arity === 'number') return candidate.arity;
  return typeof candidate.length === 'number' ? candidate.length : 0;
}

/** The result of a JavaScript function bound to an expression, refused when it is a promise. */
export function checkedResult(result: unknown): unknown {
  if (
    result !== null &&
    typeof result === 'object' &&
    typeof (result as Promise<unknown>).then === 'function'
  ) {
    throw new TypeError('a function bound to a compiled expression returned a promise');
  }
  return result;
}

/** Calls any function value: a lambda, a built-in, or a JavaScript function bound by the engine. */
export function applyFunction(
  proc: unknown,
  args: unknown[],
  input: unknown,
  frame: Frame,
  tailCall = false,
): unknown {
  if (proc !== null && typeof proc === 'object') {
    if ((proc as Lambda)._jsonata_lambda === true) {
      return tailCall ? (proc as Lambda).invokeOnce(args) : (proc as Lambda).invoke(args, input);
    }
    if ((proc as BuiltIn)._jsonata_function === true) {
      const builtIn = proc as BuiltIn;
      return builtIn.implementation(builtIn.signature.validate(args, input), { input, frame });
    }
  }
  if (typeof proc === 'function') return checkedResult(proc.apply(input, args));
  throw { code: 'T1006' } satisfies JsonataError;
}

export { isFunction };
