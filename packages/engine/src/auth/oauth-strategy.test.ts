import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  API_REQUEST,
  authMethod,
  createContext,
  createTokenServer,
  issuingTokens,
  strategyFor,
  type TokenHandler,
} from '../../test/helpers/auth-token-server.js';
import type { AuthStrategy } from './auth-strategy.js';

/** A client-credentials strategy: the token cache and 401 handling are the same for both OAuth kinds. */
function connect(handler: TokenHandler) {
  const server = createTokenServer(handler);
  const strategy = strategyFor(
    authMethod({ kind: 'oauth2_client_credentials', token_url: '/oauth2/v1/token' }),
    { client_id: 'client-1', client_secret: 'client-secret-1' },
    createContext(server.agent),
  );
  return { ...server, strategy };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('token cache', () => {
  it('reuses a token until shortly before it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { strategy, requests } = connect(issuingTokens(3600));

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });
    vi.advanceTimersByTime(3540_000 - 1);
    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });
    expect(requests).toHaveLength(1);

    // 60 s before expiry the token is renewed.
    vi.advanceTimersByTime(1);
    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-2' });
    expect(requests).toHaveLength(2);
  });

  it('renews a short-lived token at 90% of its lifetime', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { strategy, requests } = connect(issuingTokens(300));

    await strategy.headers(API_REQUEST);
    vi.advanceTimersByTime(269_999);
    await strategy.headers(API_REQUEST);
    expect(requests).toHaveLength(1);
    vi.advanceTimersByTime(1);
    await strategy.headers(API_REQUEST);
    expect(requests).toHaveLength(2);
  });

  it('makes exactly one token request for 50 concurrent calls', async () => {
    const { strategy, requests } = connect(issuingTokens());

    const all = await Promise.all(Array.from({ length: 50 }, () => strategy.headers(API_REQUEST)));

    expect(requests).toHaveLength(1);
    expect(new Set(all.map((headers) => headers.Authorization))).toEqual(new Set(['Bearer access-1']));
  });

  it('does not keep a failed token request: the next call tries again', async () => {
    const { strategy, requests } = connect((request, index) =>
      index === 0
        ? { status: 503, body: { error: 'temporarily_unavailable' } }
        : issuingTokens()(request, index),
    );

    const failures = await Promise.allSettled(Array.from({ length: 5 }, () => strategy.headers(API_REQUEST)));
    expect(failures.every((result) => result.status === 'rejected')).toBe(true);
    expect(requests).toHaveLength(1);
    expect((failures[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'token_error',
      retryable: true,
    });

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-2' });
    expect(requests).toHaveLength(2);
  });
});

describe('onUnauthorized', () => {
  const rejection = (strategy: AuthStrategy, token?: string) =>
    strategy.onUnauthorized!({
      status: 401,
      headers: {},
      body: { errorCode: 'E0000011' },
      requestHeaders: token ? { Authorization: `Bearer ${token}` } : undefined,
    });

  it('renews a rejected token once, then gives up on the renewed one', async () => {
    const { strategy, requests } = connect(issuingTokens());
    await strategy.headers(API_REQUEST);

    expect(await rejection(strategy, 'access-1')).toBe(true);
    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-2' });
    expect(await rejection(strategy, 'access-2')).toBe(false);
    expect(requests).toHaveLength(2);

    // The twice-rejected token is dropped: the next call starts with a new one.
    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-3' });
  });

  it('retries a request that carried an already replaced token without renewing again', async () => {
    const { strategy, requests } = connect(issuingTokens());
    await strategy.headers(API_REQUEST);

    expect(await rejection(strategy, 'access-1')).toBe(true);
    expect(await rejection(strategy, 'access-1')).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('renews once for concurrent rejections of the same token', async () => {
    const { strategy, requests } = connect(issuingTokens());
    await strategy.headers(API_REQUEST);

    const answers = await Promise.all(Array.from({ length: 10 }, () => rejection(strategy)));

    expect(answers.every(Boolean)).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it('ignores answers other than 401', async () => {
    const { strategy, requests } = connect(issuingTokens());
    await strategy.headers(API_REQUEST);

    expect(await strategy.onUnauthorized!({ status: 403, headers: {}, body: {} })).toBe(false);
    expect(requests).toHaveLength(1);
  });
});
