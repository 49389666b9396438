import { createEngine } from '@org/engine';
import { type OktaSandbox, oktaAccountToken, startSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Change, createSync, type Sync } from '../src/index.js';
import { createTestDatabase } from './test-database.js';

const USERS = 250;
const users = 'user-directory/users';
let sandbox: OktaSandbox;
let failing: OktaSandbox;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sync: Sync;
/** Which sandbox `resolveConnection` points at: the failing one serves the same accounts. */
let current: () => OktaSandbox;

async function readAll(connectionId: string, after?: string): Promise<{ changes: Change[]; next: string }> {
  const changes: Change[] = [];
  let cursor = after;
  for (;;) {
    const page = await sync.changes({ connectionId, resource: users, after: cursor, limit: 100 });
    changes.push(...page.changes);
    cursor = page.next;
    if (page.changes.length === 0) return { changes, next: cursor };
  }
}

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: USERS, seed: 3, rateLimit: false });
  // Same seed, same accounts: every listing's second page is truncated JSON.
  failing = await startSandbox({
    provider: 'okta',
    users: USERS,
    seed: 3,
    rateLimit: false,
    faults: { malformedPage: 2 },
  });
  current = () => sandbox;
  database = await createTestDatabase();
  sync = await createSync({
    engine: createEngine({ cursorSecret: 'test-cursor-secret-0123456789', onWarning: () => undefined }),
    database: database.url,
    pageSize: 100,
    resolveConnection: (connectionId) => {
      const account = current().account(Number(connectionId.split('-')[1]));
      // A token of another sandbox seed: well-formed, and refused with 401.
      if (connectionId.startsWith('revoked-')) {
        return {
          provider: 'okta',
          ...account.connection,
          auth: { method: 'api_token', token: oktaAccountToken(99, 1) },
        };
      }
      return { provider: 'okta', ...account.connection };
    },
  });
});

afterAll(async () => {
  await sync?.close();
  await database?.drop();
  await sandbox?.close();
  await failing?.close();
});

describe('runOnce, full runs', () => {
  it('reports every record created on the first run, then exactly what changed', async () => {
    await sync.addSync({ connectionId: 'account-1', resource: users, every: '15m' });
    const first = await sync.runOnce({ connectionId: 'account-1', resource: users, mode: 'full' });
    expect(first).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      created: USERS,
      updated: 0,
      deleted: 0,
    });
    expect(first.pages).toBe(3);
    const initial = await readAll('account-1');
    expect(initial.changes).toHaveLength(USERS);
    expect(new Set(initial.changes.map((change) => change.recordId)).size).toBe(USERS);
    expect(
      initial.changes.every((change) => change.type === 'created' && !('remote_data' in change.record)),
    ).toBe(true);

    const unchanged = await sync.runOnce({ connectionId: 'account-1', resource: users, mode: 'full' });
    expect(unchanged).toMatchObject({
      status: 'succeeded',
      created: 0,
      updated: 0,
      deleted: 0,
      unchanged: USERS,
    });

    const edited = sandbox
      .account(1)
      .tenant.edits.churn({ added: 3, updated: 2, deactivated: 1, deleted: 2 });
    const second = await sync.runOnce({ connectionId: 'account-1', resource: users, mode: 'full' });
    expect(second).toMatchObject({ status: 'succeeded', created: 3, updated: 3, deleted: 2 });
    const { changes } = await readAll('account-1', initial.next);
    const byType = (type: Change['type']) =>
      changes
        .filter((change) => change.type === type)
        .map((change) => change.recordId)
        .sort();
    expect(byType('created')).toEqual([...edited.added].sort());
    expect(byType('updated')).toEqual([...edited.updated, ...edited.deactivated].sort());
    expect(byType('deleted')).toEqual([...edited.deleted].sort());
    const deactivated = changes.find((change) => change.recordId === edited.deactivated[0]);
    expect(deactivated?.record.status).toBe('inactive');
    // A deletion carries the last version seen.
    const deleted = changes.find((change) => change.type === 'deleted');
    expect(deleted?.record.id).toBe(deleted?.recordId);
    expect(typeof deleted?.record.username).toBe('string');
  });

  it('keeps change ids and order stable across reads', async () => {
    const once = await readAll('account-1');
    const twice = await readAll('account-1');
    expect(twice.changes.map((change) => change.id)).toEqual(once.changes.map((change) => change.id));
    const sequences = once.changes.map((change) => Number(change.id.replace('chg_', '')));
    expect(sequences).toEqual([...sequences].sort((left, right) => left - right));
  });

  it('deletes nothing when a run fails part-way, and reports the deletion after the next complete run', async () => {
    await sync.addSync({ connectionId: 'account-2', resource: users });
    expect(await sync.runOnce({ connectionId: 'account-2', resource: users, mode: 'full' })).toMatchObject({
      status: 'succeeded',
      created: USERS,
    });
    const before = await readAll('account-2');
    const gone = sandbox.account(2).tenant.edits.churn({ deleted: 1 }).deleted[0]!;
    failing.account(2).tenant.edits.deleteUser(gone);

    current = () => failing;
    const broken = await sync.runOnce({ connectionId: 'account-2', resource: users, mode: 'full' });
    expect(broken.status).toBe('failed');
    expect(broken.error?.code).toBe('invalid_response');
    expect(broken).toMatchObject({ pages: 1, deleted: 0 });
    expect((await readAll('account-2', before.next)).changes).toEqual([]);
    const [state] = await sync.status({ connectionId: 'account-2' });
    expect(state).toMatchObject({
      consecutiveFailures: 1,
      pausedReason: null,
      error: { code: 'invalid_response' },
    });

    current = () => sandbox;
    const repaired = await sync.runOnce({ connectionId: 'account-2', resource: users, mode: 'full' });
    // The failed run's cursor belongs to the other sandbox's base URL: refused, so the pass starts over.
    expect(repaired).toMatchObject({ status: 'succeeded', deleted: 1, created: 0, updated: 0, pages: 3 });
    const after = await readAll('account-2', before.next);
    expect(after.changes.map((change) => [change.type, change.recordId])).toEqual([['deleted', gone]]);
    const [recovered] = await sync.status({ connectionId: 'account-2' });
    expect(recovered).toMatchObject({ consecutiveFailures: 0, error: null });
  });
});

