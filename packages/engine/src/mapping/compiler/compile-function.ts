import type { AstNode } from './ast.js';
import { Unsupported } from './ast.js';
import { JSONATA_FUNCTIONS } from './built-in-functions.js';
import { compileNode, type Evaluator } from './compile-node.js';
import { applyFunction, arityOf, checkedResult, Frame, isFunction, type Lambda } from './runtime.js';
import type { JsonataError } from './values.js';

/**
 * Lambdas and function calls, with JSONata's calling conventions: arguments that are functions
 * are passed through a closure without context, tail calls run in the caller's loop (so tail
 * recursion does not deepen), and errors get the position and name of the call.
 */

export function compileLambda(node: AstNode): Evaluator {
  if (node.signature !== undefined) throw new Unsupported('lambda signatures');
  const parameters = (node.arguments ?? []).map((parameter) => parameter.value as string);
  const body = compileNode(node.body as AstNode);
  return (input, frame) => {
    const lambda: Lambda = {
      _jsonata_lambda: true,
      arity: parameters.length,
      invokeOnce(args) {
        const run = frame.run;
        run.enter();
        try {
          const scope = new Frame(frame, run);
          for (const [index, parameter] of parameters.entries()) scope.bind(parameter, args[index]);
          return body(input, scope);
        } finally {
          run.leave();
        }
      },
      invoke(args, callerInput) {
        let result = lambda.invokeOnce(args);
        // Tail calls run here, after the call's frame is gone: tail recursion does not deepen.
        // As in JSONata's trampoline, a built-in called there takes its context from this call's
        // caller (none, when a higher-order function made the call), not from the lambda body.
        while (result instanceof TailCall) result = result.run(callerInput);
        return result;
      },
    };
    return lambda;
  };
}

/**
 * A call in tail position of a lambda body, which JSONata's parser marks (a "thunk"). The lambda
 * runs it after returning, and its value is the called function's own, not collapsed.
 */
class TailCall {
  constructor(readonly run: (callerInput: unknown) => unknown) {}
}

export function compileTailCall(node: AstNode): Evaluator {
  checkCall(node, (node.arguments ?? []).length);
  const procedureNode = node.procedure as AstNode;
  const procedure = compileNode(procedureNode);
  const args = (node.arguments ?? []).map((argument) => compileNode(argument));
  const token = procedureNode.type === 'variable' ? (procedureNode.value as string) : undefined;
  return (input, frame) =>
    new TailCall((callerInput) => {
      const proc = procedure(input, frame);
      const values = args.map((argument) => argument(input, frame));
      try {
        return applyFunction(proc, values, callerInput, frame, true);
      } catch (error) {
        if (proc !== null && typeof proc === 'object' && error !== null && typeof error === 'object') {
          const failure = error as JsonataError;
          if (failure.token === undefined && token !== undefined) failure.token = token;
          failure.position = procedureNode.position;
        }
        throw error;
      }
    });
}

/** The few built-ins whose optional arguments (pictures, time zones) the compiler leaves to JSONata. */
const ARGUMENT_LIMITS: Record<string, number> = { toMillis: 1, fromMillis: 1, now: 0 };

function checkCall(node: AstNode, argumentCount: number): void {
  const procedureNode = node.procedure as AstNode;
  if (procedureNode.type !== 'variable') return;
  const name = procedureNode.value as string;
  const limit = ARGUMENT_LIMITS[name];
  if (limit !== undefined && argumentCount > limit) throw new Unsupported(`$${name} with a picture or zone`);
}

export function compileCall(node: AstNode, context: Evaluator | undefined): Evaluator {
  const procedureNode = node.procedure as AstNode;
  const name = procedureNode.type === 'path' ? procedureNode.steps?.[0]?.value : procedureNode.value;
  checkCall(node, (node.arguments ?? []).length + (context ? 1 : 0));
  const procedure = compileNode(procedureNode);
  const args = (node.arguments ?? []).map((argument) => compileNode(argument));
  const position = node.position;
  const token = String(name);
  /** The failure of the call, given the call's place in the author's text and the function's name. */
  const located = (error: unknown, proc: unknown): unknown => {
    if (error !== null && typeof error === 'object') {
      const failure = error as JsonataError;
      if (proc !== null && typeof proc === 'object') {
        if (failure.token === undefined) failure.token = token;
        failure.position = position;
      } else {
        if (!failure.position) failure.position = position;
        if (!failure.token) failure.token = token;
      }
    }
    return error;
  };
  const only = !context && args.length === 1 ? (args[0] as Evaluator) : undefined;
  return (input, frame) => {
    const proc = procedure(input, frame);
    if (proc === undefined && procedureNode.type === 'path' && isBound(token, frame)) {
      throw { code: 'T1005', position, token } satisfies JsonataError;
    }
    // One argument to an engine helper (`$text(x)`, many a record): called directly, as
    // `applyFunction` would call it, without an argument array.
    if (only !== undefined && typeof proc === 'function') {
      const value = only(input, frame);
      try {
        return checkedResult(proc.call(input, isFunction(value) ? asArgument(value, frame) : value));
      } catch (error) {
        throw located(error, proc);
      }
    }
    const values: unknown[] = context ? [context(input, frame)] : [];
    for (const argument of args) {
      const value = argument(input, frame);
      values.push(isFunction(value) ? asArgument(value, frame) : value);
    }
    try {
      return applyFunction(proc, values, input, frame);
    } catch (error) {
      throw located(error, proc);
    }
  };
}

function isBound(name: string, frame: Frame): boolean {
  return frame.lookup(name) !== undefined || JSONATA_FUNCTIONS.has(name);
}

/**
 * A function passed as an argument is called as JSONata calls it: through a closure with no
 * context value, so a built-in that falls back on its context sees none.
 */
function asArgument(func: unknown, frame: Frame): unknown {
  const closure = (...params: unknown[]) => applyFunction(func, params, null, frame);
  return Object.assign(closure, { arity: arityOf(func) });
}

export function compileApply(node: AstNode): Evaluator {
  return compileCall(node.rhs as AstNode, compileNode(node.lhs as AstNode));
}
