import { it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { loadProviderDefinition } from '../../src/definition/provider-source.js';
import { EngineError } from '../../src/errors/engine-error.js';

const base = `id: acme
name: Acme
params:
  domain: { pattern: "[a-z]+" }
base_url:
  template: https://{{params.domain}}.example.com/{{params.region}}
  allowed_hosts: ["*.example.com"]
auth:
  - id: api_token
    kind: bearer
resources:
  user-directory/users:
    filters:
      status: { type: enum, values: [a] }
      email: { }
    list:
      sources:
        - request: { path: /users }
          remote_filters: [status, ghost]
          mapping: '{ "id": id, "status": ( }'
  sso/app-users:
    list:
      sources:
        - request: { path: "/apps/{{parent.id}}/users" }
          fan_out: { parent: sso/apps }
          mapping: mappings/x.jsonata
    get:
      id_pattern: "^(?<a>[^:]+"
  user-directory/widgets:
    get:
      request: { path: /w }
      id_pattern: "^[a-z]+$"
      mapping: '{}'
  user-directory/groups:
    list:
      sources:
        - request: { path: /groups }
          mapping: ../outside.jsonata
`;
it('probe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'p-'));
  mkdirSync(join(dir, 'prov'));
  writeFileSync(join(dir, 'outside.jsonata'), '{}');
  writeFileSync(join(dir, 'prov/provider.yaml'), base);
  for (const src of [base, join(dir, 'prov'), 'id: a\nname: [x\n  y: 1\nfoo: "bar\n']) {
    try { loadProviderDefinition(src); console.log('ok'); } catch (e) { console.log((e as EngineError).code, JSON.stringify((e as EngineError).problems, null, 1)); }
  }
});