describe('runOnce, incremental runs', () => {
  it('asks only for records changed since the last run, and leaves deletions to the next full run', async () => {
    await sync.addSync({ connectionId: 'account-4', resource: users, every: '15m', fullEvery: '24h' });
    expect(await sync.runOnce({ connectionId: 'account-4', resource: users })).toMatchObject({
      status: 'succeeded',
      mode: 'full',
      created: USERS,
    });
    const before = await readAll('account-4');
    const edited = sandbox
      .account(4)
      .tenant.edits.churn({ added: 1, updated: 1, deactivated: 1, deleted: 1 });

    const incremental = await sync.runOnce({ connectionId: 'account-4', resource: users });
    expect(incremental).toMatchObject({
      status: 'succeeded',
      mode: 'incremental',
      created: 1,
      updated: 2,
      deleted: 0,
    });
    // One page: only the changed users were listed, not the whole directory.
    expect(incremental.pages).toBe(1);
    expect(incremental.unchanged).toBe(0);

    const full = await sync.runOnce({ connectionId: 'account-4', resource: users, mode: 'full' });
    expect(full).toMatchObject({ status: 'succeeded', mode: 'full', created: 0, updated: 0, deleted: 1 });
    const { changes } = await readAll('account-4', before.next);
    expect(changes.map((change) => `${change.type} ${change.recordId}`).sort()).toEqual(
      [
        `created ${edited.added[0]}`,
        `updated ${edited.updated[0]}`,
        `updated ${edited.deactivated[0]}`,
        `deleted ${edited.deleted[0]}`,
      ].sort(),
    );
  });

  it('runs full when the provider declares no incremental filter for the resource', async () => {
    await sync.addSync({ connectionId: 'account-4', resource: 'user-directory/groups' });
    const first = await sync.runOnce({ connectionId: 'account-4', resource: 'user-directory/groups' });
    const second = await sync.runOnce({ connectionId: 'account-4', resource: 'user-directory/groups' });
    expect([first.mode, second.mode]).toEqual(['full', 'full']);
    expect(second).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: first.created });
  });
});

describe('failures', () => {
  it('pauses a connection whose credentials are refused, until addSync is called again', async () => {
    await sync.addSync({ connectionId: 'revoked-5', resource: users });
    const refused = await sync.runOnce({ connectionId: 'revoked-5', resource: users });
    expect(refused).toMatchObject({ status: 'failed', created: 0 });
    expect(refused.error?.code).toBe('unauthorized');
    const [paused] = await sync.status({ connectionId: 'revoked-5' });
    expect(paused).toMatchObject({ pausedReason: 'unauthorized', nextRunAt: null, consecutiveFailures: 1 });
    expect(JSON.stringify(paused)).not.toContain(oktaAccountToken(99, 1));

    await sync.addSync({ connectionId: 'revoked-5', resource: users });
    const [resumed] = await sync.status({ connectionId: 'revoked-5' });
    expect(resumed?.pausedReason).toBeNull();
    expect(Date.parse(resumed!.nextRunAt!)).toBeLessThanOrEqual(Date.now());
  });

  it('backs off exponentially after repeated failures', async () => {
    current = () => failing;
    await sync.addSync({ connectionId: 'account-6', resource: users });
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await sync.runOnce({ connectionId: 'account-6', resource: users })).status).toBe('failed');
    }
    current = () => sandbox;
    const [state] = await sync.status({ connectionId: 'account-6' });
    expect(state?.consecutiveFailures).toBe(3);
    // 1, 2, then 4 minutes.
    const wait = (Date.parse(state!.nextRunAt!) - Date.now()) / 60_000;
    expect(wait).toBeGreaterThan(3.5);
    expect(wait).toBeLessThanOrEqual(4);
  });
});

describe('bad input', () => {
  it('refuses unknown resources, bad intervals, removed syncs and foreign cursors, writing nothing', async () => {
    await expect(
      sync.addSync({ connectionId: 'account-3', resource: 'user-directory/nothing' }),
    ).rejects.toMatchObject({
      code: 'unsupported_resource',
    });
    await expect(
      sync.addSync({ connectionId: 'account-3', resource: users, every: '30s' }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
    });
    await expect(sync.addSync({ connectionId: 'account 3', resource: users })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(await sync.status({ connectionId: 'account-3' })).toEqual([]);

    await sync.addSync({ connectionId: 'account-3', resource: users });
    await sync.removeSync({ connectionId: 'account-3', resource: users });
    expect(await sync.status({ connectionId: 'account-3' })).toEqual([
      expect.objectContaining({ resource: users, removed: true, nextRunAt: null }),
    ]);
    await expect(sync.runOnce({ connectionId: 'account-3', resource: users })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(sync.removeSync({ connectionId: 'account-3', resource: users })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      sync.changes({ connectionId: 'account-1', resource: users, after: 'garbage' }),
    ).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
    const { next } = await sync.changes({ connectionId: 'account-1', resource: users, limit: 1 });
    await expect(
      sync.changes({ connectionId: 'account-2', resource: users, after: next }),
    ).rejects.toMatchObject({
      code: 'invalid_cursor',
    });
  });
});
