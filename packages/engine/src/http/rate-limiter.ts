import type { z } from 'zod';
import type { rateLimitSchema } from '../definition/schema-policy.js';
import { sleep } from './sleep.js';

type RateLimitPolicy = z.output<typeof rateLimitSchema>;
type Headers = Record<string, string | string[] | undefined>;

interface BucketState {
  limit: number | undefined;
  remaining: number | undefined;
  /** Epoch ms when the window resets. */
  resetAt: number | undefined;
  /** Start times of recent requests, for client-side pacing. */
  recent: number[];
}

function header(headers: Headers, name: string | undefined): string | undefined {
  if (!name) return undefined;
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

function toNumber(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}

/**
 * Rate-limit state per endpoint family, shared by every connection of an engine (limits are
 * per account, so two connections to one account share one budget). Keys are
 * `origin|family`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();

  private bucket(key: string): BucketState {
    let state = this.buckets.get(key);
    if (!state) {
      state = { limit: undefined, remaining: undefined, resetAt: undefined, recent: [] };
      this.buckets.set(key, state);
    }
    return state;
  }

  /** Milliseconds until the reported reset, from the reset header (epoch or seconds) or Retry-After. */
  resetDelay(policy: RateLimitPolicy, headers: Headers, localNow = Date.now()): number | undefined {
    // Epoch times are the server's: measured against its own Date header when it sends one, a
    // client clock running ahead or behind neither skips the wait nor overshoots the cap.
    const serverDate = Date.parse(header(headers, 'date') ?? '');
    const now = Number.isNaN(serverDate) ? localNow : serverDate;
    const retryAfter = header(headers, policy.headers?.retry_after ?? 'Retry-After');
    if (retryAfter !== undefined) {
      const seconds = toNumber(retryAfter);
      if (seconds !== undefined) return Math.max(0, seconds * 1000);
      const date = Date.parse(retryAfter);
      if (!Number.isNaN(date)) return Math.max(0, date - now);
    }
    const reset = toNumber(header(headers, policy.headers?.reset));
    if (reset === undefined) return undefined;
    switch (policy.headers?.reset_format) {
      case 'seconds':
        return Math.max(0, reset * 1000);
      case 'epoch_millis':
        return Math.max(0, reset - now);
      default:
        return Math.max(0, reset * 1000 - now);
    }
  }

  /** Records what a response said about the budget. */
  update(key: string, policy: RateLimitPolicy, headers: Headers, now = Date.now()): void {
    const state = this.bucket(key);
    const remaining = toNumber(header(headers, policy.headers?.remaining));
    const limit = toNumber(header(headers, policy.headers?.limit));
    const delay = this.resetDelay(
      { ...policy, headers: policy.headers && { ...policy.headers, retry_after: '' } },
      headers,
      now,
    );
    if (remaining !== undefined) state.remaining = remaining;
    if (limit !== undefined) state.limit = limit;
    if (delay !== undefined) state.resetAt = now + delay;
  }

  /**
   * Waits, when needed, before a request: while the reported budget is below the headroom
   * (until the reset, at most `max_wait_seconds`), and to keep client-side pacing.
   */
  async acquire(key: string, policy: RateLimitPolicy): Promise<void> {
    const state = this.bucket(key);
    const now = Date.now();
    let wait = 0;
    if (state.remaining !== undefined && state.resetAt !== undefined && state.resetAt > now) {
      const fraction = policy.headroom?.fraction ?? 0;
      const floor = Math.max(policy.headroom?.remaining_below ?? 0, Math.ceil((state.limit ?? 0) * fraction));
      if (state.remaining <= floor) {
        // Every request waits for the reset, not only the first: concurrent calls would
        // otherwise spend the headroom left for the customer's other integrations.
        wait = Math.min(state.resetAt - now, policy.max_wait_seconds * 1000);
      } else {
        state.remaining -= 1;
      }
    }
    if (policy.budget) {
      const windowMs = policy.budget.per_seconds * 1000;
      const start = now + wait;
      state.recent = state.recent.filter((time) => time > start - windowMs);
      if (state.recent.length >= policy.budget.requests) {
        const oldest = state.recent[state.recent.length - policy.budget.requests]!;
        wait = Math.max(wait, oldest + windowMs - now);
      }
      state.recent.push(now + wait);
    }
    await sleep(wait);
  }
}
