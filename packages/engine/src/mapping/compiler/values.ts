/**
 * JSONata's value model, as its reference implementation (jsonata 2.x, MIT) has it: a sequence is
 * an array marked `sequence`, collapsed to its only item or to nothing when an expression ends;
 * flags on arrays say when a singleton must stay an array. The compiled expressions follow the
 * same rules so that both evaluators return the same values.
 */

/** An array that JSONata flattens and collapses, with the flags its evaluator sets on it. */
export type Sequence = unknown[] & {
  sequence?: boolean;
  keepSingleton?: boolean;
  cons?: boolean;
  outerWrapper?: boolean;
  tupleStream?: boolean;
};

/** An error as JSONata throws it: a plain object with a code, made readable by `describe`. */
export interface JsonataError {
  code: string;
  position?: number;
  token?: string;
  value?: unknown;
  value2?: unknown;
  index?: number;
  type?: string;
  message?: string;
}

export function createSequence(...items: unknown[]): Sequence {
  const sequence = items as Sequence;
  sequence.sequence = true;
  return sequence;
}

export function isSequence(value: unknown): value is Sequence {
  return Array.isArray(value) && (value as Sequence).sequence === true;
}

/** Marks an array built by an array constructor: paths keep it whole instead of flattening it. */
export function markConstructed(array: unknown[]): void {
  Object.defineProperty(array, 'cons', { enumerable: false, configurable: false, value: true });
}

/** A compiled lambda or a built-in function, as JSONata's `isFunction` recognises them. */
export function isFunction(value: unknown): boolean {
  if (typeof value === 'function') return true;
  if (value === null || typeof value !== 'object') return false;
  const marked = value as { _jsonata_function?: boolean; _jsonata_lambda?: boolean };
  return marked._jsonata_function === true || marked._jsonata_lambda === true;
}

/** True for a number that is not NaN; Infinity is an error (D1001), as in JSONata. */
export function isNumeric(value: unknown): value is number {
  if (typeof value !== 'number') return false;
  if (Number.isNaN(value)) return false;
  if (!Number.isFinite(value)) throw { code: 'D1001', value } satisfies JsonataError;
  return true;
}

export function isArrayOfNumbers(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => isNumeric(item));
}

export function isDeepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    if (left.length !== right.length) return false;
    return left.every((item, index) => isDeepEqual(item, right[index]));
  }
  const leftKeys = Object.getOwnPropertyNames(left).sort();
  const rightKeys = Object.getOwnPropertyNames(right).sort();
  if (leftKeys.length !== rightKeys.length) return false;
  if (leftKeys.some((key, index) => key !== rightKeys[index])) return false;
  return leftKeys.every((key) =>
    isDeepEqual((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
  );
}

/** JSONata's effective boolean value; undefined stays undefined. */
export function toBoolean(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 1) return toBoolean(value[0]);
    return value.length > 1 && value.some((item) => toBoolean(item));
  }
  if (typeof value === 'string') return value.length > 0;
  if (isNumeric(value)) return value !== 0;
  if (value !== null && typeof value === 'object' && !isFunction(value)) return Object.keys(value).length > 0;
  return value === true;
}

/** `$string` of one value: JSON with numbers to 15 significant digits, functions as "". */
export function toText(value: unknown, prettify = false): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (isFunction(value)) return '';
  if (typeof value === 'number' && !Number.isFinite(value))
    throw { code: 'D3001', value } satisfies JsonataError;
  // A number or a boolean is its own JSON text: no serialiser walk (`$string(id)` on every record).
  if (typeof value === 'number')
    return String(Number.isInteger(value) ? value : Number(value.toPrecision(15)));
  if (typeof value === 'boolean') return String(value);
  const subject = Array.isArray(value) && (value as Sequence).outerWrapper ? value[0] : value;
  return JSON.stringify(
    subject,
    (_key, item) => {
      if (item !== undefined && item !== null && isNumeric(item)) {
        return Number.isInteger(item) ? item : Number(item.toPrecision(15));
      }
      return item && isFunction(item) ? '' : item;
    },
    prettify ? 2 : 0,
  );
}

/** `name` of one value, or of every item of an array (flattened one level), as a path step reads it. */
export function lookupKey(input: unknown, key: string): unknown {
  if (Array.isArray(input)) {
    const result = createSequence();
    for (const item of input) {
      const found = lookupKey(item, key);
      if (found === undefined) continue;
      if (Array.isArray(found)) for (const value of found) result.push(value);
      else result.push(found);
    }
    return result;
  }
  if (input !== null && typeof input === 'object' && Object.hasOwn(input, key) && !isFunction(input)) {
    return (input as Record<string, unknown>)[key];
  }
  return undefined;
}

/** `$append`: two values or sequences into one sequence. */
export function append(first: unknown, second: unknown): unknown {
  if (first === undefined) return second;
  if (second === undefined) return first;
  const left = Array.isArray(first) ? first : createSequence(first);
  const right = Array.isArray(second) ? second : [second];
  return left.concat(right);
}

/** Characters as JSONata counts them: code points, not UTF-16 units. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}
