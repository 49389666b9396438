import type { AstNode } from './ast.js';
import { Unsupported } from './ast.js';
import { BUILT_INS, JSONATA_FUNCTIONS } from './built-in-functions.js';
import { regexMatcher } from './built-in-text.js';
import { compileApply, compileCall, compileLambda, compileTailCall } from './compile-function.js';
import { compileObject } from './compile-object.js';
import { compileFilter, compilePath } from './compile-path.js';
import { boolize, OPERATORS, operatorFunction } from './operators.js';
import { Frame, isFunction } from './runtime.js';
import {
  append,
  createSequence,
  isNumeric,
  isSequence,
  type JsonataError,
  lookupKey,
  markConstructed,
  type Sequence,
  toBoolean,
} from './values.js';

/** A compiled expression node: the value of the node for one context value, in a frame. */
export type Evaluator = (input: unknown, frame: Frame) => unknown;

/** Compiles a node with JSONata's post-processing: predicates, then sequence collapsing. */
export function compileNode(node: AstNode): Evaluator {
  if (node.group !== undefined) throw new Unsupported('grouping ({...} after a path)');
  if (node.tuple || node.focus !== undefined || node.index !== undefined || node.ancestor !== undefined) {
    throw new Unsupported('context (@), position (#) or parent (%) bindings');
  }
  const core = compileCore(node);
  const filters = (node.predicate ?? []).map((predicate) => compileFilter(predicate));
  const keepArray = node.keepArray === true;
  if (filters.length === 0 && !keepArray && neverSequence(node)) return core;
  if (filters.length === 0) return (input, frame) => collapse(core(input, frame), keepArray);
  return (input, frame) => {
    let result = core(input, frame);
    for (const filter of filters) result = filter(result, frame);
    return collapse(result, keepArray);
  };
}

/**
 * Nodes whose value is never a sequence, so collapsing it changes nothing: literals, regexes,
 * lambdas, object and array constructors (an array constructor builds a plain array), negation,
 * operators other than `..` (booleans, numbers, text) and bindings (their value is collapsed
 * already).
 */
function neverSequence(node: AstNode): boolean {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'value':
    case 'regex':
    case 'bind':
      return true;
    case 'lambda':
      return node.thunk !== true;
    case 'unary':
      return node.value === '{' || node.value === '[' || node.value === '-';
    case 'binary':
      return node.value !== '..';
    default:
      return false;
  }
}

/** A sequence of none is nothing, a sequence of one is that one (unless it must stay an array). */
function collapse(result: unknown, keepArray: boolean): unknown {
  if (!Array.isArray(result) || !isSequence(result) || (result as Sequence).tupleStream) return result;
  const sequence = result as Sequence;
  if (keepArray) sequence.keepSingleton = true;
  if (sequence.length === 0) return undefined;
  if (sequence.length === 1) return sequence.keepSingleton ? sequence : sequence[0];
  return sequence;
}

function compileCore(node: AstNode): Evaluator {
  switch (node.type) {
    case 'path':
      return compilePath(node);
    case 'binary':
      return compileBinary(node);
    case 'unary':
      return compileUnary(node);
    case 'name': {
      const key = node.value as string;
      return (input) => lookupKey(input, key);
    }
    case 'string':
    case 'number':
    case 'value': {
      const value = node.value;
      return () => value;
    }
    case 'wildcard':
      return (input) => wildcard(input);
    case 'condition':
      return compileCondition(node);
    case 'block':
      return compileBlock(node);
    case 'bind': {
      const name = (node.lhs as AstNode).value as string;
      const value = compileNode(node.rhs as AstNode);
      return (input, frame) => {
        const result = value(input, frame);
        frame.bind(name, result);
        return result;
      };
    }
    case 'regex': {
      const pattern = node.value as RegExp;
      return () => regexMatcher(pattern, node.position);
    }
    case 'function':
      return compileCall(node, undefined);
    case 'variable':
      return compileVariable(node);
    case 'lambda':
      return node.thunk ? compileTailCall(node.body as AstNode) : compileLambda(node);
    case 'apply':
      if ((node.rhs as AstNode).type !== 'function') throw new Unsupported('~> with a function value');
      return compileApply(node);
    default:
      throw new Unsupported(describeNode(node));
  }
}

export function describeNode(node: AstNode): string {
  const names: Record<string, string> = {
    descendant: 'descendants (**)',
    parent: 'parent (%)',
    partial: 'partial application',
    transform: 'transform (|...|)',
    sort: 'order-by (^(...))',
  };
  return names[node.type] ?? `${node.type} expressions`;
}

/** Gives an operator's failure the operator's place in the author's text. */
function positioned(error: unknown, position: number | undefined, token: string): unknown {
  if (error !== null && typeof error === 'object') {
    (error as JsonataError).position = position;
    (error as JsonataError).token = token;
  }
  return error;
}

function compileBinary(node: AstNode): Evaluator {
  const operator = node.value as string;
  if (!OPERATORS.has(operator)) throw new Unsupported(`operator ${operator}`);
  const left = compileNode(node.lhs as AstNode);
  const right = compileNode(node.rhs as AstNode);
  const position = node.position;
  if (operator === 'and' || operator === 'or') {
    const isAnd = operator === 'and';
    return (input, frame) => {
      const leftValue = left(input, frame);
      try {
        if (isAnd) return boolize(leftValue) && boolize(right(input, frame));
        return boolize(leftValue) || boolize(right(input, frame));
      } catch (error) {
        throw positioned(error, position, operator);
      }
    };
  }
  const apply = operatorFunction(operator);
  return (input, frame) => {
    const leftValue = left(input, frame);
    const rightValue = right(input, frame);
    try {
      return apply(leftValue, rightValue, frame.run);
    } catch (error) {
      throw positioned(error, position, operator);
    }
  };
}

