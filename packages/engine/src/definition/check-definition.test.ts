import { describe, expect, it } from 'vitest';
import { EngineError, type Problem } from '../errors/engine-error.js';
import { loadProviderDefinition } from './provider-source.js';
import type { ResourceDefinition } from './schema-resource.js';

/**
 * Cross-checks: what the zod schema cannot express. Each case starts from a valid definition
 * and changes one thing.
 */

const HEAD = `version: 1
id: acme
name: Acme
params:
  domain: { pattern: "[a-z0-9-]+[.]acme[.]test" }
base_url:
  template: https://{{params.domain}}
  allowed_hosts: ["*.acme.test"]
auth:
  - id: api_token
    kind: bearer
`;

const USERS = `  user-directory/users:
    filters:
      status: { type: enum, values: [active, inactive], local: "status = $value" }
    list:
      sources:
        - request: { path: /users }
          mapping: '{ "id": $string(id), "status": "active" }'
    get:
      request: { path: "/users/{{id}}" }
`;

function definition(resources: string, head = HEAD): string {
  return `${head}resources:\n${resources}`;
}

function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`${needle} is not in the text`);
  return index + 1;
}

function problemsOf(text: string): Problem[] {
  try {
    loadProviderDefinition(text);
  } catch (error) {
    if (!EngineError.isInstance(error)) throw error;
    expect(error.code).toBe('invalid_definition');
    return error.problems;
  }
  throw new Error('the definition loaded, but it should have failed');
}

