import { BASE62, fromBase62, hashLabel, mix, Random, toBase62 } from './random.js';

/** A JSON object as the servers send it: records are built as plain objects, then serialised. */
export type JsonObject = { [key: string]: unknown };

/**
 * Turns record indexes into provider-looking ids (`00u` + 17 characters for Okta users) and
 * back. The id must decode to its index so that `GET /users/{id}` and `after=<id>` cursors work
 * on a million users without an index in memory, yet ids should not look sequential: the index
 * goes through a keyed Feistel permutation of 32-bit numbers, which is a bijection and therefore
 * invertible.
 */
export interface IdCodec {
  /** The id of record `index`. */
  encode(index: number): string;
  /** The index of an id produced by {@link encode}, or undefined for anything else. */
  decode(id: string): number | undefined;
}

const ROUNDS = 4;

function roundKeys(seed: number, prefix: string): number[] {
  return Array.from({ length: ROUNDS }, (_, round) => mix(seed, hashLabel(prefix), round));
}

function permute(value: number, keys: readonly number[]): number {
  let left = value >>> 16;
  let right = value & 0xffff;
  for (const key of keys) {
    const next = left ^ (mix(right, key) & 0xffff);
    left = right;
    right = next;
  }
  return ((left << 16) | right) >>> 0;
}

function unpermute(value: number, keys: readonly number[]): number {
  let left = value >>> 16;
  let right = value & 0xffff;
  for (let round = keys.length - 1; round >= 0; round--) {
    const previous = right ^ (mix(left, keys[round]!) & 0xffff);
    right = left;
    left = previous;
  }
  return ((left << 16) | right) >>> 0;
}

/**
 * An Okta-style 20-character id codec: 3-character prefix, 6 characters carrying the permuted
 * index, 11 characters of seeded noise that make every id of a data set look unrelated. `count`
 * may be a function for populations that grow while the server runs.
 */
export function createIdCodec(seed: number, prefix: string, count: number | (() => number)): IdCodec {
  const limit = typeof count === 'number' ? () => count : count;
  const keys = roundKeys(seed, prefix);
  const encode = (index: number): string => {
    const noise = new Random(seed, `${prefix}.noise`, index).characters(11, BASE62);
    return prefix + toBase62(permute(index, keys), 6) + noise;
  };
  return {
    encode,
    decode(id) {
      if (id.length !== prefix.length + 17 || !id.startsWith(prefix)) return undefined;
      const permuted = fromBase62(id.slice(prefix.length, prefix.length + 6));
      if (permuted === undefined || permuted > 0xffffffff) return undefined;
      const index = unpermute(permuted, keys);
      return index < limit() && encode(index) === id ? index : undefined;
    },
  };
}

/** Deterministic UUID-formatted text (the System Log's `uuid`), from hash parts. */
export function seededUuid(...parts: number[]): string {
  const hex = Array.from({ length: 4 }, (_, block) =>
    mix(...parts, block)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
