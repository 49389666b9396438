import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { EngineError, type Problem } from '../errors/engine-error.js';
import { createEngine } from '../index.js';
import { isUnifiedResourceKey } from '../validation/unified-resources.js';
import { loadDefinition } from './load-definition.js';

/** A definition author sees every problem in one round, each with its path and line. */

function problemsOf(text: string, files: Record<string, string> = {}): Problem[] {
  try {
    loadDefinition(
      {
        text,
        readFile: (name) => {
          const content = files[name];
          if (content === undefined) throw new Error('no such file');
          return content;
        },
      },
      isUnifiedResourceKey,
    );
  } catch (error) {
    if (EngineError.isInstance(error) && error.code === 'invalid_definition') return error.problems ?? [];
    throw error;
  }
  throw new Error('the definition loaded');
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`no line with ${needle}`);
  return index + 1;
}

// Twelve planted problems, three kinds of template among them: YAML, schema, JSONata, regular expression, templates, references, files.
const PLANTED = `version: 1
id: planted
name: Planted
name: Planted twice
params:
  tenant: { pattern: "[a-z]+" }
base_url: { template: "https://{{params.tenant}}.example.com", allowed_hosts: ["*.example.com"] }
auth:
  - id: service
    kind: oauth2_client_credentials
    token_url: "https://{{params.tenat}}.example.com/token"
rate_limit:
  scope: "{{auth.client_idd}}"
resources:
  user-directory/users:
    filters:
      status: { type: enum, values: [active], local: "status = $value" }
    list:
      sources:
        - request: { path: /users, query: { state: "{{filter.stauts}}" } }
          pagination: { type: page, max_limit: ten }
          mapping: '{ "id": id, "status": "active" '
          enrich:
            extra:
              request: { path: "/users/{{recrod.id}}/extra" }
      variants:
        - when: [status]
          sources:
            - request: { path: /users }
              join:
                request: { path: "/groups/{{filter.group}}/members" }
                match: mappings/missing.jsonata
              remote_filters: [status]
              mapping: '{ "id": id, "status": "active" }'
    get:
      id_pattern: "(?<id>["
      request: { path: "/users/{{id}}", unknown_key: true }
  user-directory/groups:
    list:
      sources:
        - request: { path: /groups }
          remote_filters: [email]
          mapping: '{ "id": id, "name": name }'
`;

