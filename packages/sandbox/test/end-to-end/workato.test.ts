import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type WorkatoSandbox } from '../../src/index.js';
import { everyRecord, servedResources, strictEngine } from './engine-helpers.js';

/** The built-in Workato definition, through the public API, against the Workato sandbox. */
let sandbox: WorkatoSandbox;
const { engine, warnings } = strictEngine();

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'workato', users: 75, seed: 3 });
});
afterAll(() => sandbox.close());

describe('workato end to end', () => {
  const resources = servedResources(engine, 'workato');

  it('serves users, groups, roles and me', () => {
    expect(resources.sort()).toEqual([
      'user-directory/groups',
      'user-directory/me',
      'user-directory/roles',
      'user-directory/users',
    ]);
  });

  it.each(resources)('%s lists the seeded total with unique ids', async (key) => {
    const records = await everyRecord(engine.connect('workato', sandbox.connection), key);
    expect(records.length).toBe(sandbox.expected[key]);
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    expect(warnings).toEqual([]);
  });

  it('lists the members of a collaborator group with the group_id filter', async () => {
    const connection = engine.connect('workato', sandbox.connection);
    const groups = await everyRecord(connection, 'user-directory/groups');
    const group = groups.find((candidate) => Number(candidate.member_count) > 0)!;
    const members = await everyRecord(connection, 'user-directory/users', { filter: { group_id: group.id } });
    expect(members.length).toBe(group.member_count);
  });
});
