import type { Run } from './runtime.js';
import { createSequence, isDeepEqual, isNumeric, type JsonataError, toBoolean, toText } from './values.js';

/** JSONata's binary operators on evaluated operands (`and`/`or` short-circuit in the compiler). */

/** The largest range JSONata allocates at once. */
const RANGE_LIMIT = 1e7;

function numeric(left: unknown, right: unknown, operator: string): unknown {
  if (left !== undefined && !isNumeric(left)) throw { code: 'T2001', value: left } satisfies JsonataError;
  if (right !== undefined && !isNumeric(right)) throw { code: 'T2002', value: right } satisfies JsonataError;
  if (left === undefined || right === undefined) return undefined;
  const a = left as number;
  const b = right as number;
  switch (operator) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    default:
      return a % b;
  }
}

function comparison(left: unknown, right: unknown, operator: string): unknown {
  const leftType = typeof left;
  const rightType = typeof right;
  const leftComparable = leftType === 'undefined' || leftType === 'string' || leftType === 'number';
  const rightComparable = rightType === 'undefined' || rightType === 'string' || rightType === 'number';
  if (!leftComparable || !rightComparable) {
    throw {
      code: 'T2010',
      value: !(leftType === 'string' || leftType === 'number') ? left : right,
    } satisfies JsonataError;
  }
  if (leftType === 'undefined' || rightType === 'undefined') return undefined;
  if (leftType !== rightType) throw { code: 'T2009', value: left, value2: right } satisfies JsonataError;
  const a = left as number | string;
  const b = right as number | string;
  switch (operator) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function includes(left: unknown, right: unknown): boolean {
  if (left === undefined || right === undefined) return false;
  const candidates = Array.isArray(right) ? right : [right];
  return candidates.some((candidate) => candidate === left);
}

function range(left: unknown, right: unknown, run: Run): unknown {
  if (left !== undefined && !Number.isInteger(left))
    throw { code: 'T2003', value: left } satisfies JsonataError;
  if (right !== undefined && !Number.isInteger(right))
    throw { code: 'T2004', value: right } satisfies JsonataError;
  if (left === undefined || right === undefined) return undefined;
  const from = left as number;
  const to = right as number;
  if (from > to) return undefined;
  const size = to - from + 1;
  if (size > RANGE_LIMIT) throw { code: 'D2014', value: size } satisfies JsonataError;
  run.allocate(size);
  const result = createSequence();
  for (let item = from; item <= to; item += 1) result.push(item);
  return result;
}

/** A binary operator other than `and`/`or`, applied to evaluated operands. */
export type OperatorFunction = (left: unknown, right: unknown, run: Run) => unknown;

/** The function of a binary operator other than `and`/`or`, chosen once when an expression compiles. */
export function operatorFunction(operator: string): OperatorFunction {
  switch (operator) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
      return (left, right) => numeric(left, right, operator);
    case '=':
      return (left, right) => left !== undefined && right !== undefined && isDeepEqual(left, right);
    case '!=':
      return (left, right) => left !== undefined && right !== undefined && !isDeepEqual(left, right);
    case '<':
    case '<=':
    case '>':
    case '>=':
      return (left, right) => comparison(left, right, operator);
    case '&':
      return (left, right) =>
        (left === undefined ? '' : toText(left)) + (right === undefined ? '' : (toText(right) as string));
    case '..':
      return range;
    case 'in':
      return includes;
    default:
      throw new Error(`unknown operator ${operator}`);
  }
}

/** `and`/`or` truthiness: undefined is false. */
export function boolize(value: unknown): boolean {
  return toBoolean(value) ?? false;
}

export const OPERATORS: ReadonlySet<string> = new Set([
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '&',
  '..',
  'in',
  'and',
  'or',
]);
