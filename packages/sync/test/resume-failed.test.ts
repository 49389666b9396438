import { createEngine } from '@org/engine';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSync, type Sync } from '../src/index.js';
import { createTestDatabase } from './test-database.js';

const USERS = 250;
const users = 'user-directory/users';
let sandbox: OktaSandbox;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let sync: Sync;
/**
 * When set, says what happens to a listing request: `missing` sends it to a path the sandbox
 * answers with 404 (not retried), `refused` to a closed port (a network error, retried).
 */
let fault: ((path: string) => 'missing' | 'refused' | false) | undefined;
const listed: string[] = [];

/** Every request of the engine, with `fault` applied. */
const faultyAgent = new Agent().compose((dispatch) => (options, handler) => {
  if (options.path.startsWith('/api/v1/users')) listed.push(options.path);
  const kind = fault?.(options.path);
  if (kind === 'missing') return dispatch({ ...options, path: '/api/v1/injected-fault' }, handler);
  if (kind === 'refused') return dispatch({ ...options, origin: 'http://127.0.0.1:1' }, handler);
  return dispatch(options, handler);
});

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: USERS, seed: 5, rateLimit: false });
  database = await createTestDatabase();
  sync = await createSync({
    engine: createEngine({
      cursorSecret: 'test-cursor-secret-0123456789',
      dispatcher: faultyAgent,
      onWarning: () => undefined,
    }),
    database: database.url,
    pageSize: 100,
    resolveConnection: (connectionId) => ({
      provider: 'okta',
      ...sandbox.account(Number(connectionId.split('-')[1])).connection,
    }),
  });
});

afterAll(async () => {
  await sync?.close();
  await database?.drop();
  await sandbox?.close();
  await faultyAgent.close();
});

describe('a failed run', () => {
  it('is continued from the cursor its error carried, and deletions wait for the complete pass', async () => {
    await sync.addSync({ connectionId: 'account-1', resource: users });
    expect(await sync.runOnce({ connectionId: 'account-1', resource: users, mode: 'full' })).toMatchObject({
      status: 'succeeded',
      created: USERS,
      pages: 3,
    });
    const before = await sync.changes({ connectionId: 'account-1', resource: users, limit: 1000 });
    const edited = sandbox.account(1).tenant.edits.churn({ deleted: 1, updated: 1 });

    // The third page's request fails: two pages are in, the listing is not complete.
    let pageRequests = 0;
    fault = () => ++pageRequests === 3 && 'missing';
    const failed = await sync.runOnce({ connectionId: 'account-1', resource: users, mode: 'full' });
    expect(failed).toMatchObject({ status: 'failed', pages: 2, deleted: 0 });
    expect(failed.error?.code).toEqual(expect.any(String));
    const afterFailure = await sync.changes({
      connectionId: 'account-1',
      resource: users,
      after: before.next,
    });
    expect(afterFailure.changes.filter((change) => change.type === 'deleted')).toEqual([]);

    fault = undefined;
    listed.length = 0;
    const continued = await sync.runOnce({ connectionId: 'account-1', resource: users });
    // Only the page that failed is listed again, not the whole directory.
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('after=');
    expect(continued).toMatchObject({ status: 'succeeded', mode: 'full', pages: 1, deleted: 1 });
    const { changes } = await sync.changes({
      connectionId: 'account-1',
      resource: users,
      after: before.next,
    });
    expect(changes.filter((change) => change.type === 'deleted').map((change) => change.recordId)).toEqual(
      edited.deleted,
    );
    // The user updated was seen once across the two runs of the pass, on one page or the other.
    expect(changes.filter((change) => change.type === 'updated').map((change) => change.recordId)).toEqual(
      edited.updated,
    );
  });

  it('that failed on its first page starts the next run over', async () => {
    await sync.addSync({ connectionId: 'account-2', resource: users });
    fault = (path) => !path.includes('after=') && 'missing';
    const failed = await sync.runOnce({ connectionId: 'account-2', resource: users, mode: 'full' });
    expect(failed).toMatchObject({ status: 'failed', pages: 0 });
    fault = undefined;
    expect(await sync.runOnce({ connectionId: 'account-2', resource: users })).toMatchObject({
      status: 'succeeded',
      created: USERS,
      pages: 3,
    });
  });
});

describe('run counts', () => {
  it('requests counts the HTTP requests behind the pages, retries included', async () => {
    await sync.addSync({ connectionId: 'account-3', resource: users });
    let requests = 0;
    fault = () => ++requests === 1 && 'refused';
    listed.length = 0;
    const run = await sync.runOnce({ connectionId: 'account-3', resource: users, mode: 'full' });
    fault = undefined;
    expect(run).toMatchObject({ status: 'succeeded', pages: 3, requests: 4 });
    expect(listed).toHaveLength(4);
  });
});
