import type { AstNode } from './ast.js';
import { Unsupported } from './ast.js';
import { compileNode, describeNode, type Evaluator } from './compile-node.js';
import type { Frame } from './runtime.js';
import { isFunction } from './runtime.js';
import {
  createSequence,
  isArrayOfNumbers,
  isNumeric,
  isSequence,
  type Sequence,
  toBoolean,
} from './values.js';

/**
 * Paths and predicates as JSONata evaluates them: each step maps over the sequence the previous
 * one produced, flattening arrays it yields unless an array constructor made them.
 */

export function compilePath(node: AstNode): Evaluator {
  const steps = node.steps ?? [];
  const absolute = steps[0]?.type === 'variable';
  const compiled = steps.map((step, index) => {
    if (step.type === 'sort') throw new Unsupported(describeNode(step));
    for (const stage of step.stages ?? []) {
      if (stage.type !== 'filter') throw new Unsupported('position (#) bindings');
    }
    const evaluate = compileNode(step);
    const stages = (step.stages ?? []).map((stage) => compileFilter(stage));
    const last = index === steps.length - 1;
    if (index === 0 && step.consarray)
      return (input: Sequence, frame: Frame) => evaluate(input, frame) as Sequence;
    return (input: Sequence, frame: Frame) => evaluateStep(evaluate, stages, input, frame, last);
  });
  const keepSingletonArray = node.keepSingletonArray === true;
  const general: Evaluator = (input, frame) => {
    let sequence: Sequence = Array.isArray(input) && !absolute ? (input as Sequence) : createSequence(input);
    let result: Sequence | undefined;
    for (const step of compiled) {
      result = step(sequence, frame);
      if (result === undefined || result.length === 0) break;
      sequence = result;
    }
    if (keepSingletonArray && result !== undefined) {
      if (Array.isArray(result) && result.cons && !result.sequence) result = createSequence(result);
      result.keepSingleton = true;
    }
    return result;
  };
  return (
    plainChain(node, compiled.length > 0 ? compileNode(steps[0] as AstNode) : undefined, general) ?? general
  );
}

/** A step that only reads a field: no predicate, no stage, no flag that changes the result. */
function isPlainName(step: AstNode): boolean {
  return (
    step.type === 'name' &&
    (step.predicate ?? []).length === 0 &&
    (step.stages ?? []).length === 0 &&
    step.keepArray !== true &&
    step.group === undefined &&
    step.focus === undefined &&
    step.index === undefined &&
    step.tuple !== true
  );
}

/**
 * `a`, `a.b.c` or `$v.b.c` over objects, the commonest paths of a mapping, without building a
 * sequence per step: while every value met is a single object, the result is the field read
 * through them, as the general evaluation gives it (undefined, a value, or the final array as
 * it is). At the first array on the way, or a sequence at the end, it hands over to the general
 * evaluation, which maps over the items and flattens them.
 */
function plainChain(node: AstNode, first: Evaluator | undefined, general: Evaluator): Evaluator | undefined {
  const steps = node.steps ?? [];
  if (first === undefined || steps.length < 1 || node.keepSingletonArray || node.keepArray) return undefined;
  const head = steps[0] as AstNode;
  const startsWithVariable =
    head.type === 'variable' && (head.predicate ?? []).length === 0 && (head.stages ?? []).length === 0;
  if (!startsWithVariable && !isPlainName(head)) return undefined;
  if (head.consarray || head.keepArray) return undefined;
  if (!steps.slice(1).every(isPlainName)) return undefined;
  const names = steps.slice(1).map((step) => step.value as string);
  return (input, frame) => {
    if (Array.isArray(input) && !startsWithVariable) return general(input, frame);
    let value = first(input, frame);
    for (const name of names) {
      if (value === undefined) return undefined;
      if (value === null || typeof value !== 'object' || isFunction(value)) return undefined;
      if (Array.isArray(value)) return general(input, frame);
      value = Object.hasOwn(value, name) ? (value as Record<string, unknown>)[name] : undefined;
    }
    if (Array.isArray(value) && isSequence(value)) return general(input, frame);
    return value;
  };
}

function evaluateStep(
  evaluate: Evaluator,
  stages: Filter[],
  input: Sequence,
  frame: Frame,
  last: boolean,
): Sequence {
  // The values flattened as they come; the first one kept apart, for a last step of one array.
  const flattened = createSequence();
  let count = 0;
  let only: unknown;
  for (const item of input) {
    let value = evaluate(item, frame);
    for (const stage of stages) value = stage(value, frame);
    if (value === undefined) continue;
    count += 1;
    if (count === 1) only = value;
    if (!Array.isArray(value) || (value as Sequence).cons) flattened.push(value);
    else for (const member of value) flattened.push(member);
  }
  if (input.length > 64) frame.run.check();
  if (last && count === 1 && Array.isArray(only) && !isSequence(only)) return only as Sequence;
  return flattened;
}

type Filter = (input: unknown, frame: Frame) => Sequence;

export function compileFilter(stage: AstNode): Filter {
  const predicate = stage.expr as AstNode;
  if (predicate.type === 'number') {
    const wanted = Math.floor(predicate.value as number);
    return (input) => {
      const items: unknown[] = Array.isArray(input) ? input : createSequence(input);
      const index = wanted < 0 ? items.length + wanted : wanted;
      const item = items[index];
      if (item === undefined) return createSequence();
      return Array.isArray(item) ? (item as Sequence) : createSequence(item);
    };
  }
  const evaluate = compileNode(predicate);
  return (input, frame) => {
    const results = createSequence();
    const items: unknown[] = Array.isArray(input) ? input : createSequence(input);
    items.forEach((item, index) => {
      let verdict = evaluate(item, frame);
      if (isNumeric(verdict)) verdict = [verdict];
      if (isArrayOfNumbers(verdict)) {
        for (const wanted of verdict as number[]) {
          let position = Math.floor(wanted);
          if (position < 0) position = items.length + position;
          if (position === index) results.push(item);
        }
      } else if (toBoolean(verdict)) {
        results.push(item);
      }
    });
    return results;
  };
}
