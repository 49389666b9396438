import type { ComparisonOperator, ScimExpression, ScimValue } from './scim-filter.js';

/*
 * Evaluation of parsed SCIM expressions against JSON records, with Okta's semantics: text
 * comparisons ignore case, timestamps compare as instants, arrays match when any element does.
 */

function resolve(record: unknown, path: string): unknown {
  let value = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

function compareOrdered(actual: unknown, expected: ScimValue): number | undefined {
  if (typeof actual === 'number' && typeof expected === 'number') return actual - expected;
  if (typeof actual !== 'string' || typeof expected !== 'string') return undefined;
  if (ISO_TIME.test(actual) && ISO_TIME.test(expected)) return Date.parse(actual) - Date.parse(expected);
  return actual.toLowerCase() < expected.toLowerCase()
    ? -1
    : actual.toLowerCase() > expected.toLowerCase()
      ? 1
      : 0;
}

function compareOne(actual: unknown, operator: ComparisonOperator, expected: ScimValue): boolean {
  if (operator === 'eq') {
    if (expected === null) return actual === null || actual === undefined;
    if (typeof actual === 'string' && typeof expected === 'string')
      return actual.toLowerCase() === expected.toLowerCase();
    return actual === expected;
  }
  if (operator === 'sw' || operator === 'co') {
    if (typeof actual !== 'string' || typeof expected !== 'string') return false;
    const haystack = actual.toLowerCase();
    const needle = expected.toLowerCase();
    return operator === 'sw' ? haystack.startsWith(needle) : haystack.includes(needle);
  }
  const order = compareOrdered(actual, expected);
  if (order === undefined || Number.isNaN(order)) return false;
  return operator === 'gt'
    ? order > 0
    : operator === 'ge'
      ? order >= 0
      : operator === 'lt'
        ? order < 0
        : order <= 0;
}

/** Whether a record satisfies an expression. Text comparisons ignore case; arrays match any element. */
export function matchesScimFilter(expression: ScimExpression, record: unknown): boolean {
  switch (expression.kind) {
    case 'and':
      return matchesScimFilter(expression.left, record) && matchesScimFilter(expression.right, record);
    case 'or':
      return matchesScimFilter(expression.left, record) || matchesScimFilter(expression.right, record);
    case 'present': {
      const value = resolve(record, expression.path);
      return (
        value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)
      );
    }
    case 'compare': {
      const value = resolve(record, expression.path);
      const candidates = Array.isArray(value) ? value : [value];
      return candidates.some((candidate) => compareOne(candidate, expression.operator, expression.value));
    }
  }
}

/** The attribute paths an expression mentions, e.g. `status` (which reveals DEPROVISIONED users). */
export function referencedAttributes(expression: ScimExpression, into = new Set<string>()): Set<string> {
  switch (expression.kind) {
    case 'and':
    case 'or':
      referencedAttributes(expression.left, into);
      return referencedAttributes(expression.right, into);
    default:
      into.add(expression.path);
      return into;
  }
}
