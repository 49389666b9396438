import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { JsonataEvaluationError } from '../errors/jsonata-evaluation-error.js';
import { JsonataSyntaxError } from './compile-jsonata.js';
import { CollectionExpression, PageExpression, SingleExpression } from './record-mapping.js';

async function failure(run: () => Promise<unknown>): Promise<JsonataEvaluationError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(JsonataEvaluationError);
    return error as JsonataEvaluationError;
  }
  throw new Error('the evaluation succeeded, but it should have failed');
}

function compileFailure(make: () => unknown): JsonataSyntaxError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(JsonataSyntaxError);
    return error as JsonataSyntaxError;
  }
  throw new Error('the expression compiled, but it should have failed');
}

/** Where JSONata itself places an error in `expression`, compiled or evaluated alone. */
async function jsonataPosition(expression: string, input?: unknown): Promise<number> {
  try {
    await jsonata(expression).evaluate(input);
  } catch (error) {
    return (error as { position: number }).position;
  }
  throw new Error('the expression succeeded');
}

describe('PageExpression', () => {
  it('maps a page in one evaluation, one output per record, in order', async () => {
    const expression = new PageExpression('{ "id": $string(id), "name": name }');

    expect(
      await expression.apply(
        [
          { id: 1, name: 'A' },
          { id: 2, name: 'B' },
        ],
        {},
      ),
    ).toEqual([
      { id: '1', name: 'A' },
      { id: '2', name: 'B' },
    ]);
  });

  it('keeps outputs aligned when some records yield nothing', async () => {
    const expression = new PageExpression('nickname');

    expect(
      await expression.apply([{ nickname: 'a' }, {}, { nickname: 'c' }, { nickname: null }], {}),
    ).toEqual(['a', undefined, 'c', null]);
  });

  it('keeps outputs aligned when records yield arrays, empty or nested ones included', async () => {
    const expression = new PageExpression('tags');

    expect(
      await expression.apply(
        [{ tags: ['a', 'b'] }, { tags: [] }, { tags: 'c' }, {}, { tags: [['x'], ['y']] }],
        {},
      ),
    ).toEqual([['a', 'b'], [], 'c', undefined, [['x'], ['y']]]);
  });

  it('maps a page of one record to one output, even when it yields an array', async () => {
    expect(await new PageExpression('tags').apply([{ tags: ['a', 'b'] }], {})).toEqual([['a', 'b']]);
    expect(await new PageExpression('$').apply([[1, 2]], {})).toEqual([[1, 2]]);
  });

  it('gives nothing for an empty page', async () => {
    expect(await new PageExpression('{ "id": id }').apply([], {})).toEqual([]);
  });

  it('binds helpers and the given bindings', async () => {
    const expression = new PageExpression('{ "id": id, "region": $params.region, "at": $toIsoUtc(at) }');

    expect(
      await expression.apply([{ id: 'a', at: '2024-05-01T19:03:11+02:00' }], { params: { region: 'eu' } }),
    ).toEqual([{ id: 'a', region: 'eu', at: '2024-05-01T17:03:11.000Z' }]);
  });

  it('names the failing record and the position in the author text', async () => {
    const source = '{ "id": id, "n": size + 1 }';
    const expression = new PageExpression(source);
    const records = [
      { id: 'a', size: 1 },
      { id: 'b', size: 2 },
      { id: 'c', size: 'big' },
      { id: 'd', size: 'huge' },
    ];

    const error = await failure(() => expression.apply(records, {}));

    expect(error.index).toBe(2);
    expect(error.position).toBe(await jsonataPosition(source, records[2]));
    expect(error.position).toBeLessThanOrEqual(source.length);
    expect(error.message).toContain(`at position ${error.position}:`);
    expect(error.message).toContain('T2001');
  });

  it('names the record whose helper call failed', async () => {
    const source = '{ "id": id, "at": $toIsoUtc(at) }';
    const expression = new PageExpression(source);

    const error = await failure(() =>
      expression.apply(
        [
          { id: 'a', at: '2024-05-01T00:00:00Z' },
          { id: 'b', at: 'someday' },
        ],
        {},
      ),
    );

    expect(error.index).toBe(1);
    expect(error.message).toContain('$toIsoUtc: not a time stamp: "someday"');
    expect(error.position).toBeLessThanOrEqual(source.length);
  });

  it('reports a syntax error at the position JSONata gives for the author text', async () => {
    for (const source of ['{ "id": id, "status": ( }', '{ "id": id', 'id +', '$lookup(', '"unterminated']) {
      const error = compileFailure(() => new PageExpression(source));

      expect(error.position, source).toBe(await jsonataPosition(source));
      expect(error.message, source).toContain(`at position ${error.position}:`);
    }
  });
});

describe('CollectionExpression', () => {
  it('takes the whole page and returns an array, however many records come out', async () => {
    const distinct = new CollectionExpression('$distinct($.city).{ "id": $ }');

    // JSONata marks its result sequences; compare the items.
    expect([...(await distinct.apply([{ city: 'A' }, { city: 'B' }, { city: 'A' }], {}))]).toEqual([
      { id: 'A' },
      { id: 'B' },
    ]);
    expect(await new CollectionExpression('$[0].{ "id": city }').apply([{ city: 'A' }], {})).toEqual([
      { id: 'A' },
    ]);
    expect(await new CollectionExpression('$[city = "Z"]').apply([{ city: 'A' }], {})).toEqual([]);
  });
});

describe('SingleExpression', () => {
  it('evaluates once on its input and reports failures with the position in the author text', async () => {
    const source = 'error.code & ": " & $number(error.text)';
    const expression = new SingleExpression(source);

    expect(await new SingleExpression('meta.next').apply({ meta: { next: 'c2' } })).toBe('c2');
    const error = await failure(() => expression.apply({ error: { code: 'E1', text: 'x' } }));
    expect(error.position).toBe(await jsonataPosition(source, { error: { code: 'E1', text: 'x' } }));
  });
});
