import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSandbox, startSandbox } from '../../src/index.js';
import { everyRecord, servedResources, strictEngine } from './engine-helpers.js';

/**
 * The built-in Okta definition, through the public API, against the Okta sandbox: every unified
 * resource lists exactly the seeded records, with unique ids, each valid against its schema
 * (strict validation throws on the first violation).
 */
let sandbox: OktaSandbox;
const { engine, warnings } = strictEngine();

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 450, seed: 7 });
});
afterAll(() => sandbox.close());

describe('okta end to end', () => {
  const resources = servedResources(engine, 'okta');

  it('serves the ten unified resources and me', () => {
    expect(resources.sort()).toEqual(
      [
        'hris/companies',
        'hris/employees',
        'hris/groups',
        'hris/locations',
        'sso/app-users',
        'sso/apps',
        'user-directory/activities',
        'user-directory/groups',
        'user-directory/me',
        'user-directory/roles',
        'user-directory/users',
      ].sort(),
    );
  });

  it.each(resources)('%s lists the seeded total with unique ids', async (key) => {
    const records = await everyRecord(engine.connect('okta', sandbox.connection), key);
    expect(records.length).toBe(sandbox.expected[key]);
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    expect(records.every((record) => record.remote_data !== undefined)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('get returns the listed record for every resource', async () => {
    const connection = engine.connect('okta', sandbox.connection);
    for (const key of resources.filter((item) => !item.endsWith('/me'))) {
      const [model, resource] = key.split('/') as [string, string];
      const [first] = await everyRecord(connection, key);
      const fetched = await (
        connection as unknown as { get: (m: string, r: string, id: string) => Promise<unknown> }
      ).get(model, resource, String(first!.id));
      expect(fetched, key).toMatchObject({ id: first!.id });
    }
  });

  it('the status filter partitions the users exactly', async () => {
    const connection = engine.connect('okta', sandbox.connection);
    let total = 0;
    for (const status of ['active', 'invited', 'suspended', 'inactive']) {
      const users = await everyRecord(connection, 'user-directory/users', { filter: { status } });
      expect(users.every((user) => user.status === status)).toBe(true);
      total += users.length;
    }
    expect(total).toBe(sandbox.expected['user-directory/users']);
  });

  it('lists the same through the OAuth service app with DPoP required', async () => {
    const dpopSandbox = await startSandbox({ provider: 'okta', users: 120, seed: 11, dpop: true });
    try {
      const connection = engine.connect('okta', dpopSandbox.serviceAppConnection!);
      for (const key of ['user-directory/users', 'sso/apps', 'user-directory/groups']) {
        expect((await everyRecord(connection, key)).length).toBe(dpopSandbox.expected[key]);
      }
    } finally {
      await dpopSandbox.close();
    }
  });

  it('loses nothing under server errors, connection resets and 429 bursts', async () => {
    const faulty = await startSandbox({
      provider: 'okta',
      users: 300,
      seed: 5,
      faults: { serverErrorRate: 0.08, resetRate: 0.04, rateLimitBurst: 2 },
    });
    try {
      const connection = engine.connect('okta', faulty.connection);
      for (const key of ['user-directory/users', 'sso/app-users']) {
        const records = await everyRecord(connection, key);
        expect(records.length).toBe(faulty.expected[key]);
        expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
      }
    } finally {
      await faulty.close();
    }
  });

  it('fails cleanly with invalid_response on a malformed page', async () => {
    const broken = await startSandbox({
      provider: 'okta',
      users: 500,
      seed: 5,
      faults: { malformedPage: 2 },
    });
    try {
      await expect(
        everyRecord(engine.connect('okta', broken.connection), 'user-directory/users'),
      ).rejects.toMatchObject({
        code: 'invalid_response',
      });
    } finally {
      await broken.close();
    }
  });
});
