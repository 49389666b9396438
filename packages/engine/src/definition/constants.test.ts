import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import { createEngine, EngineError, loadProviderDefinition } from '../index.js';

const yaml = (constants: string) => `
version: 1
id: constantsco
name: Constants Co
base_url: { template: 'https://{{params.tenant}}.api.example.com', allowed_hosts: ['*.api.example.com'] }
params: { tenant: { pattern: '[a-z]+' } }
auth: [{ id: key, kind: bearer }]
constants:
${constants}
resources:
  sso/apps:
    list:
      sources:
        - request: { path: /apps }
          mapping: '{ "id": id, "name": name, "status": $lookup($app_status, state) }'
`;

describe('constants', () => {
  it('are read by mappings as $<name>', async () => {
    const definition = loadProviderDefinition(yaml('  app_status: { ON: active, OFF: inactive }'));
    const agent = new MockAgent();
    agent.disableNetConnect();
    new MockRoutes(agent, 'https://acme.api.example.com').on('/apps', {
      body: [
        { id: 'a', name: 'A', state: 'ON' },
        { id: 'b', name: 'B', state: 'OFF' },
      ],
    });
    const connection = createEngine({ providers: [definition], dispatcher: agent }).connect('constantsco', {
      params: { tenant: 'acme' },
      auth: { method: 'key', token: 'token-1234' },
    });
    const page = await connection.list('sso', 'apps');
    expect(page.result.map((app) => [app.id, app.status])).toEqual([
      ['a', 'active'],
      ['b', 'inactive'],
    ]);
  });

  it('may not take a name the engine binds itself', () => {
    let error: unknown;
    try {
      loadProviderDefinition(yaml('  app_status: {}\n  toIsoUtc: 1\n  params: 2'));
    } catch (caught) {
      error = caught;
    }
    expect(EngineError.isInstance(error) && error.problems.map((problem) => problem.path)).toEqual([
      'constants.toIsoUtc',
      'constants.params',
    ]);
  });
});
