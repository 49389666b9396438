import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors/engine-error.js';
import { loadProviderDefinition } from './provider-source.js';

const HEAD = `version: 1
id: acme
name: Acme
params:
  tenant: { description: The tenant. }
base_url:
  template: https://{{params.tenant}}.acme.test
  allowed_hosts: ["*.acme.test"]
auth:
  - id: api_token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users }
          mapping: '{ "id": $string(id), "status": "active" }'
`;

function problemsOf(writes: string): string[] {
  try {
    loadProviderDefinition(`${HEAD}${writes}`);
    return [];
  } catch (error) {
    if (!EngineError.isInstance(error)) throw error;
    return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
}

describe('write operations in a definition', () => {
  it('accepts a complete write declaration', () => {
    expect(
      problemsOf(`    create:
      request:
        method: POST
        path: /users
        query: { activate: "{{params.tenant}}" }
        body: '{ "email": email, "tenant": $params.tenant }'
        on_status:
          409: exists
          400: { exists: true, when: 'code = "E1" and $contains(message, "taken")' }
          422: { error: invalid_input, when: 'code = "E2"' }
          404: skip
      find: '{ "email": email }'
      pending: '{ "id": email, "status": "invited" }'
      read_back: find
    deactivate:
      request: { method: DELETE, path: "/users/{{id}}", headers: { X-Reason: "{{params.tenant}}" } }
`),
    ).toEqual([]);
  });

  it('reports every problem of the write operations together', () => {
    expect(
      problemsOf(`    create:
      request:
        method: POST
        path: "/users/{{id}}"
        on_status: { 409: exists }
    update:
      request: { method: PATCH, path: "/users/{{member_id}}", on_status: { 409: { exists: true } } }
      pending: '{ "id": email }'
    deactivate:
      request: { method: POST, path: "/users/{{id}}/deactivate" }
      read_back: get
      fields: [name]
`),
    ).toEqual([
      'resources.user-directory/users.create.request.path: unknown placeholder {{id}}: expected one of params here',
      'resources.user-directory/users.update.request.path: unknown placeholder {{member_id}}: expected one of params, id here',
      'resources.user-directory/users.create.request.on_status.409: exists needs find, to read the existing record',
      'resources.user-directory/users.update.pending: pending is used only together with find',
      'resources.user-directory/users.update.request.on_status.409: exists applies to create only',
      'resources.user-directory/users.deactivate.read_back: the resource has no get',
      'resources.user-directory/users.deactivate.fields: deactivate takes no input',
    ]);
  });

  it('reports a write method or status rule the format does not know', () => {
    expect(
      problemsOf(`    update:
      request: { method: GET, path: "/users/{{id}}", on_status: { 409: retry } }
`),
    ).toEqual([
      expect.stringMatching(/^resources\.user-directory\/users\.update\.request\.method: /),
      expect.stringMatching(/^resources\.user-directory\/users\.update\.request\.on_status\.409: /),
    ]);
  });

  it('reports a body mapping or condition that does not compile', () => {
    expect(
      problemsOf(`    create:
      request:
        method: POST
        path: /users
        body: '{ "email": '
        on_status: { 404: { error: not_found, when: '(' } }
`),
    ).toEqual([
      expect.stringMatching(/^resources\.user-directory\/users\.create\.request\.body: /),
      expect.stringMatching(/^resources\.user-directory\/users\.create\.request\.on_status\.404\.when: /),
    ]);
  });
});
