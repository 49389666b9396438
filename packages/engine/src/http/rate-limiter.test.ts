import { describe, expect, it } from 'vitest';
import { rateLimitSchema } from '../definition/schema-policy.js';
import { RateLimiter } from './rate-limiter.js';

const policy = rateLimitSchema.parse({
  headers: { limit: 'X-Rate-Limit-Limit', remaining: 'X-Rate-Limit-Remaining', reset: 'X-Rate-Limit-Reset' },
});

describe('reset times', () => {
  const serverNow = Date.parse('2026-11-01T12:00:00.000Z');
  const headers = {
    date: new Date(serverNow).toUTCString(),
    'x-rate-limit-reset': String(serverNow / 1000 + 30),
  };

  it('are measured against the server Date header, whatever the local clock says', () => {
    const limiter = new RateLimiter();
    // The local clock runs five minutes ahead of the server: still 30 s to wait, not none.
    expect(limiter.resetDelay(policy, headers, serverNow + 300_000)).toBe(30_000);
    // Five minutes behind: still 30 s, not five and a half minutes.
    expect(limiter.resetDelay(policy, headers, serverNow - 300_000)).toBe(30_000);
  });

  it('fall back to the local clock without a Date header', () => {
    const limiter = new RateLimiter();
    const { date: _date, ...withoutDate } = headers;
    expect(limiter.resetDelay(policy, withoutDate, serverNow + 10_000)).toBe(20_000);
  });
});
