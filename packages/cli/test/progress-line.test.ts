import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine } from '../src/progress-line.js';
import { RunContext } from '../src/run-context.js';

describe('the progress line', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const progressLine = () =>
    new ProgressLine(new RunContext({ stdout: { write: () => true }, stderr: { write: () => true } }));
  const response = (status: number, rateLimit: Record<string, string>) => ({
    method: 'GET',
    origin: 'https://acme.example.com',
    path: '/users',
    status,
    milliseconds: 5,
    rateLimit,
    headers: rateLimit,
  });

  it('counts records, pages and requests, and shows the elapsed time', () => {
    const line = progressLine();
    line.requestStarted();
    line.requestEnded(response(200, { 'x-rate-limit-remaining': '10' }));
    line.records = 1;
    line.pages = 1;
    vi.advanceTimersByTime(75_000);
    expect(line.text()).toBe('1 record | 1 page | 1 request | 1m15s elapsed');
  });

  it('shows the rate-limit wait with the seconds left, from Retry-After or a reset time', () => {
    const line = progressLine();
    line.requestStarted();
    line.requestEnded(response(429, { 'retry-after': '30' }));
    expect(line.text()).toContain('| rate-limit wait 30s left |');
    vi.advanceTimersByTime(12_000);
    expect(line.text()).toContain('| rate-limit wait 18s left |');
    // The next request ends the wait.
    line.requestStarted();
    expect(line.text()).not.toContain('rate-limit wait');
    // A budget at zero waits until the reset, given in epoch seconds.
    const reset = String(Date.now() / 1000 + 45);
    line.requestEnded(response(200, { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset }));
    expect(line.text()).toContain('| rate-limit wait 45s left |');
    vi.advanceTimersByTime(46_000);
    expect(line.text()).not.toContain('rate-limit wait');
  });
});
