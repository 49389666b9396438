import { isFunction, type JsonataError } from './values.js';

/**
 * JSONata's function signatures (`<s-nn?:s>`), validated the way its reference implementation
 * does (jsonata 2.x signature.js, MIT): missing arguments taken from the context where the
 * signature has `-`, singletons wrapped where an array is expected, and the same error codes
 * (T0410, T0411, T0412). Only the built-in signatures are parsed, never an author's text.
 */

interface Parameter {
  regex: string;
  type: string;
  array?: boolean;
  context?: boolean;
  contextRegex?: RegExp;
  subtype?: string;
}

const PLURALS: Record<string, string> = {
  a: 'arrays',
  b: 'booleans',
  f: 'functions',
  n: 'numbers',
  o: 'objects',
  s: 'strings',
};

const SYMBOL_CODES: Record<string, number> = { f: 1, s: 2, n: 3, b: 4, l: 5, a: 6, o: 7, m: 8 };

function symbolOf(value: unknown): string {
  if (isFunction(value)) return 'f';
  switch (typeof value) {
    case 'string':
      return 's';
    case 'number':
      return 'n';
    case 'boolean':
      return 'b';
    case 'object':
      return value === null ? 'l' : Array.isArray(value) ? 'a' : 'o';
    default:
      return 'm';
  }
}

function closingBracket(text: string, start: number, open: string, close: string): number {
  let depth = 1;
  let position = start;
  while (position < text.length) {
    position += 1;
    const symbol = text.charAt(position);
    if (symbol === close) {
      depth -= 1;
      if (depth === 0) break;
    } else if (symbol === open) {
      depth += 1;
    }
  }
  return position;
}

function parseParameters(signature: string): Parameter[] {
  const parameters: Parameter[] = [];
  let previous: Parameter | undefined;
  const push = (parameter: Parameter) => {
    parameters.push(parameter);
    previous = parameter;
  };
  for (let position = 1; position < signature.length; position += 1) {
    const symbol = signature.charAt(position);
    if (symbol === ':' || symbol === '>') break;
    if ('snblo'.includes(symbol)) push({ regex: `[${symbol}m]`, type: symbol });
    else if (symbol === 'a') push({ regex: '[asnblfom]', type: 'a', array: true });
    else if (symbol === 'f') push({ regex: 'f', type: 'f' });
    else if (symbol === 'j') push({ regex: '[asnblom]', type: 'j' });
    else if (symbol === 'x') push({ regex: '[asnblfom]', type: 'x' });
    else if (symbol === '-' && previous) {
      previous.context = true;
      previous.contextRegex = new RegExp(previous.regex);
      previous.regex += '?';
    } else if ((symbol === '?' || symbol === '+') && previous) {
      previous.regex += symbol;
    } else if (symbol === '(') {
      const end = closingBracket(signature, position, '(', ')');
      const choice = signature.substring(position + 1, end);
      push({ regex: `[${choice}m]`, type: `(${choice})` });
      position = end;
    } else if (symbol === '<' && previous) {
      const end = closingBracket(signature, position, '<', '>');
      previous.subtype = signature.substring(position + 1, end);
      position = end;
    }
  }
  return parameters;
}

/** A parsed signature: `validate` returns the arguments to call with, or throws as JSONata does. */
export class Signature {
  private readonly parameters: Parameter[];
  private readonly regex: RegExp;
  /** How the arguments of each shape seen so far split among the parameters (matching is per call otherwise). */
  private readonly plans = new Map<number, { split: readonly string[]; asGiven: boolean }>();

  constructor(readonly definition: string) {
    this.parameters = parseParameters(definition);
    this.regex = new RegExp(`^${this.parameters.map((parameter) => `(${parameter.regex})`).join('')}$`);
  }

  validate(args: readonly unknown[], context: unknown): unknown[] {
    // The shape of the arguments as a number (one base-9 digit a symbol, after a leading 1), so
    // that finding how they split needs no text built per call.
    let shape = 1;
    for (const arg of args) shape = shape * 9 + SYMBOL_CODES[symbolOf(arg)]!;
    // Past 12 arguments the number would lose digits: such calls are matched each time.
    let plan = args.length <= 12 ? this.plans.get(shape) : undefined;
    if (plan === undefined) {
      let supplied = '';
      for (const arg of args) supplied += symbolOf(arg);
      const matched = this.regex.exec(supplied);
      if (!matched) this.fail(args, supplied);
      const split = this.parameters.map((_, index) => (matched as RegExpExecArray)[index + 1] ?? '');
      plan = { split, asGiven: this.takesAsGiven(split, args.length) };
      if (args.length <= 12) this.plans.set(shape, plan);
    }
    // One argument a parameter, none to wrap or check: the arguments are the validated ones.
    if (plan.asGiven) return args as unknown[];
    const split = plan.split;
    const matches = split;
    const validated: unknown[] = [];
    let argIndex = 0;
    this.parameters.forEach((parameter, index) => {
      const match = matches[index] as string;
      if (match === '') {
        if (parameter.context && parameter.contextRegex) {
          if (!parameter.contextRegex.test(symbolOf(context))) {
            throw { code: 'T0411', value: context, index: argIndex + 1 } satisfies JsonataError;
          }
          validated.push(context);
        } else {
          validated.push(args[argIndex]);
          argIndex += 1;
        }
        return;
      }
      for (const single of match) {
        let arg = args[argIndex];
        if (parameter.type === 'a') {
          if (single === 'm') {
            arg = undefined;
          } else {
            this.checkArray(parameter, single, match, arg, argIndex);
            if (single !== 'a') arg = [arg];
          }
        }
        validated.push(arg);
        argIndex += 1;
      }
    });
    return validated;
  }

  /** True when `split` gives each parameter one argument as it is: no context, wrapping or array check. */
  private takesAsGiven(split: readonly string[], count: number): boolean {
    if (count !== this.parameters.length) return false;
    return this.parameters.every((parameter, index) => {
      const match = split[index] as string;
      if (match.length !== 1) return false;
      return parameter.type !== 'a' || (match === 'a' && parameter.subtype === undefined);
    });
  }

  private checkArray(
    parameter: Parameter,
    single: string,
    match: string,
    arg: unknown,
    argIndex: number,
  ): void {
    if (parameter.subtype === undefined) return;
    let arrayOk = true;
    if (single !== 'a' && match !== parameter.subtype) {
      arrayOk = false;
    } else if (single === 'a') {
      const items = arg as unknown[];
      if (items.length > 0) {
        const itemType = symbolOf(items[0]);
        arrayOk =
          itemType === parameter.subtype.charAt(0) && items.every((item) => symbolOf(item) === itemType);
      }
    }
    if (!arrayOk) {
      throw {
        code: 'T0412',
        value: arg,
        index: argIndex + 1,
        type: PLURALS[parameter.subtype],
      } satisfies JsonataError;
    }
  }

  private fail(args: readonly unknown[], supplied: string): never {
    let pattern = '^';
    let goodTo = 0;
    for (const parameter of this.parameters) {
      pattern += parameter.regex;
      const match = supplied.match(new RegExp(pattern));
      if (match === null)
        throw { code: 'T0410', value: args[goodTo], index: goodTo + 1 } satisfies JsonataError;
      goodTo = match[0].length;
    }
    throw { code: 'T0410', value: args[goodTo], index: goodTo + 1 } satisfies JsonataError;
  }
}
