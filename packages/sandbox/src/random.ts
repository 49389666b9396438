/**
 * Small deterministic randomness. Every seeded value in the sandbox is derived from
 * `(seed, stream, index)` so that record `i` can be rebuilt on demand, in any order, without
 * keeping the data set in memory.
 */

/** Turns a label such as `'user.status'` into a 32-bit number (FNV-1a). */
export function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let position = 0; position < label.length; position++) {
    hash ^= label.charCodeAt(position);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Mixes several 32-bit integers into one well-distributed unsigned 32-bit hash. */
export function mix(...parts: number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    hash = Math.imul(hash ^ (part >>> 0), 0x85ebca6b);
    hash ^= hash >>> 13;
    hash = Math.imul(hash, 0xc2b2ae35);
    hash ^= hash >>> 16;
  }
  return hash >>> 0;
}

/** A hash in [0, 1): cheaper than a PRNG when one draw is enough (memberships, faults). */
export function unitHash(...parts: number[]): number {
  return mix(...parts) / 0x1_0000_0000;
}

/** Normalises any finite number (negative, fractional, beyond 32 bits) to a 32-bit seed. */
export function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const integer = Math.trunc(seed);
  const low = integer % 0x1_0000_0000;
  const high = Math.floor(integer / 0x1_0000_0000);
  return mix(low, high);
}

/** A seeded stream of numbers (mulberry32) with the helpers the data generators need. */
export class Random {
  private state: number;

  constructor(seed: number, stream: string, index = 0) {
    this.state = mix(seed, hashLabel(stream), index);
  }

  /** Next number in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let value = this.state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** Integer in [minimum, maximum], both included. */
  integer(minimum: number, maximum: number): number {
    return minimum + Math.floor(this.next() * (maximum - minimum + 1));
  }

  /** True with the given probability. */
  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One value of `[value, weight]` pairs, proportionally to the weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.next() * total;
    for (const [value, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }

  /** A string of the given length drawn from an alphabet. */
  characters(length: number, alphabet: string): string {
    let text = '';
    for (let position = 0; position < length; position++) {
      text += alphabet[Math.floor(this.next() * alphabet.length)];
    }
    return text;
  }
}

/** Digits, upper-case and lower-case letters: the alphabet of Okta ids. */
export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Encodes an unsigned integer in base 62, left-padded with zeros to `length` characters. */
export function toBase62(value: number, length: number): string {
  let text = '';
  let rest = value;
  do {
    text = BASE62[rest % 62] + text;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return text.padStart(length, '0');
}

/** Decodes base 62; undefined when a character is outside the alphabet. */
export function fromBase62(text: string): number | undefined {
  let value = 0;
  for (const character of text) {
    const digit = BASE62.indexOf(character);
    if (digit < 0) return undefined;
    value = value * 62 + digit;
  }
  return value;
}

/** A lowercase hexadecimal string of `length` characters derived from the hash parts. */
export function hexHash(length: number, ...parts: number[]): string {
  let text = '';
  for (let block = 0; text.length < length; block++) {
    text += mix(...parts, block)
      .toString(16)
      .padStart(8, '0');
  }
  return text.slice(0, length);
}
