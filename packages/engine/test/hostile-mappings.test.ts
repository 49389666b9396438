import { MockAgent } from 'undici';
import { afterAll, describe, expect, it } from 'vitest';
import { createEngine, EngineError, loadProviderDefinition } from '../src/index.js';
import {
  type EvaluationMode,
  setEvaluationMode,
  setEvaluationTimeout,
} from '../src/mapping/evaluation-mode.js';

/**
 * Mappings written to hang or exhaust the process: each fails its listing with `mapping_error`
 * within the evaluation bounds, on the compiled evaluator and on the interpreter, and the same
 * engine lists normally right after.
 */
const ORIGIN = 'https://acme.api.example.com';

function definition(mapping: string): string {
  return `version: 1
id: hostile
name: Hostile
params:
  tenant: { pattern: "[a-z]+" }
base_url:
  template: https://{{params.tenant}}.api.example.com
  allowed_hosts: ["*.api.example.com"]
auth:
  - id: api_key
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users }
          pagination: { type: none }
          mapping: ${JSON.stringify(mapping)}
  user-directory/groups:
    list:
      sources:
        - request: { path: /groups }
          pagination: { type: none }
          mapping: '{ "id": $string(id), "name": name }'
`;
}

const CASES: [string, string, string][] = [
  ['recursion without end', '($f := function($x) { 1 + $f($x) }; { "id": $string($f(1)) })', 'D1011'],
  ['a loop (tail recursion) without end', '($f := function($x) { $f($x + 1) }; { "id": $f(0) })', 'D1012'],
  ['a huge range', '{ "id": $string($count([1..9999999])) }', 'D2015'],
  [
    'ranges built again and again',
    '{ "id": $string($count($map([1..100000], function($x) { [1..100000] }))) }',
    '',
  ],
];

setEvaluationTimeout(300);
afterAll(() => {
  setEvaluationTimeout(5_000);
  setEvaluationMode('compiled');
});

describe.each<EvaluationMode>(['compiled', 'interpreted'])('a hostile mapping, %s', (mode) => {
  it.each(CASES)('%s fails with mapping_error and the engine stays usable', async (_name, mapping, code) => {
    setEvaluationMode(mode);
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: '/users' })
      .reply(200, [{ id: 1 }, { id: 2 }])
      .persist();
    pool
      .intercept({ path: '/groups' })
      .reply(200, [{ id: 9, name: 'Admins' }])
      .persist();
    const engine = createEngine({
      providers: [loadProviderDefinition(definition(mapping))],
      dispatcher: agent,
    });
    const connection = engine.connect('hostile', {
      params: { tenant: 'acme' },
      auth: { method: 'api_key', token: 'token-1' },
    });

    const started = Date.now();
    const failure = await connection.list('user-directory', 'users').catch((error: unknown) => error);
    expect(EngineError.isInstance(failure) && failure.code).toBe('mapping_error');
    expect((failure as Error).message).toContain(code);
    expect(Date.now() - started).toBeLessThan(5_000);

    const groups = await connection.list('user-directory', 'groups');
    expect(groups.result.map((group) => group.name)).toEqual(['Admins']);
    await agent.close();
  });
});

describe('regular expressions of a definition', () => {
  it('are refused at load when they can backtrack catastrophically', () => {
    const hostile = definition('{ "id": $match(name, /^(\\w+\\s?)*$/) ? "x" }').replace(
      'pattern: "[a-z]+"',
      'pattern: "([a-z]+)+"',
    );
    const failure = (() => {
      try {
        loadProviderDefinition(hostile);
      } catch (error) {
        return error;
      }
    })();
    expect(EngineError.isInstance(failure) && failure.code).toBe('invalid_definition');
    const problems = (failure as EngineError).problems.map((problem) => problem.path);
    expect(problems).toEqual([
      'params.tenant.pattern',
      'resources.user-directory/users.list.sources.0.mapping',
    ]);
  });
});
