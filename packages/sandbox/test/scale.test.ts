import { describe, expect, it } from 'vitest';
import { type OktaUser, startSandbox } from '../src/index.js';
import { linkOf, oktaGet } from './helpers.js';

describe('a million users', () => {
  it('serves the first and the last page quickly without holding the users in memory', async () => {
    globalThis.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const sandbox = await startSandbox({ provider: 'okta', users: 1_000_000, seed: 99, rateLimit: false });
    try {
      let started = performance.now();
      const first = await oktaGet(sandbox, '/api/v1/users?search=status%20pr');
      const firstPage = (await first.json()) as OktaUser[];
      const firstDuration = performance.now() - started;
      expect(firstPage).toHaveLength(200);
      expect(linkOf(first.headers.get('link'), 'next')).toContain('after=');

      // The cursor is the id of the last user of the previous page, as on Okta.
      const after = sandbox.tenant.users.ids.encode(999_849);
      started = performance.now();
      const last = await oktaGet(sandbox, `/api/v1/users?search=status%20pr&after=${after}`);
      const lastPage = (await last.json()) as OktaUser[];
      const lastDuration = performance.now() - started;
      expect(lastPage).toHaveLength(150);
      expect(lastPage.at(-1)!.id).toBe(sandbox.tenant.users.ids.encode(999_999));
      expect(linkOf(last.headers.get('link'), 'next')).toBeUndefined();

      const byId = await oktaGet(sandbox, `/api/v1/users/${sandbox.tenant.users.ids.encode(777_777)}`);
      expect(byId.status).toBe(200);

      // Generous bounds: a page is built in milliseconds; these only catch a full scan or a leak.
      expect(firstDuration).toBeLessThan(2000);
      expect(lastDuration).toBeLessThan(2000);
      const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
      expect(heapGrowth).toBeLessThan(100 * 1024 * 1024);
    } finally {
      await sandbox.close();
    }
  });
});
