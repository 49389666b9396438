import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index.js';
import { oktaGet, workatoGet } from './helpers.js';

describe('Okta rate limits', () => {
  it('sends X-Rate-Limit headers on every response and 429 E0000047 once a family’s budget is spent', async () => {
    const sandbox = await startSandbox({
      provider: 'okta',
      users: 20,
      rateLimit: { windowMs: 1200, limits: { users: 3 } },
    });
    try {
      const remaining: string[] = [];
      for (let call = 0; call < 3; call++) {
        const response = await oktaGet(sandbox, '/api/v1/users?limit=1');
        expect(response.status).toBe(200);
        expect(response.headers.get('x-rate-limit-limit')).toBe('3');
        remaining.push(response.headers.get('x-rate-limit-remaining')!);
        await response.body?.cancel();
      }
      expect(remaining).toEqual(['2', '1', '0']);

      const limited = await oktaGet(sandbox, '/api/v1/users?limit=1');
      expect(limited.status).toBe(429);
      expect(await limited.json()).toMatchObject({
        errorCode: 'E0000047',
        errorSummary: 'API call exceeded rate limit due to too many requests.',
      });
      const reset = Number(limited.headers.get('x-rate-limit-reset'));
      expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
      // Epoch seconds, a little in the future.
      expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
      expect(reset).toBeLessThanOrEqual(Math.ceil((Date.now() + 1200) / 1000));

      // Families have their own budgets.
      expect((await oktaGet(sandbox, '/api/v1/groups')).status).toBe(200);
      await sleep(Math.max(0, reset * 1000 - Date.now()) + 50);
      expect((await oktaGet(sandbox, '/api/v1/users?limit=1')).status).toBe(200);
    } finally {
      await sandbox.close();
    }
  });

  it('refuses an unknown family and can be disabled', async () => {
    await expect(startSandbox({ provider: 'okta', rateLimit: { limits: { user: 5 } } })).rejects.toThrow(
      /Unknown rate-limit family "user"/,
    );
    const unlimited = await startSandbox({ provider: 'okta', users: 10, rateLimit: false });
    try {
      const response = await oktaGet(unlimited, '/api/v1/users');
      expect(Number(response.headers.get('x-rate-limit-remaining'))).toBeGreaterThan(1_000_000);
    } finally {
      await unlimited.close();
    }
  });
});

describe('Workato rate limits', () => {
  it('answers 429 past the budget of a family, with Retry-After only when enabled', async () => {
    for (const retryAfter of [false, true]) {
      const sandbox = await startSandbox({
        provider: 'workato',
        users: 5,
        retryAfter,
        rateLimit: { limits: { collaborators: 2 } },
      });
      try {
        expect((await workatoGet(sandbox, '/members')).status).toBe(200);
        expect((await workatoGet(sandbox, '/members')).status).toBe(200);
        const limited = await workatoGet(sandbox, '/members');
        expect(limited.status).toBe(429);
        expect(await limited.json()).toEqual({ message: 'Too many requests' });
        expect(limited.headers.get('x-rate-limit-remaining')).toBeNull();
        const header = limited.headers.get('retry-after');
        if (retryAfter) expect(Number(header)).toBeGreaterThanOrEqual(1);
        else expect(header).toBeNull();
        expect((await workatoGet(sandbox, '/users/me')).status).toBe(200);
      } finally {
        await sandbox.close();
      }
    }
  });

  it('allows 60 requests a minute per family by default', async () => {
    const sandbox = await startSandbox({ provider: 'workato', users: 3 });
    try {
      const statuses: number[] = [];
      for (let call = 0; call < 61; call++)
        statuses.push((await workatoGet(sandbox, '/environment_roles')).status);
      expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
      expect(statuses[60]).toBe(429);
    } finally {
      await sandbox.close();
    }
  });
});