describe('an invalid definition', () => {
  it('reports every planted problem in one round, with path and line', () => {
    const problems = problemsOf(PLANTED);
    const at = (path: string) => problems.filter((problem) => problem.path === path);
    const expected: Array<[path: string, message: RegExp, needle: string]> = [
      ['name', /^duplicate key name$/, 'Planted twice'],
      ['auth.0.token_url', /\{\{params\.tenat\}\} is not a declared param/, 'tenat'],
      ['rate_limit.scope', /\{\{auth\.client_idd\}\} is not a credential field/, 'client_idd'],
      [
        'resources.user-directory/users.list.sources.0.request.query.state',
        /\{\{filter\.stauts\}\} is not a declared filter/,
        'stauts',
      ],
      [
        'resources.user-directory/users.list.sources.0.pagination.max_limit',
        /^expected number$/,
        'max_limit',
      ],
      [
        'resources.user-directory/users.list.sources.0.mapping',
        /./,
        'mapping: \'{ "id": id, "status": "active" \'',
      ],
      [
        'resources.user-directory/users.list.sources.0.enrich.extra.request.path',
        /unknown placeholder \{\{recrod\.id\}\}/,
        'recrod',
      ],
      [
        'resources.user-directory/users.list.variants.0.sources.0.join.request.path',
        /\{\{filter\.group\}\} is not a declared filter/,
        'filter.group',
      ],
      [
        'resources.user-directory/users.list.variants.0.sources.0.join.match',
        /^cannot read mapping file mappings\/missing\.jsonata/,
        'missing.jsonata',
      ],
      ['resources.user-directory/users.get.id_pattern', /^invalid regular expression/, 'id_pattern'],
      ['resources.user-directory/users.get.request.unknown_key', /^unknown key$/, 'unknown_key'],
    ];
    for (const [path, message, needle] of expected) {
      expect(at(path), path).toEqual([
        expect.objectContaining({ message: expect.stringMatching(message), line: lineOf(PLANTED, needle) }),
      ]);
    }
    // Cross-checks of the valid resources run too, although the schema failed elsewhere.
    expect(at('resources.user-directory/groups.list.sources.0.remote_filters')).toEqual([
      { path: expect.any(String), message: 'filter email is not declared', line: lineOf(PLANTED, '[email]') },
    ]);
    expect(problems.every((problem) => typeof problem.line === 'number')).toBe(true);
  });

  it('reads a .jsonata file named in join.id and join.match, and does not compile its name', () => {
    const text = PLANTED.replace('match: mappings/missing.jsonata', 'match: mappings/match.jsonata');
    const problems = problemsOf(text, { 'mappings/match.jsonata': 'user_id' });
    expect(problems.some((problem) => problem.path.endsWith('join.match'))).toBe(false);
  });

  it('reports a YAML alias bomb as invalid_definition, not a ReferenceError', () => {
    const bomb = [
      'version: 1',
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    ].join('\n');
    expect(problemsOf(bomb)).toEqual([
      { path: '', message: expect.stringMatching(/^YAML: Excessive alias count/) },
    ]);
  });

  it('refuses an unknown format version with that one problem, and asks for a missing one', () => {
    const text = PLANTED.replace('version: 1', 'version: 2');
    expect(problemsOf(text)).toEqual([
      {
        path: 'version',
        message: 'definition format version 2 is not supported: this engine reads version 1',
        line: 1,
      },
    ]);
    expect(problemsOf(PLANTED.replace('version: 1\n', ''))).toContainEqual(
      expect.objectContaining({
        path: 'version',
        message: 'required: version: 1, the definition format this file is written in',
      }),
    );
  });
});

const TOKEN_DEFINITION = `version: 1
id: tokenco
name: Token Co
params:
  tenant: { pattern: "[a-z]+" }
base_url: { template: "https://{{params.tenant}}.api.example.com", allowed_hosts: ["*.api.example.com"] }
auth:
  - id: service
    kind: oauth2_client_credentials
    token_url: TOKEN_URL
resources:
  user-directory/me:
    singleton: true
    get:
      request: { path: /me }
      mapping: '{ "id": id }'
`;

describe('token_url', () => {
  it('must be https on a host the definition allows, when it is absolute', () => {
    const problems = (url: string) => problemsOf(TOKEN_DEFINITION.replace('TOKEN_URL', url));
    expect(problems('https://login.evil.example/token')).toEqual([
      {
        path: 'auth.0.token_url',
        message: 'token_url host login.evil.example is not in the allowed hosts (*.api.example.com)',
        line: 10,
      },
    ]);
    expect(problems('http://login.api.example.com/token')).toEqual([
      { path: 'auth.0.token_url', message: 'an absolute token_url must use https', line: 10 },
    ]);
  });

  it('is refused when it renders to a host the definition does not allow, before any request', async () => {
    const provider = loadDefinition(
      { text: TOKEN_DEFINITION.replace('TOKEN_URL', 'https://{{params.tenant}}.example.org/token') },
      isUnifiedResourceKey,
    );
    const agent = new MockAgent();
    agent.disableNetConnect();
    const engine = createEngine({ providers: [provider], dispatcher: agent });
    const connect = () =>
      engine.connect('tokenco', {
        params: { tenant: 'acme' },
        auth: { method: 'service', client_id: 'client', client_secret: 'secret-value' },
      });
    let error: unknown;
    try {
      await connect().get('user-directory', 'me');
    } catch (caught) {
      error = caught;
    }
    expect(EngineError.isInstance(error) && error.code).toBe('invalid_auth');
    expect(String((error as Error).message)).toMatch(/token_url host acme\.example\.org is not allowed/);
  });
});
