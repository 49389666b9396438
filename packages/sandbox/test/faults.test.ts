import { describe, expect, it } from 'vitest';
import { type SandboxFaults, type SandboxOptions, startSandbox } from '../src/index.js';
import { linkOf, oktaGet, workatoGet } from './helpers.js';

async function withOkta<T>(
  faults: SandboxFaults,
  run: (sandbox: Awaited<ReturnType<typeof startOkta>>) => Promise<T>,
) {
  const sandbox = await startOkta({ faults });
  try {
    return await run(sandbox);
  } finally {
    await sandbox.close();
  }
}

function startOkta(options: Omit<SandboxOptions, 'provider'> = {}) {
  return startSandbox({ users: 120, seed: 21, rateLimit: false, ...options, provider: 'okta' });
}

/** The status of each of `count` requests, or `reset` when the connection was dropped. */
async function statuses(
  sandbox: Awaited<ReturnType<typeof startOkta>>,
  count: number,
): Promise<(number | 'reset')[]> {
  const results: (number | 'reset')[] = [];
  for (let call = 0; call < count; call++) {
    try {
      const response = await oktaGet(sandbox, '/api/v1/org');
      await response.arrayBuffer();
      results.push(response.status);
    } catch {
      results.push('reset');
    }
  }
  return results;
}

describe('fault injection', () => {
  it('answers a share of requests with 500 (Okta JSON) or 502/503 (HTML from a gateway)', async () => {
    await withOkta({ serverErrorRate: 1 }, async (sandbox) => {
      const seen = new Map<number, string>();
      for (let call = 0; call < 30; call++) {
        const response = await oktaGet(sandbox, '/api/v1/org');
        seen.set(response.status, response.headers.get('content-type') ?? '');
        if (response.status === 500)
          expect(((await response.json()) as { errorCode: string }).errorCode).toBe('E0000009');
        else await response.text();
      }
      expect([...seen.keys()].sort()).toEqual([500, 502, 503]);
      expect(seen.get(503)).toBe('text/html');
    });
    await withOkta({ serverErrorRate: 0.3 }, async (sandbox) => {
      const results = await statuses(sandbox, 100);
      const failures = results.filter((status) => status !== 200).length;
      expect(failures).toBeGreaterThan(15);
      expect(failures).toBeLessThan(45);
    });
  });

  it('resets connections before any response', async () => {
    await withOkta({ resetRate: 1 }, async (sandbox) => {
      await expect(oktaGet(sandbox, '/api/v1/org')).rejects.toThrow(TypeError);
    });
  });

  it('injects bursts of 429 responses with Okta’s rate-limit headers', async () => {
    await withOkta({ rateLimitBurst: 3 }, async (sandbox) => {
      const results: number[] = [];
      for (let call = 0; call < 110; call++) {
        const response = await oktaGet(sandbox, '/api/v1/org');
        await response.arrayBuffer();
        results.push(response.status);
        if (response.status === 429) {
          expect(response.headers.get('x-rate-limit-remaining')).toBe('0');
          expect(Number(response.headers.get('x-rate-limit-reset'))).toBeGreaterThanOrEqual(
            Math.floor(Date.now() / 1000),
          );
        }
      }
      const first = results.indexOf(429);
      expect(first).toBeGreaterThanOrEqual(1);
      expect(first).toBeLessThanOrEqual(5);
      expect(results.slice(first, first + 4)).toEqual([429, 429, 429, 200]);
      expect(results.slice(first + 100, first + 103)).toEqual([429, 429, 429]);
      expect(results.filter((status) => status === 429)).toHaveLength(6);
    });
  });

  it('delays responses', async () => {
    await withOkta({ latencyMs: [150, 200] }, async (sandbox) => {
      const started = performance.now();
      expect((await oktaGet(sandbox, '/api/v1/org')).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    });
  });

  it('breaks the JSON of a given page of every listing, on every attempt', async () => {
    await withOkta({ malformedPage: 2 }, async (sandbox) => {
      const first = await oktaGet(sandbox, '/api/v1/users?limit=50');
      expect(Array.isArray(await first.json())).toBe(true);
      const second = linkOf(first.headers.get('link'), 'next')!;
      for (let attempt = 0; attempt < 2; attempt++) {
        const response = await oktaGet(sandbox, second);
        expect(response.status).toBe(200);
        await expect(response.json()).rejects.toThrow(SyntaxError);
      }
    });
    const workato = await startSandbox({ provider: 'workato', users: 40, faults: { malformedPage: 2 } });
    try {
      expect(
        JSON.parse(await (await workatoGet(workato, '/user_groups?page[size]=2')).text()).data,
      ).toHaveLength(2);
      const broken = await (await workatoGet(workato, '/user_groups?page[number]=2&page[size]=2')).text();
      expect(() => JSON.parse(broken)).toThrow(SyntaxError);
    } finally {
      await workato.close();
    }
  });

  it('hands out a next link that repeats the current page', async () => {
    await withOkta({ repeatedCursor: 2 }, async (sandbox) => {
      const first = await oktaGet(sandbox, '/api/v1/users?limit=20');
      const second = linkOf(first.headers.get('link'), 'next')!;
      const response = await oktaGet(sandbox, second);
      expect(linkOf(response.headers.get('link'), 'self')).toBe(second);
      expect(linkOf(response.headers.get('link'), 'next')).toBe(second);
    });
  });

  it('is deterministic: the same seed meets the same faults in the same order', async () => {
    const faults = { serverErrorRate: 0.2, resetRate: 0.1, rateLimitBurst: 2 };
    const runs = await Promise.all(
      [21, 21, 22].map(async (seed) => {
        const sandbox = await startOkta({ seed, faults });
        try {
          return await statuses(sandbox, 60);
        } finally {
          await sandbox.close();
        }
      }),
    );
    expect(runs[0]).toEqual(runs[1]);
    expect(runs[0]).not.toEqual(runs[2]);
    expect(runs[0]).toContain('reset');
  });

  it('refuses impossible fault settings before listening', async () => {
    await expect(startOkta({ faults: { serverErrorRate: 2 } })).rejects.toThrow(/between 0 and 1/);
    await expect(startOkta({ faults: { malformedPage: 1.5 } })).rejects.toThrow(/whole number/);
  });
});
