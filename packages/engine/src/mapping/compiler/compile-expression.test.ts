import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { MAPPING_HELPERS } from '../jsonata-helpers.js';
import { CompiledExpression, compileExpression } from './compile-expression.js';

const RECORD = {
  id: 7,
  name: '  Ada   Lovelace ',
  tags: ['a', 'b', ''],
  one: ['x'],
  empty: [],
  nested: [{ v: 1, w: [1, 2] }, { v: 2 }, { w: 3 }],
  object: { b: 2, a: 1.1 + 2.2 },
  count: '12',
  when: '2024-05-01T17:03:11Z',
  flag: false,
  nil: null,
};

/** Expressions covering the semantics the compiler must keep, each run by both evaluators. */
const EXPRESSIONS = [
  'name',
  'missing',
  'nested.v',
  'nested.w',
  'nested[v = 2]',
  'nested[0]',
  'nested[-1]',
  'tags[$ != ""]',
  'tags[[0, 2]]',
  'one',
  'one[0]',
  'empty',
  '[one]',
  '[missing]',
  '[tags, one]',
  '[[tags], one]',
  'nested.[w]',
  'nested.{ "v": v }',
  '{ "a": missing, "b": nil, "c": [] }',
  '$keys(object).($lookup($$.object, $))',
  'id + 1',
  'id & "-" & missing',
  'missing + 1',
  'missing = 1',
  'missing != 1',
  'tags = tags',
  'nil = null',
  'id > 5 and flag',
  'flag or name',
  'id in [1, 7]',
  'id % 4',
  '-id',
  'id / 0 = id / 0',
  'flag ? "yes" : "no"',
  'flag ? "yes"',
  'tags ? 1 : 2',
  'empty ? 1 : 2',
  'object ? 1 : 2',
  '$string(object)',
  '$string(1e21)',
  '$string([1, "a", null, true])',
  '$string(0.1 + 0.2)',
  '$join(tags, "/")',
  '$lowercase(name)',
  '$uppercase(missing)',
  '$trim(name)',
  '$number(count) * 2',
  '$boolean(tags)',
  '$boolean([0, false])',
  '$not(empty)',
  '$count(tags)',
  '$count(missing)',
  '$sum(nested.v)',
  '$type(object)',
  '$exists(nil)',
  '$exists(missing)',
  '$contains(name, "Ada")',
  '$contains(name, /lace/)',
  '$substring(name, 2, 3)',
  '$substring(name, -4)',
  '$substringBefore(name, "L")',
  '$substringAfter(name, "L")',
  '$split(name, " ")',
  '$split(name, /\\s+/, 2)',
  '$replace(name, /(\\w+)\\s+(\\w+)/, "$2, $1")',
  '$replace(name, " ", "_")',
  '$match(name, /[A-Z]\\w+/)',
  '$match("x", /y/)',
  '$distinct([1, 2, 1, [1], [1]])',
  '$append(tags, one)',
  '$append(missing, one)',
  '$merge([object, { "c": 3 }])',
  '$map(tags, $uppercase)',
  '$map(tags, function($v, $i) { $i & $v })',
  '$filter(nested, function($n) { $n.v > 1 })',
  '$each(object, function($v, $k) { $k & "=" & $v })',
  '$toMillis(when)',
  '$fromMillis($toMillis(when))',
  '($f := function($x) { $x > 0 ? $x + $f($x - 1) : 0 }; $f(10))',
  '($t := function($x, $acc) { $x = 0 ? $acc : $t($x - 1, $acc + $x) }; $t(3000, 0))',
  '($a := 1; ($a := 2); $a)',
  '$text(name)',
  '$toIsoUtc(when)',
  '$stableId(name, id)',
  'nested.w[0]',
  '$lookup({ "A": 1 }, "A")',
  'nested.v.$string()',
  'tags ~> $join(",")',
  'nested[v > 0].w',
  '$count(nested.w)',
  // a built-in in tail position of a lambda takes its context from the lambda's caller
  '$map(tags, function($v) { $substring(-1, 0) })',
  '$map(tags, function($v) { $uppercase() })',
  'name.$map([1, 2], function($v) { $uppercase() })',
  'name.$map([1, 2], function($v) { $uppercase($) })',
  'name.(function($v) { $uppercase() })(1)',
  '(function($v) { $string() })(1)',
  '$map(tags, function($v) { ($x := $string(); $x) })',
  '($f := function($v) { $substring(1) }; $map(tags, $f))',
  '($g := function() { $string() }; $f := function($v) { $g() }; $map(tags, $f))',
  // a helper's name bound by the author, in the same scope and lexically around a lambda
  '($text := function($x) { "T" }; $text(name))',
  '($f := function() { $text(name) }; ($text := function($x) { "X" }; $f()))',
  '($g := function($text) { $text }; $g(1) & $text(name))',
  // failures must match too: the code, the position and the message
  'name + 1',
  'id & $lowercase(id)',
  '-name',
  '{ id: 1 }',
  'id < "8"',
  'object < 1',
  '$number("x")',
  '$toMillis("yesterday")',
  '$join([1, 2])',
  '$toIsoUtc("soon")',
  '$f(1)',
  'lowercase(name)',
  '$replace(name, "", "x")',
  '$string(1/0)',
  '{ "a": 1, "a": 2 }',
  '[1..3]',
  '[5..1]',
  '[1.5..3]',
];