describe('cross-checks', () => {
  it('accepts the starting definition', () => {
    expect(loadProviderDefinition(definition(USERS)).resources.has('user-directory/users')).toBe(true);
  });

  it('refuses an incremental filter that is not a declared date_time filter', () => {
    const text = definition(
      USERS.replace('    list:\n', '    incremental_filter: status\n    list:\n').replace(
        '      status:',
        '      changed_after: { type: date_time, local: "true" }\n      status:',
      ),
    );
    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.user-directory/users.incremental_filter',
        message: 'status is not a declared date_time filter',
        line: lineOf(text, 'incremental_filter'),
      },
    ]);
    const valid = text.replace('incremental_filter: status', 'incremental_filter: changed_after');
    expect(
      (loadProviderDefinition(valid).definition.resources['user-directory/users'] as ResourceDefinition)
        .incremental_filter,
    ).toBe('changed_after');
  });

  it('refuses a remote filter the resource does not declare', () => {
    const text = definition(
      USERS.replace(
        '        - request: { path: /users }\n',
        '        - request: { path: /users, query: { q: "{{filter.email}}" } }\n          remote_filters: [email]\n',
      ),
    );

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0.request.query.q',
        message: '{{filter.email}} is not a declared filter of this resource',
        line: lineOf(text, '{{filter.email}}'),
      },
      {
        path: 'resources.user-directory/users.list.sources.0.remote_filters',
        message: 'filter email is not declared',
        line: lineOf(text, 'remote_filters: [email]'),
      },
    ]);
  });

  it('refuses a filter that is neither answered remotely nor has a local predicate', () => {
    const text = definition(USERS.replace(', local: "status = $value"', ''));

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.user-directory/users.list.sources.0',
        message: 'filter status is neither in remote_filters nor has a local predicate',
        line: lineOf(text, '- request: { path: /users }'),
      },
    ]);
  });

  it('accepts a filter without a local predicate when its source answers it', () => {
    const text = definition(
      USERS.replace(', local: "status = $value"', '').replace(
        '        - request: { path: /users }\n',
        '        - request: { path: /users, query: { state: "{{filter.status}}" } }\n          remote_filters: [status]\n',
      ),
    );

    expect(() => loadProviderDefinition(text)).not.toThrow();
  });

  it('accepts a filter that only selects a variant answering it', () => {
    const text = definition(
      USERS.replace(
        '      status: { type: enum, values: [active, inactive], local: "status = $value" }\n',
        '      group_id: {}\n',
      ).replace(
        '    get:\n',
        `      variants:
        - when: [group_id]
          sources:
            - request: { path: "/groups/{{filter.group_id}}/members" }
              remote_filters: [group_id]
              mapping: '{ "id": $string(id), "status": "active" }'
    get:
`,
      ),
    );

    expect(() => loadProviderDefinition(text)).not.toThrow();
  });

  it('refuses a variant chosen by an undeclared filter', () => {
    const text = definition(
      USERS.replace(
        '    get:\n',
        `      variants:
        - when: [group_id]
          sources:
            - request: { path: "/groups/{{filter.group_id}}/members" }
              mapping: '{ "id": $string(id), "status": "active" }'
    get:
`,
      ),
    );

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.user-directory/users.list.variants.0.sources.0.request.path',
        message: '{{filter.group_id}} is not a declared filter of this resource',
        line: lineOf(text, '{{filter.group_id}}'),
      },
      {
        path: 'resources.user-directory/users.list.variants.0.when',
        message: 'filter group_id is not declared',
        line: lineOf(text, 'when: [group_id]'),
      },
    ]);
  });

  it('refuses a fan-out whose parent resource is missing', () => {
    const text = definition(`  sso/app-users:
    list:
      sources:
        - request: { path: "/apps/{{parent.id}}/users" }
          fan_out: { parent: sso/apps }
          mapping: '{ "id": $parent.id & ":" & id, "app": { "id": $parent.id }, "user": { "id": id } }'
`);

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.sso/app-users.list.sources.0',
        message: 'sso/apps is not a listed resource of this provider',
        line: lineOf(text, '- request: { path: "/apps'),
      },
    ]);
  });

  it('refuses a fan-out whose parent cannot be listed', () => {
    const text = definition(`  sso/apps:
    get:
      request: { path: "/apps/{{id}}" }
      mapping: '{ "id": id, "name": label }'
  sso/app-users:
    list:
      sources:
        - request: { path: "/apps/{{parent.id}}/users" }
          fan_out: { parent: sso/apps }
          mapping: '{ "id": $parent.id & ":" & id, "app": { "id": $parent.id }, "user": { "id": id } }'
`);

    expect(problemsOf(text).map((problem) => problem.message)).toEqual([
      'sso/apps is not a listed resource of this provider',
    ]);
  });

  it('refuses a resource that derives from itself or from a missing resource', () => {
    const text = definition(
      `${USERS}  hris/locations:
    list:
      sources:
        - derive_from: hris/locations
          mapping: '$.{ "id": id }'
        - derive_from: hris/employees
          mapping: '$.{ "id": id }'
`,
    );

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.hris/locations.list.sources.0',
        message: 'a resource cannot read from itself',
        line: lineOf(text, 'derive_from: hris/locations'),
      },
      {
        path: 'resources.hris/locations.list.sources.1',
        message: 'hris/employees is not a listed resource of this provider',
        line: lineOf(text, 'derive_from: hris/employees'),
      },
    ]);
  });

  it('refuses a base_url template with an undeclared param', () => {
    const text = definition(
      USERS,
      HEAD.replace('https://{{params.domain}}', 'https://{{params.region}}.acme.test'),
    );

    expect(problemsOf(text)).toEqual([
      {
        path: 'base_url.template',
        message: '{{params.region}} is not a declared param',
        line: lineOf(text, 'template: https://'),
      },
    ]);
  });

  it('refuses a base_url template that reads anything but params', () => {
    const text = definition(
      USERS,
      HEAD.replace('https://{{params.domain}}', 'https://{{auth.token}}.acme.test'),
    );

    expect(problemsOf(text)).toEqual([
      {
        path: 'base_url.template',
        message: 'unknown placeholder {{auth.token}}: expected one of params here',
        line: expect.any(Number),
      },
    ]);
  });

  it('requires allowed_hosts with a template', () => {
    const text = definition(USERS, HEAD.replace('  allowed_hosts: ["*.acme.test"]\n', ''));

    expect(problemsOf(text)).toEqual([
      {
        path: 'base_url.allowed_hosts',
        message: 'required with a template: the hosts it may resolve to',
        line: lineOf(text, 'base_url:'),
      },
    ]);
  });

  it('checks a base_url table against its param', () => {
    const head = `version: 1
id: acme
name: Acme
params:
  region: { enum: [us, eu, jp], default: us }
base_url:
  by: zone
  values: { us: "https://us.acme.test/api", eu: "https://eu.acme.test/api" }
auth:
  - id: api_token
    kind: bearer
`;
    expect(problemsOf(definition(USERS, head))).toEqual([
      { path: 'base_url.by', message: 'zone is not a declared param', line: expect.any(Number) },
    ]);
    expect(problemsOf(definition(USERS, head.replace('by: zone', 'by: region')))).toEqual([
      { path: 'base_url.values', message: 'no URL for region = jp', line: expect.any(Number) },
    ]);
  });

  it('refuses a base_url table with a plain http URL', () => {
    const text = definition(
      USERS,
      `version: 1
id: acme
name: Acme
params:
  region: { enum: [us] }
base_url:
  by: region
  values: { us: "http://us.acme.test/api" }
auth:
  - id: api_token
    kind: bearer
`,
    );

    expect(problemsOf(text).map((problem) => problem.path)).toEqual(['base_url.values.us']);
  });

  it('refuses a get with neither request nor from_list, and one with both', () => {
    const neither = definition(
      USERS.replace('      request: { path: "/users/{{id}}" }\n', '      records: data\n'),
    );
    const both = definition(
      USERS.replace(
        '      request: { path: "/users/{{id}}" }\n',
        '      request: { path: "/users/{{id}}" }\n      from_list: true\n',
      ),
    );

    expect(problemsOf(neither)).toEqual([
      {
        path: 'resources.user-directory/users.get',
        message: 'needs request or from_list: true',
        line: lineOf(neither, 'get:'),
      },
    ]);
    expect(problemsOf(both)).toEqual([
      {
        path: 'resources.user-directory/users.get',
        message: 'use either request or from_list',
        line: lineOf(both, 'get:'),
      },
    ]);
  });

  it('refuses a get.request without a mapping to borrow', () => {
    const text = definition(`  user-directory/me:
    singleton: true
    get:
      request: { path: /me }
`);

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.user-directory/me.get.mapping',
        message: 'required when the list has no HTTP source to borrow it from',
        line: lineOf(text, 'get:'),
      },
    ]);
  });

  it('refuses an id_pattern that is not a regular expression, or has no named group', () => {
    const invalid = definition(
      USERS.replace('    get:\n', '    get:\n      id_pattern: "^(?<app_id>[^:]+"\n'),
    );
    const unnamed = definition(USERS.replace('    get:\n', '    get:\n      id_pattern: "^([^:]+):(.+)$"\n'));

    expect(problemsOf(invalid)).toEqual([
      {
        path: 'resources.user-directory/users.get.id_pattern',
        message: expect.stringMatching(/^invalid regular expression: /),
        line: lineOf(invalid, 'id_pattern:'),
      },
    ]);
    expect(problemsOf(unnamed)).toEqual([
      {
        path: 'resources.user-directory/users.get.id_pattern',
        message: 'expected named groups, e.g. (?<app_id>[^:]+)',
        line: lineOf(unnamed, 'id_pattern:'),
      },
    ]);
  });

  it('refuses a resource key that is not a unified resource', () => {
    const text = definition(`${USERS}  user-directory/widgets:
    list:
      sources:
        - static: [{ id: w1 }]
`);

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.user-directory/widgets',
        message: 'unknown unified resource user-directory/widgets',
        line: lineOf(text, 'user-directory/widgets:'),
      },
    ]);
  });

  it('refuses placeholders with an unknown root and unbalanced braces', () => {
    const text = definition(
      USERS.replace('path: "/users/{{id}}"', 'path: "/users/{{user.id}}", query: { q: "{{filter.q" }'),
    );

    expect(problemsOf(text)).toEqual([
      {
        path: 'resources.user-directory/users.get.request.path',
        message: 'unknown placeholder {{user.id}}: expected one of params, id, id_parts here',
        line: expect.any(Number),
      },
      {
        path: 'resources.user-directory/users.get.request.query.q',
        message: 'unbalanced {{ }} in template',
        line: expect.any(Number),
      },
    ]);
  });

  it('checks params: a pattern that does not compile, a default outside the enum', () => {
    const text = definition(
      USERS,
      HEAD.replace(
        '  domain: { pattern: "[a-z0-9-]+[.]acme[.]test" }\n',
        '  domain: { pattern: "[a-z0-9-]+[.]acme[.]test" }\n  tier: { pattern: "(unclosed" }\n  region: { enum: [us, eu], default: jp }\n',
      ),
    );

    expect(problemsOf(text)).toEqual([
      {
        path: 'params.tier.pattern',
        message: expect.stringMatching(/^invalid regular expression: /),
        line: lineOf(text, 'tier:'),
      },
      {
        path: 'params.region.default',
        message: 'default jp is not one of us, eu',
        line: lineOf(text, 'region:'),
      },
    ]);
  });

  it('refuses two auth methods with one id', () => {
    const text = definition(USERS, `${HEAD}  - id: api_token\n    kind: basic\n`);

    expect(problemsOf(text)).toEqual([
      {
        path: 'auth.1.id',
        message: 'duplicate auth method id api_token',
        line: text.split('\n').lastIndexOf('  - id: api_token') + 1,
      },
    ]);
  });

  it('reports every cross-check problem of a definition at once', () => {
    const text = definition(
      `${USERS.replace(', local: "status = $value"', '').replace('    get:\n      request: { path: "/users/{{id}}" }\n', '    get:\n      id_pattern: "(["\n')}  hris/widgets:
    list:
      sources:
        - derive_from: hris/locations
          mapping: '$.{ "id": id }'
`,
      HEAD.replace('{{params.domain}}', '{{params.host}}'),
    );

    expect(problemsOf(text).map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      expect.stringMatching(/^resources.user-directory\/users.get.id_pattern: invalid regular expression/),
      'base_url.template: {{params.host}} is not a declared param',
      'resources.user-directory/users.list.sources.0: filter status is neither in remote_filters nor has a local predicate',
      'resources.user-directory/users.get: needs request or from_list: true',
      'resources.hris/widgets: unknown unified resource hris/widgets',
      'resources.hris/widgets.list.sources.0: hris/locations is not a listed resource of this provider',
    ]);
  });
});
