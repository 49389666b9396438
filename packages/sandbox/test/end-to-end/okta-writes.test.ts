import { type Connection, EngineError, type RecordOf } from '@org/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OKTA_READ_SCOPES, type OktaSandbox, startSandbox } from '../../src/index.js';
import { strictEngine } from './engine-helpers.js';

/**
 * The user lifecycle through the engine's write API against the Okta sandbox: each change is
 * read back through the public listings and reads, never through the sandbox's internals.
 */
let sandbox: OktaSandbox;
const { engine, warnings } = strictEngine();

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 120, seed: 21 });
});
afterAll(() => sandbox.close());

type User = RecordOf<'user-directory', 'users'>;

async function users(connection: Connection, filter: Record<string, string>): Promise<User[]> {
  const listed: User[] = [];
  for await (const user of connection.iterate('user-directory', 'users', { filter })) listed.push(user);
  return listed;
}

describe('okta write lifecycle end to end', () => {
  it('creates, lists, updates, groups, ungroups and deactivates a user', async () => {
    const okta = engine.connect('okta', sandbox.connection);
    const email = 'margaret.hamilton@example.com';

    const created = await okta.create('user-directory', 'users', {
      email,
      first_name: 'Margaret',
      last_name: 'Hamilton',
      title: 'Engineer',
    });
    // Created without a password: Okta lists the user PROVISIONED until activation.
    expect(created).toMatchObject({ first_name: 'Margaret', last_name: 'Hamilton', status: 'invited' });
    const { id } = created;
    expect(await users(okta, { email })).toMatchObject([{ id, status: 'invited', title: 'Engineer' }]);

    // A partial update: the other attributes stay.
    const updated = await okta.update('user-directory', 'users', id, { title: 'Director of Software' });
    expect(updated).toMatchObject({
      id,
      title: 'Director of Software',
      first_name: 'Margaret',
      last_name: 'Hamilton',
    });
    expect(await okta.get('user-directory', 'users', id)).toMatchObject({
      title: 'Director of Software',
      first_name: 'Margaret',
      emails: [{ email }],
    });

    let group: RecordOf<'user-directory', 'groups'> | undefined;
    for await (const candidate of okta.iterate('user-directory', 'groups')) {
      if (candidate.name === 'Legacy Contractors 2019') group = candidate;
    }
    const memberIds = async () => (await users(okta, { group_id: group!.id })).map((user) => user.id);
    expect(await memberIds()).toEqual([]);
    await okta.addMember('user-directory', 'groups', group!.id, id);
    expect(await memberIds()).toEqual([id]);
    await okta.removeMember('user-directory', 'groups', group!.id, id);
    expect(await memberIds()).toEqual([]);

    await okta.deactivate('user-directory', 'users', id);
    expect(await users(okta, { email })).toMatchObject([{ id, status: 'inactive' }]);
    expect((await users(okta, { status: 'inactive' })).map((user) => user.id)).toContain(id);
    expect(warnings).toEqual([]);
  });

  it('returns the existing user when the login is taken, and not_found for an unknown id', async () => {
    const okta = engine.connect('okta', sandbox.connection);
    const seededId = sandbox.tenant.users.ids.encode(3);
    const seeded = await okta.get('user-directory', 'users', seededId);
    const email = seeded.emails?.[0]?.email ?? '';
    const before = sandbox.expected['user-directory/users'];
    const again = await okta.create('user-directory', 'users', {
      email,
      first_name: 'Someone',
      last_name: 'Else',
    });
    expect(again).toMatchObject({ id: seededId, first_name: seeded.first_name });
    expect(sandbox.expected['user-directory/users']).toBe(before);
    const error = await okta
      .deactivate('user-directory', 'users', '00uNoSuchUser0000000')
      .catch((caught) => caught);
    expect(EngineError.isInstance(error) && error.code).toBe('not_found');
  });

  it('sends nothing on a dry run and shows the request, the token header named but not valued', async () => {
    const okta = engine.connect('okta', sandbox.connection);
    const before = sandbox.requestCount();
    const request = await okta.create(
      'user-directory',
      'users',
      { email: 'dry.run@example.com', first_name: 'Dry', last_name: 'Run' },
      { dryRun: true },
    );
    expect(request).toMatchObject({
      dry_run: true,
      method: 'POST',
      headers: { Authorization: '[redacted]' },
    });
    expect(JSON.stringify(request)).not.toContain(sandbox.credentials.apiToken);
    expect(sandbox.requestCount()).toBe(before);
  });

  it('writes through the service app only with the method that requests the manage scopes', async () => {
    const scopes = [...OKTA_READ_SCOPES, 'okta.users.manage', 'okta.groups.manage'];
    const writable = await startSandbox({ provider: 'okta', users: 20, seed: 8, serviceApp: { scopes } });
    try {
      const connection = writable.serviceAppConnection!;
      const input = { email: 'katherine.johnson@example.com', first_name: 'Katherine', last_name: 'Johnson' };
      const readOnly = engine.connect('okta', connection);
      const refused = await readOnly.create('user-directory', 'users', input).catch((caught) => caught);
      expect(EngineError.isInstance(refused) && refused.code).toBe('forbidden');

      const manage = engine.connect('okta', {
        ...connection,
        auth: { ...connection.auth, method: 'oauth2_service_app_manage' },
      } as typeof connection);
      const created = await manage.create('user-directory', 'users', input);
      expect(created).toMatchObject({ first_name: 'Katherine', status: 'invited' });
      expect(await users(manage, { email: input.email })).toMatchObject([{ id: created.id }]);
    } finally {
      await writable.close();
    }
  });
});
