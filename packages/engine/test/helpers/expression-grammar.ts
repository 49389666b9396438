import fc from 'fast-check';

/**
 * Small JSONata expressions of the grammar the compiler covers, as source text: paths over a
 * few field names, literals, operators, conditions, constructors, predicates, blocks with
 * bindings, lambdas and the built-ins. Many are ill-typed on purpose: errors must match too.
 */
const NAMES = ['a', 'b', 'c', 'items', 'name', 'n'];
const STRINGS = ['""', '"x"', '"A b"', '" "', '"é"', '"1"'];
const NUMBERS = ['0', '1', '2', '-1', '1.5', '10'];

const name = fc.constantFrom(...NAMES);
const literal = fc.constantFrom(...STRINGS, ...NUMBERS, 'true', 'false', 'null');
const path = fc.array(name, { minLength: 1, maxLength: 3 }).map((steps) => steps.join('.'));

const UNARY_FUNCTIONS = [
  'string',
  'number',
  'boolean',
  'not',
  'count',
  'exists',
  'type',
  'keys',
  'lowercase',
  'uppercase',
  'trim',
  'length',
  'sum',
  'distinct',
  'reverse',
  'merge',
  'max',
  'min',
  'abs',
  'floor',
  'ceil',
  'text',
  'toIsoUtc',
];
const BINARY_FUNCTIONS = [
  'join',
  'lookup',
  'append',
  'contains',
  'split',
  'substringBefore',
  'substringAfter',
];
const OPERATORS = ['+', '-', '*', '/', '%', '&', '=', '!=', '<', '<=', '>', '>=', 'and', 'or', 'in'];

export const expressionSource: fc.Arbitrary<string> = fc.letrec<{ expression: string }>((tie) => {
  const expression = tie('expression');
  const small = fc.oneof(literal, path, fc.constant('$'), fc.constant('$v'));
  return {
    expression: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      small,
      fc
        .tuple(expression, fc.constantFrom(...OPERATORS), expression)
        .map(([l, op, r]) => `(${l} ${op} ${r})`),
      fc
        .tuple(expression, expression, fc.option(expression))
        .map(([c, t, e]) => (e === null ? `(${c} ? ${t})` : `(${c} ? ${t} : ${e})`)),
      fc.array(expression, { maxLength: 3 }).map((items) => `[${items.join(', ')}]`),
      fc
        .array(fc.tuple(fc.constantFrom('"k"', '"l"', 'name'), expression), { maxLength: 2 })
        .map((pairs) => `{${pairs.map(([key, value]) => `${key}: ${value}`).join(', ')}}`),
      fc.tuple(path, expression).map(([p, predicate]) => `${p}[${predicate}]`),
      fc.tuple(path, fc.integer({ min: -2, max: 2 })).map(([p, index]) => `${p}[${index}]`),
      fc.tuple(path, expression).map(([p, step]) => `${p}.(${step})`),
      fc.tuple(fc.constantFrom(...UNARY_FUNCTIONS), expression).map(([f, x]) => `$${f}(${x})`),
      fc
        .tuple(fc.constantFrom(...BINARY_FUNCTIONS), expression, expression)
        .map(([f, x, y]) => `$${f}(${x}, ${y})`),
      fc.tuple(expression, fc.integer({ min: -3, max: 3 })).map(([x, start]) => `$substring(${x}, ${start})`),
      fc.tuple(expression, expression).map(([x, body]) => `$map(${x}, function($v) { ${body} })`),
      fc.tuple(expression, expression).map(([x, body]) => `$filter(${x}, function($v, $i) { ${body} })`),
      fc.tuple(expression, expression).map(([value, body]) => `($v := ${value}; ${body})`),
      fc.tuple(expression).map(([x]) => `$replace(${x}, /[aeiou]/i, "_")`),
      fc.tuple(expression).map(([x]) => `$match(${x}, /(\\w)(\\w)?/)`),
      fc.tuple(expression).map(([x]) => `-${x}`),
    ),
  };
}).expression;

/** Inputs for generated expressions: the field names they read, with values of every JSON kind. */
export const expressionInput: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<unknown>(null, '', 'x', 'A b', 'é', '1', 0, 1, 2.5, -1, true, false),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.record(Object.fromEntries(NAMES.map((key) => [key, tie('value')])), { requiredKeys: [] }),
  ),
})).value;
