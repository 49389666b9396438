import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import { loadProviderDefinition } from '../definition/provider-source.js';
import { createEngine } from '../engine.js';

const DEFINITION = `version: 1
id: acme
name: Acme
params:
  directory: { enum: [workspace, identity, none], default: workspace }
base_url:
  template: https://acme.example.com
  allowed_hosts: [acme.example.com]
auth:
  - id: api_token
    kind: bearer
resources:
  user-directory/users:
    by: directory
    values:
      workspace:
        list:
          sources:
            - request: { path: /members }
              pagination: { type: link_header, limit_param: limit }
              mapping: '{ "id": $string(id), "status": "active" }'
        deactivate:
          request: { method: DELETE, path: "/members/{{id}}" }
          read_back: id
      identity:
        list:
          sources:
            - request: { path: /iam/users }
              pagination: { type: link_header, limit_param: limit }
              mapping: '{ "id": "iam-" & id, "status": "active" }'
  user-directory/me:
    singleton: true
    get:
      request: { path: /me }
      mapping: '{ "id": $string(id) }'
`;

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const engine = createEngine({
    providers: [loadProviderDefinition(DEFINITION)],
    dispatcher: agent,
    cursorSecret: 'choose-resources-secret-0123456789',
  });
  const connect = (directory?: string) =>
    engine.connect('acme', {
      params: directory === undefined ? {} : { directory },
      auth: { method: 'api_token', token: 'secret-token' },
    });
  return { engine, connect, routes: new MockRoutes(agent, 'https://acme.example.com') };
}

describe('a resource served by a param', () => {
  it('lists and writes with the definition the connection param chooses', async () => {
    const { connect, routes } = setup();
    routes.on('/members?limit=1', { body: [{ id: 1 }] });
    routes.on('/iam/users?limit=1', { body: [{ id: 'u1' }] });
    routes.on('/members/1', { status: 204, text: '' }, { method: 'DELETE' });
    const workspace = await connect().list('user-directory', 'users', { limit: 1, remoteData: false });
    expect(workspace.result).toEqual([{ id: '1', status: 'active' }]);
    const identity = await connect('identity').list('user-directory', 'users', {
      limit: 1,
      remoteData: false,
    });
    expect(identity.result).toEqual([{ id: 'iam-u1', status: 'active' }]);
    expect(await connect().deactivate('user-directory', 'users', '1')).toEqual({ id: '1' });
    const unsupported = await engineError(connect('identity').deactivate('user-directory', 'users', 'u1'));
    expect(unsupported.code).toBe('unsupported_operation');
    expect(routes.paths()).toEqual(
      ['/members', '/iam/users', '/members/1'].map((path, index) => (index < 2 ? `${path}?limit=1` : path)),
    );
  });

  it('is not served where the param value has no definition, and keeps its cursors apart', async () => {
    const { connect, routes, engine } = setup();
    const none = await engineError(connect('none').list('user-directory', 'users'));
    expect(none.code).toBe('unsupported_resource');
    expect(engine.providers()[0]!.models['user-directory']).toEqual(['users', 'me']);
    routes.on('/members?limit=1', {
      body: [{ id: 1 }],
      headers: { link: '<https://acme.example.com/members?limit=1&after=1>; rel="next"' },
    });
    const page = await connect().list('user-directory', 'users', { limit: 1 });
    expect(page.next_cursor).not.toBeNull();
    const foreign = await engineError(
      connect('identity').list('user-directory', 'users', { limit: 1, cursor: page.next_cursor! }),
    );
    expect(foreign.code).toBe('invalid_cursor');
  });

  it('needs an enum param, and values of it', () => {
    const problems = (text: string) => {
      try {
        loadProviderDefinition(text);
        return [];
      } catch (error) {
        return (error as { problems: Array<{ path: string; message: string }> }).problems.map(
          (problem) => `${problem.path}: ${problem.message}`,
        );
      }
    };
    expect(
      problems(DEFINITION.replace('by: directory', 'by: tenant').replace('      identity:', '      other:')),
    ).toEqual(['resources.user-directory/users.by: tenant is not a declared param with an enum']);
    expect(problems(DEFINITION.replace('      identity:', '      other:'))).toEqual([
      'resources.user-directory/users.values.other: other is not a value of directory',
    ]);
  });
});
