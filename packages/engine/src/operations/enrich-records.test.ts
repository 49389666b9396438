import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import { createEngine, loadProviderDefinition } from '../index.js';

const ORIGIN = 'https://acme.roles.example.com';

// Roles whose permissions only a per-role endpoint returns, as many identity APIs do.
const definition = loadProviderDefinition(`
version: 1
id: enrichco
name: Enrich Co
base_url: { template: 'https://{{params.tenant}}.roles.example.com', allowed_hosts: ['*.roles.example.com'] }
params: { tenant: { pattern: '[a-z]+' } }
auth: [{ id: api_key, kind: bearer }]
resources:
  user-directory/roles:
    list:
      sources:
        - request: { path: /roles }
          enrich:
            permissions:
              request: { path: '/roles/{{record.id}}/permissions', on_status: { 404: skip } }
              records: items.name
          mapping: '{ "id": id, "name": label, "type": "custom", "permissions": [_enriched.permissions] }'
    get:
      request: { path: '/roles/{{id}}' }
`);

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const engine = createEngine({ providers: [definition], dispatcher: agent });
  const connection = engine.connect('enrichco', {
    params: { tenant: 'acme' },
    auth: { method: 'api_key', token: 'k-123456' },
  });
  return { routes: new MockRoutes(agent, ORIGIN), connection };
}

describe('enrich', () => {
  it('calls the enrichment once per record and maps its answer, keeping it in remote_data', async () => {
    const { routes, connection } = setup();
    routes.on('/roles', {
      body: [
        { id: 'r1', label: 'Auditor' },
        { id: 'r/2', label: 'Owner' },
      ],
    });
    routes.on('/roles/r1/permissions', { body: { items: [{ name: 'users.read' }, { name: 'logs.read' }] } });
    routes.on('/roles/r%2F2/permissions', { body: { items: [{ name: 'apps.read' }] } });
    const page = await connection.list('user-directory', 'roles');
    expect(page.result.map((role) => [role.id, role.permissions])).toEqual([
      ['r1', ['users.read', 'logs.read']],
      ['r/2', ['apps.read']],
    ]);
    expect(page.result[0]!.remote_data).toMatchObject({
      id: 'r1',
      _enriched: { permissions: ['users.read', 'logs.read'] },
    });
    expect(routes.seen.every((request) => request.headers.authorization === 'Bearer k-123456')).toBe(true);
  });

  it('leaves the value out on a declared status and fails on any other', async () => {
    const { routes, connection } = setup();
    routes.on('/roles', { body: [{ id: 'gone', label: 'Gone' }] });
    routes.on('/roles/gone/permissions', { status: 404, body: { message: 'no such role' } });
    const [role] = (await connection.list('user-directory', 'roles')).result;
    expect(role).toMatchObject({ id: 'gone', name: 'Gone' });
    expect(role!.permissions).toBeUndefined();

    routes.on('/roles', { body: [{ id: 'locked', label: 'Locked' }] });
    routes.on('/roles/locked/permissions', { status: 403, body: { message: 'forbidden' } });
    const error = await engineError(connection.list('user-directory', 'roles'));
    expect(error.code).toBe('forbidden');
  });

  it('applies the list enrichment to get as well', async () => {
    const { routes, connection } = setup();
    routes.on('/roles/r1', { body: { id: 'r1', label: 'Auditor' } });
    routes.on('/roles/r1/permissions', { body: { items: [{ name: 'users.read' }] } });
    const role = await connection.get('user-directory', 'roles', 'r1');
    expect(role.permissions).toEqual(['users.read']);
  });
});
