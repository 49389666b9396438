import type { AstNode } from './ast.js';
import type { Evaluator } from './compile-node.js';
import type { Frame } from './runtime.js';
import { append, createSequence, type JsonataError } from './values.js';

/**
 * The object constructor `{ key: value, ... }`, grouping its input as JSONata does: every item
 * of the context sequence is filed under the key it yields, and each value expression runs once
 * per key over the items filed there.
 */
export function compileObject(node: AstNode, compileNode: (node: AstNode) => Evaluator): Evaluator {
  const pairs = (node.lhs as [AstNode, AstNode][]).map(([key, value]) => ({
    key: compileNode(key),
    literal: key.type === 'string' ? (key.value as string) : undefined,
    value: compileNode(value),
  }));
  const position = node.position;
  const literals = pairs.map((pair) => pair.literal);
  // Fixed, distinct, ordinary keys: a plain object (fast), with no grouping to do for one item.
  const fixedKeys =
    literals.every(
      (key) => key !== undefined && key !== '__proto__' && !key.startsWith('_jsonata_') && !/^\d+$/.test(key),
    ) && new Set(literals).size === literals.length;

  return (input, frame) => {
    if (fixedKeys && !Array.isArray(input)) {
      const result: Record<string, unknown> = {};
      for (const pair of pairs) {
        const value = pair.value(input, frame);
        if (value !== undefined) result[pair.literal as string] = value;
      }
      return result;
    }
    return group(input, frame);
  };

  function group(input: unknown, frame: Frame): unknown {
    const items: unknown[] = Array.isArray(input) ? input : createSequence(input);
    if (items.length === 0) items.push(undefined);
    // An object, not a Map: values are then evaluated in JavaScript's key order, as JSONata does.
    const groups: Record<string, { data: unknown; pairIndex: number }> = Object.create(null);
    for (const item of items) {
      pairs.forEach((pair, pairIndex) => {
        const key = pair.key(item, frame);
        if (typeof key !== 'string' && key !== undefined) {
          throw { code: 'T1003', position, value: key } satisfies JsonataError;
        }
        if (key === undefined) return;
        if (key === '_jsonata_lambda' || key === '_jsonata_function') {
          throw { code: 'D1013', position, value: key } satisfies JsonataError;
        }
        const existing = groups[key];
        if (existing === undefined) {
          groups[key] = { data: item, pairIndex };
        } else if (existing.pairIndex !== pairIndex) {
          throw { code: 'D1009', position, value: key } satisfies JsonataError;
        } else {
          existing.data = append(existing.data, item);
        }
      });
    }
    const result: Record<string, unknown> = fixedKeys ? {} : Object.create(null);
    for (const [key, entry] of Object.entries(groups)) {
      const value = (pairs[entry.pairIndex] as (typeof pairs)[number]).value(entry.data, frame);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
}
