import type { AstNode } from './ast.js';
import { Unsupported } from './ast.js';
import { compileNode, describeNode, type Evaluator } from './compile-node.js';
import type { Frame } from './runtime.js';
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
  return (input, frame) => {
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
}

function evaluateStep(
  evaluate: Evaluator,
  stages: Filter[],
  input: Sequence,
  frame: Frame,
  last: boolean,
): Sequence {
  const results: unknown[] = [];
  for (const item of input) {
    let value = evaluate(item, frame);
    for (const stage of stages) value = stage(value, frame);
    if (value !== undefined) results.push(value);
  }
  if (input.length > 64) frame.run.check();
  const only = results[0];
  if (last && results.length === 1 && Array.isArray(only) && !isSequence(only)) return only as Sequence;
  const flattened = createSequence();
  for (const value of results) {
    if (!Array.isArray(value) || (value as Sequence).cons) flattened.push(value);
    else for (const item of value) flattened.push(item);
  }
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
