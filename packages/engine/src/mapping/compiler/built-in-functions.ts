import * as text from './built-in-text.js';
import { applyFunction, arityOf, type BuiltIn, type Call } from './runtime.js';
import { Signature } from './signature.js';
import {
  append,
  codePoints,
  createSequence,
  isDeepEqual,
  isFunction,
  isNumeric,
  isSequence,
  type JsonataError,
  lookupKey,
  toBoolean,
  toText,
} from './values.js';

/**
 * The built-in functions a compiled expression may call, with JSONata's signatures and, as
 * `arity`, the parameter count its reference implementation reports (a higher-order function
 * passes that many of value, index and array).
 */

type Implementation = (args: unknown[], call: Call) => unknown;

function define(name: string, signature: string, arity: number, implementation: Implementation): BuiltIn {
  return { _jsonata_function: true, name, signature: new Signature(signature), arity, implementation };
}

function higherOrderArgs(func: unknown, value: unknown, index: unknown, whole: unknown): unknown[] {
  const arity = arityOf(func);
  const args = [value];
  if (arity >= 2) args.push(index);
  if (arity >= 3) args.push(whole);
  return args;
}

function iterate(call: Call): void {
  call.frame.run.check();
}

const ISO_8601 = /^\d{4}(-[01]\d)?(-[0-3]\d)?(T[0-2]\d:[0-5]\d:[0-5]\d)?(\.\d+)?([+-][0-2]\d:?[0-5]\d|Z)?$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `$fromMillis` without a picture: the ISO 8601 form JSONata's default picture gives, in UTC. */
function isoFromMillis(millis: number): string {
  const date = new Date(millis);
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}` +
    `.${pad(date.getUTCMilliseconds(), 3)}Z`
  );
}

const definitions: BuiltIn[] = [
  define('sum', '<a<n>:n>', 1, ([items]) =>
    items === undefined ? undefined : (items as number[]).reduce((total, item) => total + item, 0),
  ),
  define('count', '<a:n>', 1, ([items]) => (items === undefined ? 0 : (items as unknown[]).length)),
  define('max', '<a<n>:n>', 1, ([items]) =>
    items === undefined || (items as number[]).length === 0 ? undefined : Math.max(...(items as number[])),
  ),
  define('min', '<a<n>:n>', 1, ([items]) =>
    items === undefined || (items as number[]).length === 0 ? undefined : Math.min(...(items as number[])),
  ),
  define('average', '<a<n>:n>', 1, ([items]) => {
    if (items === undefined || (items as number[]).length === 0) return undefined;
    const numbers = items as number[];
    return numbers.reduce((total, item) => total + item, 0) / numbers.length;
  }),
  define('string', '<x-b?:s>', 1, ([value, prettify]) => toText(value, prettify === true)),
  define('substring', '<s-nn?:s>', 3, text.substring),
  define('substringBefore', '<s-s:s>', 2, text.substringBefore),
  define('substringAfter', '<s-s:s>', 2, text.substringAfter),
  define('lowercase', '<s-:s>', 1, ([value]) =>
    value === undefined ? undefined : (value as string).toLowerCase(),
  ),
  define('uppercase', '<s-:s>', 1, ([value]) =>
    value === undefined ? undefined : (value as string).toUpperCase(),
  ),
  define('length', '<s-:n>', 1, ([value]) =>
    value === undefined ? undefined : codePoints(value as string).length,
  ),
  define('trim', '<s-:s>', 1, text.trim),
  define('match', '<s-f<s:o>n?:a<o>>', 3, text.match),
  define('contains', '<s-(sf):b>', 2, text.contains),
  define('replace', '<s-(sf)(sf)n?:s>', 4, text.replace),
  define('split', '<s-(sf)n?:a<s>>', 3, text.split),
  define('join', '<a<s>s?:s>', 2, text.join),
  define('number', '<(nsb)-:n>', 1, ([value]) => toNumber(value)),
  define('abs', '<n-:n>', 1, ([value]) => (value === undefined ? undefined : Math.abs(value as number))),
  define('floor', '<n-:n>', 1, ([value]) => (value === undefined ? undefined : Math.floor(value as number))),
  define('ceil', '<n-:n>', 1, ([value]) => (value === undefined ? undefined : Math.ceil(value as number))),
  define('boolean', '<x-:b>', 1, ([value]) => toBoolean(value)),
  define('not', '<x-:b>', 1, ([value]) => (value === undefined ? undefined : !toBoolean(value))),
  define('map', '<af>', 2, ([items, func], call) => {
    if (items === undefined) return undefined;
    const result = createSequence();
    (items as unknown[]).forEach((item, index) => {
      iterate(call);
      const value = applyFunction(func, higherOrderArgs(func, item, index, items), null, call.frame);
      if (value !== undefined) result.push(value);
    });
    return result;
  }),
  define('filter', '<af>', 2, ([items, func], call) => {
    if (items === undefined) return undefined;
    const result = createSequence();
    (items as unknown[]).forEach((item, index) => {
      iterate(call);
      const verdict = applyFunction(func, higherOrderArgs(func, item, index, items), null, call.frame);
      if (toBoolean(verdict)) result.push(item);
    });
    return result;
  }),
  define('each', '<o-f:a>', 2, ([object, func], call) => {
    const result = createSequence();
    const source = object !== null && typeof object === 'object' ? (object as Record<string, unknown>) : {};
    for (const key of Object.keys(source)) {
      iterate(call);
      const value = applyFunction(func, higherOrderArgs(func, source[key], key, object), null, call.frame);
      if (value !== undefined) result.push(value);
    }
    return result;
  }),
  define('keys', '<x-:a<s>>', 1, ([value]) => keysOf(value)),
  define('lookup', '<x-s:x>', 2, ([value, key]) => lookupKey(value, key as string)),
  define('append', '<xx:a>', 2, ([first, second]) => append(first, second)),
  define('exists', '<x:b>', 1, ([value]) => value !== undefined),
  define('merge', '<a<o>:o>', 1, ([objects]) => {
    if (objects === undefined) return undefined;
    const result: Record<string, unknown> = Object.create(null);
    for (const object of objects as Record<string, unknown>[]) {
      for (const key of Object.keys(object)) result[key] = object[key];
    }
    return result;
  }),
  define('reverse', '<a:a>', 1, ([items]) => {
    if (items === undefined) return undefined;
    const array = items as unknown[];
    return array.length <= 1 ? array : [...array].reverse();
  }),
  define('type', '<x:s>', 1, ([value]) => typeOf(value)),
  define('distinct', '<x:x>', 1, ([items]) => {
    if (items === undefined) return undefined;
    if (!Array.isArray(items) || items.length <= 1) return items;
    const results: unknown[] = isSequence(items) ? createSequence() : [];
    for (const item of items) {
      if (!results.some((kept) => isDeepEqual(item, kept))) results.push(item);
    }
    return results;
  }),
  define('toMillis', '<s-s?:n>', 2, ([value]) => {
    if (value === undefined) return undefined;
    if (!ISO_8601.test(value as string)) throw { code: 'D3110', value } satisfies JsonataError;
    return Date.parse(value as string);
  }),
  define('fromMillis', '<n-s?s?:s>', 3, ([millis]) =>
    millis === undefined ? undefined : isoFromMillis(millis as number),
  ),
  // The time of the evaluation's start, as JSONata fixes it once per evaluation.
  define('millis', '<:n>', 0, (_args, call) => call.frame.run.started),
  define('now', '<s?s?:s>', 2, (_args, call) => isoFromMillis(call.frame.run.started)),
];

function toNumber(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (
      /^-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?$/.test(value) &&
      !Number.isNaN(Number.parseFloat(value)) &&
      Number.isFinite(Number(value))
    ) {
      return Number.parseFloat(value);
    }
    if (/^(0[xX][0-9A-Fa-f]+)|(0[oO][0-7]+)|(0[bB][0-1]+)$/.test(value)) return Number(value);
  }
  if (value === true) return 1;
  if (value === false) return 0;
  throw { code: 'D3030', value, index: 1 } satisfies JsonataError;
}

function keysOf(value: unknown): unknown {
  const result = createSequence();
  if (Array.isArray(value)) {
    const merged: Record<string, true> = Object.create(null);
    for (const item of value) for (const key of keysOf(item) as string[]) merged[key] = true;
    return keysOf(merged);
  }
  if (value !== null && typeof value === 'object' && !isFunction(value)) {
    for (const key of Object.keys(value)) result.push(key);
  }
  return result;
}

function typeOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (isNumeric(value)) return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (Array.isArray(value)) return 'array';
  if (isFunction(value)) return 'function';
  return 'object';
}

/** Built-ins by name (without `$`). */
export const BUILT_INS: ReadonlyMap<string, BuiltIn> = new Map(
  definitions.map((definition) => [definition.name, definition]),
);

/**
 * Every function JSONata binds by default. A name here that `BUILT_INS` lacks makes an
 * expression run interpreted.
 */
export const JSONATA_FUNCTIONS: ReadonlySet<string> = new Set(
  (
    'sum count max min average string substring substringBefore substringAfter lowercase uppercase length ' +
    'trim pad match contains replace split join formatNumber formatBase formatInteger parseInteger number ' +
    'floor ceil round abs sqrt power random boolean not map zip filter single reduce sift keys lookup append ' +
    'exists spread merge reverse each error assert type sort shuffle distinct encodeUrlComponent encodeUrl ' +
    'decodeUrlComponent decodeUrl eval toMillis fromMillis clone now millis'
  ).split(' '),
);
