import { createEngine } from '@org/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSandbox, oktaAccountToken, startSandbox } from '../src/index.js';

let sandbox: OktaSandbox;
const engine = createEngine();

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 60, seed: 11, rateLimit: false });
});
afterAll(() => sandbox.close());

async function listIds(connection: OktaSandbox['connection'], resource: 'users' | 'groups') {
  const ids: string[] = [];
  for await (const record of engine.connect('okta', connection).iterate('user-directory', resource)) {
    ids.push(record.id);
  }
  return ids;
}

function ssws(token: string) {
  return fetch(`${sandbox.url}/api/v1/users?limit=1`, { headers: { authorization: `SSWS ${token}` } });
}

describe('many accounts on one sandbox', () => {
  it('serves one org per token, with data seeded from the sandbox seed and the account number', async () => {
    const first = await listIds(sandbox.account(1).connection, 'users');
    const second = await listIds(sandbox.account(2).connection, 'users');
    const main = await listIds(sandbox.connection, 'users');
    expect(first).toHaveLength(60);
    expect(second).toHaveLength(60);
    expect(new Set([...first, ...second, ...main]).size).toBe(180);
    expect(sandbox.account(1).token).toBe(oktaAccountToken(11, 1));

    const again = await startSandbox({ provider: 'okta', users: 60, seed: 11 });
    try {
      expect(await listIds(again.account(1).connection, 'users')).toEqual(first);
    } finally {
      await again.close();
    }
  });

  it('rejects a token that looks like an account token but was not derived from the seed', async () => {
    const forged = `${oktaAccountToken(11, 3).slice(0, -1)}x`;
    expect((await ssws(forged)).status).toBe(401);
    expect((await ssws(oktaAccountToken(12, 3))).status).toBe(401);
    expect((await ssws(oktaAccountToken(11, 3))).status).toBe(200);
  });
});

describe('changing the data between listings', () => {
  it('adds, updates, deactivates and deletes users, stamping lastUpdated', async () => {
    const account = sandbox.account(5);
    const before = Date.now();
    const changed = account.tenant.edits.churn({ added: 2, updated: 3, deactivated: 1, deleted: 1 });
    const okta = engine.connect('okta', account.connection);
    const users = new Map<string, { status: string; title?: string; updated_at?: string }>();
    for await (const user of okta.iterate('user-directory', 'users')) users.set(user.id, user);

    expect(users.size).toBe(60 + 2 - 1);
    expect(users.has(changed.deleted[0]!)).toBe(false);
    expect(users.get(changed.deactivated[0]!)?.status).toBe('inactive');
    for (const id of [...changed.added, ...changed.updated, ...changed.deactivated]) {
      expect(Date.parse(users.get(id)!.updated_at!)).toBeGreaterThanOrEqual(before - 1000);
    }
    expect(users.get(changed.updated[0]!)?.title).toMatch(/^Title revision \d+$/);

    const recent = await okta.list('user-directory', 'users', {
      filter: { updated_after: new Date(before - 1000).toISOString() },
    });
    expect(recent.result.map((user) => user.id).sort()).toEqual(
      [...changed.added, ...changed.updated, ...changed.deactivated].sort(),
    );
    await expect(okta.get('user-directory', 'users', changed.deleted[0]!)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('adds, renames and deletes groups', async () => {
    const { tenant, connection } = sandbox.account(6);
    const groupsBefore = await listIds(connection, 'groups');
    const added = tenant.edits.addGroup('New hires 2026');
    tenant.edits.updateGroup(groupsBefore[1]!, { name: 'Renamed' });
    tenant.edits.deleteGroup(groupsBefore[2]!);
    const okta = engine.connect('okta', connection);
    const groups = new Map<string, string>();
    for await (const group of okta.iterate('user-directory', 'groups', { limit: 3 })) {
      groups.set(group.id, group.name);
    }
    expect(groups.size).toBe(groupsBefore.length);
    expect(groups.get(added)).toBe('New hires 2026');
    expect(groups.get(groupsBefore[1]!)).toBe('Renamed');
    expect(groups.has(groupsBefore[2]!)).toBe(false);
  });
});