async function interpreted(source: string, input: unknown): Promise<unknown> {
  try {
    return { value: await jsonata(source).evaluate(input, { ...MAPPING_HELPERS }) };
  } catch (error) {
    const { code, position, message } = error as { code?: string; position?: number; message: string };
    return { error: { code, position, message } };
  }
}

function compiledOutcome(source: string, input: unknown): unknown {
  const compiled = compileExpression(source) as CompiledExpression;
  expect(compiled).toBeInstanceOf(CompiledExpression);
  for (const [name, helper] of Object.entries(MAPPING_HELPERS)) compiled.assign(name, helper);
  try {
    return { value: compiled.evaluate(input) };
  } catch (error) {
    const { code, position, message } = error as { code?: string; position?: number; message: string };
    return { error: { code, position, message } };
  }
}

/** JSON keeps what a caller sees: values, key order, nesting; `undefined` stays visible. */
function visible(outcome: unknown): string {
  return JSON.stringify(outcome, (_key, value) => (value === undefined ? '(undefined)' : value));
}

describe('compiled expressions', () => {
  it.each(EXPRESSIONS)('%s gives what the interpreter gives', async (source) => {
    expect(visible(compiledOutcome(source, RECORD))).toBe(visible(await interpreted(source, RECORD)));
  });

  it('treat an array input as one value, as the interpreter does', async () => {
    const source = '$count($) & ":" & $string($[0]) & ":" & $count(id)';
    const input = [{ id: 1 }, { id: 2 }];
    expect(visible(compiledOutcome(source, input))).toBe(visible(await interpreted(source, input)));
  });

  it('leave unsupported constructs to the interpreter, saying why', () => {
    expect(compileExpression('tags^($)')).toEqual({ source: 'tags^($)', reason: 'order-by (^(...))' });
    expect(compileExpression('$pad(name, 5)')).toMatchObject({ reason: 'function $pad' });
    expect(compileExpression('$fromMillis(1, "[Y]")')).toMatchObject({
      reason: expect.stringContaining('picture'),
    });
    expect(compileExpression('nested@$n.v')).toMatchObject({ reason: expect.stringContaining('context') });
    expect(compileExpression('**.v')).toMatchObject({ reason: 'descendants (**)' });
  });
});

describe('compiled expressions are bounded', () => {
  const limits = { depth: 100, timeoutMs: 200, rangeItems: 1_000 };
  function failure(source: string): unknown {
    const compiled = compileExpression(source, limits) as CompiledExpression;
    try {
      compiled.evaluate({});
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it('stop recursion without end', () => {
    expect(failure('($f := function($x) { 1 + $f($x) }; $f(1))')).toMatchObject({ code: 'D1011' });
  });

  it('stop a tail-recursive loop after the time limit', () => {
    const started = Date.now();
    expect(failure('($f := function($x) { $f($x + 1) }; $f(1))')).toMatchObject({ code: 'D1012' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('stop ranges beyond the allocation budget, alone or together', () => {
    expect(failure('[1..100000000]')).toMatchObject({ code: 'D2014' });
    expect(failure('[1..5000]')).toMatchObject({ code: 'D2015' });
    expect(failure('$map([1..100], function($x) { [1..100] })')).toMatchObject({ code: 'D2015' });
  });
});
