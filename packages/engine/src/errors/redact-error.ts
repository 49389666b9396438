import { EngineError } from './engine-error.js';

/** Removes every secret of a connection from a text. */
export type Redact = (text: string) => string;

/** Errors nest their causes; a deeper chain is cut here rather than walked without end. */
const MAX_DEPTH = 8;

/**
 * The one function that makes an error safe to leave the engine: every string property (message,
 * stack, `providerCode`, `recordId`, problems), the whole `cause` chain and any value they hold
 * pass through `redact`. An {@link EngineError} is cleaned in place and returned. Any other error
 * (a dispatcher's, a callback's) is returned as it is when it holds no secret, else replaced by a
 * plain copy holding the redacted text: the caller's own object is never changed. Used for thrown
 * errors and for `onWarning` payloads alike.
 */
export function redactError<T>(error: T, redact: Redact): T {
  return redactValue(error, redact, new WeakMap(), 0) as T;
}

function redactValue(value: unknown, redact: Redact, seen: WeakMap<object, unknown>, depth: number): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (depth > MAX_DEPTH) return undefined;
  if (EngineError.isInstance(value)) return redactOwnProperties(value, redact, seen, depth);
  if (value instanceof Error) return redactForeignError(value, redact, seen, depth);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(redactValue(item, redact, seen, depth + 1));
    return copy.every((item, index) => item === value[index]) ? value : copy;
  }
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    let changed = false;
    for (const [key, item] of Object.entries(value)) {
      copy[key] = redactValue(item, redact, seen, depth + 1);
      changed ||= copy[key] !== item;
    }
    return changed ? copy : value;
  }
  // A class instance (a Buffer, a Map, a socket) is not walked: its text decides.
  const text = safeText(value);
  return redact(text) === text ? value : redact(text);
}

/** Cleans an engine error in place: its fields are plain data the engine itself set. */
function redactOwnProperties(
  error: EngineError,
  redact: Redact,
  seen: WeakMap<object, unknown>,
  depth: number,
): EngineError {
  seen.set(error, error);
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const cleaned = redactValue(descriptor.value, redact, seen, depth + 1);
    if (cleaned !== descriptor.value) Object.defineProperty(error, key, { ...descriptor, value: cleaned });
  }
  return error;
}

/** Another library's or the caller's error: kept when clean, else a copy of its redacted text. */
function redactForeignError(
  error: Error,
  redact: Redact,
  seen: WeakMap<object, unknown>,
  depth: number,
): Error {
  // A cycle back to an error being cleaned is cut: the original may hold the secret.
  seen.set(error, undefined);
  const fields = new Map<string, PropertyDescriptor>();
  let changed = false;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const value = redactValue(descriptor.value, redact, seen, depth + 1);
    fields.set(key, { ...descriptor, value });
    changed ||= value !== descriptor.value;
  }
  if (!changed) {
    seen.set(error, error);
    return error;
  }
  const copy = new Error();
  for (const [key, descriptor] of fields) {
    if (descriptor.value !== undefined)
      Object.defineProperty(copy, key, { ...descriptor, configurable: true });
  }
  if (!Object.hasOwn(copy, 'name')) copy.name = error.name;
  seen.set(error, copy);
  return copy;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function safeText(value: object): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
