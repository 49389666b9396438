import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { setupListing } from '../../test/helpers/listing.js';
import { nextLink } from '../../test/helpers/mock-routes.js';
import { TEST_ORIGIN } from '../../test/helpers/test-engine.js';

function user(id: number) {
  return { id, name: `User ${id}`, state: 'on' };
}

/** Aborts after `milliseconds` and measures how long the call took to give up after that. */
async function abortAfter(milliseconds: number, call: (signal: AbortSignal) => Promise<unknown>) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), milliseconds);
  const started = Date.now();
  const error = await engineError(call(controller.signal));
  return { error, lateByMs: Date.now() - started - milliseconds };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('AbortSignal', () => {
  it('list: stops a request waiting for its response, within a second, with aborted', async () => {
    const { routes, connection } = setupListing();
    routes.on('/users?limit=3', { body: [user(1)] }, { delayMs: 20_000 });
    const { error, lateByMs } = await abortAfter(50, (signal) =>
      connection.list('user-directory', 'users', { signal }),
    );
    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
    expect(error.cursor).toBeNull();
    expect(lateByMs).toBeLessThan(1_000);
  });

  it('get: stops a rate-limit wait', async () => {
    const { routes, connection } = setupListing();
    routes.on('/users/1', { status: 429, headers: { 'Retry-After': '50' }, body: {} });
    const { error, lateByMs } = await abortAfter(50, (signal) =>
      connection.get('user-directory', 'users', '1', { signal }),
    );
    expect(error.code).toBe('aborted');
    expect(lateByMs).toBeLessThan(1_000);
    expect(routes.seen).toHaveLength(1);
  });

  it('proxy: a signal already fired sends nothing', async () => {
    const { routes, connection } = setupListing();
    const error = await engineError(connection.proxy({ path: '/users', signal: AbortSignal.abort() }));
    expect(error.code).toBe('aborted');
    expect(routes.seen).toHaveLength(0);
  });

  it('token requests: stops a client-credentials token request', async () => {
    const { engine, routes } = setupListing();
    routes.on(
      '/oauth/token',
      { body: { access_token: 't', expires_in: 3600 } },
      { method: 'POST', delayMs: 20_000 },
    );
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'client_credentials', client_id: 'id', client_secret: 'client-secret-1' },
    });
    const { error, lateByMs } = await abortAfter(50, (signal) =>
      connection.get('user-directory', 'users', '1', { signal }),
    );
    expect(error.code).toBe('aborted');
    expect(lateByMs).toBeLessThan(1_000);
  });

  it('iterate: stops between pages with aborted and the cursor of the page it was reading', async () => {
    const { routes, connection } = setupListing();
    routes.on('/users?limit=3', {
      body: [user(1), user(2), user(3)],
      headers: { link: nextLink(`${TEST_ORIGIN}/users?limit=3&after=3`) },
    });
    routes.on('/users?limit=3&after=3', { body: [user(4)] }, { delayMs: 20_000 });
    const ids: string[] = [];
    const { error, lateByMs } = await abortAfter(100, async (signal) => {
      for await (const record of connection.iterate('user-directory', 'users', { signal }))
        ids.push(record.id);
    });
    expect(error.code).toBe('aborted');
    expect(lateByMs).toBeLessThan(1_000);
    expect(ids).toEqual(['1', '2', '3']);
    expect(error.cursor).toEqual(expect.any(String));
  });

  it('leaving a for await early cancels the read-ahead and its rate-limit wait: no timer is left', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { routes, connection } = setupListing();
    routes.on('/users?limit=3', {
      body: [user(1), user(2), user(3)],
      headers: { link: nextLink(`${TEST_ORIGIN}/users?limit=3&after=3`) },
    });
    routes.on('/users?limit=3&after=3', { status: 429, headers: { 'Retry-After': '50' }, body: {} });
    const iterator = connection.iterate('user-directory', 'users')[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe('1');
    // Let the read-ahead meet its 429 and start waiting.
    await vi.advanceTimersByTimeAsync(10);
    expect(routes.seen).toHaveLength(2);
    expect(vi.getTimerCount()).toBeGreaterThan(0);
    await iterator.return?.(undefined);
    await vi.advanceTimersByTimeAsync(0);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(routes.seen).toHaveLength(2);
  });
});
