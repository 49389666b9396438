import { it } from 'vitest';
import { loadProviderDefinition } from '../../src/definition/provider-source.js';
import { EngineError } from '../../src/errors/engine-error.js';

const base = `id: acme
name: 123
base_url:
  template: https://x.example.com
  allowed_hosts: [x.example.com]
auth:
  - id: api_token
    kind: bearer
resources: []
`;
it('probe', () => {
  for (const text of [base]) {
    try { loadProviderDefinition(text); console.log('ok'); } catch (e) { console.log((e as EngineError).code, JSON.stringify((e as EngineError).problems, null, 1)); }
  }
});
