import type { Connection, RecordOf } from '@org/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type WorkatoSandbox } from '../../src/index.js';
import { strictEngine } from './engine-helpers.js';

/**
 * Workato Identity through the same unified resources (param directory: identity): users of the
 * workspace and user groups of the API client's environment, written and read back through the
 * engine's public API against the Workato sandbox.
 */
let sandbox: WorkatoSandbox;
const { engine, warnings } = strictEngine();

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'workato', users: 10, identityUsers: 40, seed: 29 });
});
afterAll(() => sandbox.close());

type User = RecordOf<'user-directory', 'users'>;
type Group = RecordOf<'user-directory', 'groups'>;

/** A connection to Workato Identity with the API client of one environment. */
function identity(environment: 'dev' | 'test' | 'prod'): Connection {
  const { connection, environmentTokens } = sandbox;
  const params: Record<string, string> = { ...connection.params, directory: 'identity' };
  return engine.connect('workato', {
    ...connection,
    params,
    auth: { method: 'api_token', token: environmentTokens[environment] },
  });
}

async function all<T>(records: AsyncIterable<T>): Promise<T[]> {
  const listed: T[] = [];
  for await (const record of records) listed.push(record);
  return listed;
}

const users = (connection: Connection, filter: Record<string, string> = {}) =>
  all<User>(connection.iterate('user-directory', 'users', { filter }));

describe('workato identity end to end', () => {
  it('lists the seeded users, and the user groups of the client’s environment only', async () => {
    expect(await users(identity('dev'))).toHaveLength(40);
    const names = async (environment: 'dev' | 'test' | 'prod') =>
      (await all<Group>(identity(environment).iterate('user-directory', 'groups'))).map(
        (group) => group.name,
      );
    expect(await names('dev')).toEqual(['Genie testers', 'MCP builders']);
    expect(await names('prod')).toEqual(['HR concierge users', 'Sales assistants', 'Offboarded']);
    // Each group carries the environment it belongs to.
    const prodGroups = await all<Group>(identity('prod').iterate('user-directory', 'groups'));
    const prodId = String(sandbox.identity.environmentIds.prod);
    expect(prodGroups.map((group) => group.environment)).toEqual([prodId, prodId, prodId]);
    expect(warnings).toEqual([]);
  });

  it('creates a user, renames it, groups and ungroups it, and deletes it', async () => {
    const prod = identity('prod');
    const email = 'mary.jackson@example.com';
    const groups = await all<Group>(prod.iterate('user-directory', 'groups'));
    const offboarded = groups.find((group) => group.name === 'Offboarded')!;
    const sales = groups.find((group) => group.name === 'Sales assistants')!;

    const created = await prod.create('user-directory', 'users', {
      email,
      name: 'Mary Jackson',
      external_id: 'E-1958',
      groups: [{ id: sales.id }],
    });
    expect(created).toMatchObject({ name: 'Mary Jackson', status: 'active', groups: [{ id: sales.id }] });
    const { id } = created;
    expect(await users(prod, { email })).toMatchObject([{ id, external_id: 'E-1958' }]);
    // The DEV client sees the same user, without the PROD group.
    const [seenFromDev] = await users(identity('dev'), { email });
    expect(seenFromDev).toMatchObject({ id, name: 'Mary Jackson' });
    expect(seenFromDev!.groups ?? []).toEqual([]);

    const renamed = await prod.update('user-directory', 'users', id, { name: 'Mary W. Jackson' });
    expect(renamed).toMatchObject({ id, name: 'Mary W. Jackson', emails: [{ email }] });

    const memberIds = async () => (await users(prod, { group_id: offboarded.id })).map((user) => user.id);
    expect(await memberIds()).toEqual([]);
    await prod.addMember('user-directory', 'groups', offboarded.id, id);
    expect(await memberIds()).toEqual([id]);
    expect((await prod.get('user-directory', 'groups', offboarded.id)).member_count).toBe(1);
    await prod.removeMember('user-directory', 'groups', offboarded.id, id);
    expect(await memberIds()).toEqual([]);

    await prod.deactivate('user-directory', 'users', id);
    expect(await users(prod, { email })).toEqual([]);
    expect((await users(prod, { group_id: sales.id })).map((user) => user.id)).not.toContain(id);
  });

  it('returns the existing user when the e-mail is taken', async () => {
    const dev = identity('dev');
    const [seeded] = await users(dev);
    const email = seeded!.emails?.[0]?.email ?? '';
    const again = await dev.create('user-directory', 'users', { email, name: 'Someone Else' });
    expect(again).toMatchObject({ id: seeded!.id, name: seeded!.name });
    expect(await users(dev)).toHaveLength(40);
  });
});