function compileUnary(node: AstNode): Evaluator {
  if (node.value === '-') {
    const operand = compileNode(node.expression as AstNode);
    return (input, frame) => {
      const value = operand(input, frame);
      if (value === undefined) return undefined;
      if (isNumeric(value)) return -value;
      throw { code: 'D1002', position: node.position, token: '-', value } satisfies JsonataError;
    };
  }
  if (node.value === '[') {
    const items = (node.expressions ?? []).map((item) => ({
      evaluate: compileNode(item),
      nested: item.value === '[',
    }));
    const constructed = node.consarray === true;
    return (input, frame) => {
      const result: unknown[] = [];
      for (const item of items) {
        const value = item.evaluate(input, frame);
        if (value === undefined) continue;
        // What `append(result, value)` gives, in place: an array's items, or the value.
        if (item.nested || !Array.isArray(value)) result.push(value);
        else for (let index = 0; index < value.length; index += 1) result.push(value[index]);
      }
      if (constructed) markConstructed(result);
      return result;
    };
  }
  if (node.value === '{') return compileObject(node, compileNode);
  throw new Unsupported(`unary ${String(node.value)}`);
}

function compileCondition(node: AstNode): Evaluator {
  const condition = compileNode(node.condition as AstNode);
  const then = compileNode(node.then as AstNode);
  const otherwise = node.else === undefined ? undefined : compileNode(node.else);
  return (input, frame) => {
    if (toBoolean(condition(input, frame))) return then(input, frame);
    return otherwise ? otherwise(input, frame) : undefined;
  };
}

/** True when evaluating `node` may bind a variable in the current frame. */
function bindsHere(node: unknown): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some(bindsHere);
  const candidate = node as AstNode;
  if (candidate.type === 'bind') return true;
  if (candidate.type === 'lambda' || candidate.type === 'block') return false;
  return Object.values(candidate).some(bindsHere);
}

function compileBlock(node: AstNode): Evaluator {
  const expressions = (node.expressions ?? []).map((expression) => compileNode(expression));
  const scoped = (node.expressions ?? []).some(bindsHere);
  return (input, frame) => {
    const scope = scoped ? new Frame(frame, frame.run) : frame;
    let result: unknown;
    for (const expression of expressions) result = expression(input, scope);
    return result;
  };
}

/**
 * Every name the expression being compiled binds anywhere (`:=` and lambda parameters), or
 * undefined outside `compileWithScopes`. A variable not among them can only be one of the root
 * frame's (a constant, a helper, an engine binding) or a built-in: it is read there directly,
 * without searching the frames of the blocks and lambdas around it.
 */
let boundNames: ReadonlySet<string> | undefined;

function collectBoundNames(node: unknown, into: Set<string>): Set<string> {
  if (node === null || typeof node !== 'object') return into;
  if (Array.isArray(node)) {
    for (const item of node) collectBoundNames(item, into);
    return into;
  }
  const candidate = node as AstNode;
  const target = candidate.type === 'bind' ? (candidate.lhs as AstNode | undefined) : undefined;
  if (typeof target?.value === 'string') into.add(target.value);
  if (candidate.type === 'lambda') {
    for (const parameter of candidate.arguments ?? []) into.add(parameter.value as string);
  }
  for (const child of Object.values(candidate)) collectBoundNames(child, into);
  return into;
}

/** Compiles the root of an expression, knowing which names it binds (see `boundNames`). */
export function compileWithScopes(root: AstNode): Evaluator {
  const outer = boundNames;
  boundNames = collectBoundNames(root, new Set());
  try {
    return compileNode(root);
  } finally {
    boundNames = outer;
  }
}

function compileVariable(node: AstNode): Evaluator {
  const name = node.value as string;
  if (name === '')
    return (input) => (Array.isArray(input) && (input as Sequence).outerWrapper ? input[0] : input);
  if (JSONATA_FUNCTIONS.has(name) && !BUILT_INS.has(name)) throw new Unsupported(`function $${name}`);
  const builtIn = BUILT_INS.get(name);
  if (boundNames !== undefined && !boundNames.has(name)) {
    return (_input, frame) => {
      const value = frame.root.own(name);
      return value === undefined ? builtIn : value;
    };
  }
  return (_input, frame) => {
    const value = frame.lookup(name);
    return value === undefined ? builtIn : value;
  };
}

function wildcard(input: unknown): unknown {
  let results: unknown = createSequence();
  const subject =
    Array.isArray(input) && (input as Sequence).outerWrapper && input.length > 0 ? input[0] : input;
  if (subject !== null && typeof subject === 'object' && !isFunction(subject)) {
    for (const key of Object.keys(subject)) {
      const value = (subject as Record<string, unknown>)[key];
      if (Array.isArray(value)) results = append(results, flatten(value));
      else (results as unknown[]).push(value);
    }
  }
  return results;
}

function flatten(value: unknown, into: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) flatten(item, into);
  else into.push(value);
  return into;
}
