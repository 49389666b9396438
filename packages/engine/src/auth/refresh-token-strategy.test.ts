import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  API_REQUEST,
  authMethod,
  createContext,
  createTokenServer,
  issuingTokens,
  strategyFor,
  type TokenHandler,
} from '../../test/helpers/auth-token-server.js';
import type { AuthContext, RefreshedTokens } from './auth-strategy.js';

const START = Date.UTC(2026, 0, 1);
const REFRESH_TOKEN = 'refresh-original-7Qp';
const CLIENT_SECRET = 'client-secret-k2V';

/** Issues `access-N` and rotates the refresh token to `refresh-N`. */
const rotating: TokenHandler = (request, index) =>
  issuingTokens(3600, { refresh_token: `refresh-${index + 1}` })(request, index);

function connect(
  handler: TokenHandler,
  credentials: Record<string, string> = {},
  input: Record<string, unknown> = {},
  contextOverrides: Partial<AuthContext> = {},
) {
  const server = createTokenServer(handler);
  const refreshed: RefreshedTokens[] = [];
  const strategy = strategyFor(
    authMethod({ kind: 'oauth2_refresh', token_url: '/oauth2/v1/token', ...input }),
    { refresh_token: REFRESH_TOKEN, client_id: 'client-1', client_secret: CLIENT_SECRET, ...credentials },
    createContext(
      server.agent,
      {},
      { onTokenRefresh: (tokens) => void refreshed.push(tokens), ...contextOverrides },
    ),
  );
  return { ...server, strategy, refreshed };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(START);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('saved access token', () => {
  it('is used until expires_at (epoch ms), then refreshed', async () => {
    const { strategy, requests, refreshed } = connect(rotating, {
      access_token: 'access-saved',
      expires_at: String(START + 3600_000),
    });

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-saved' });
    vi.advanceTimersByTime(3540_000);
    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });

    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(requests[0]!.form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
    });
    expect(requests[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from(`client-1:${CLIENT_SECRET}`).toString('base64')}`,
    );
    expect(refreshed).toEqual([
      {
        access_token: 'access-1',
        refresh_token: 'refresh-1',
        expires_at: START + 3540_000 + 3600_000,
        token_type: 'Bearer',
        scope: undefined,
      },
    ]);
  });

  it('reads an ISO expires_at and refreshes at once when it has passed', async () => {
    const { strategy, requests } = connect(rotating, {
      access_token: 'access-saved',
      expires_at: new Date(START - 1000).toISOString(),
    });

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });
    expect(requests).toHaveLength(1);
  });

  it('refreshes on the first call when no access token was saved', async () => {
    const { strategy, requests } = connect(rotating);

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });
    expect(requests).toHaveLength(1);
  });
});

describe('refresh', () => {
  it('keeps the rotated refresh token for the next refresh', async () => {
    const { strategy, requests, refreshed } = connect(rotating);

    await strategy.headers(API_REQUEST);
    vi.advanceTimersByTime(3600_000);
    await strategy.headers(API_REQUEST);

    expect(requests.map((request) => request.form.get('refresh_token'))).toEqual([
      REFRESH_TOKEN,
      'refresh-1',
    ]);
    expect(refreshed.map((tokens) => tokens.refresh_token)).toEqual(['refresh-1', 'refresh-2']);
    expect(strategy.secrets()).toEqual(
      expect.arrayContaining([CLIENT_SECRET, REFRESH_TOKEN, 'refresh-2', 'access-2']),
    );
  });

  it('keeps the refresh token when the server does not rotate it', async () => {
    const { strategy, refreshed } = connect(issuingTokens());

    await strategy.headers(API_REQUEST);
    expect(refreshed[0]?.refresh_token).toBe(REFRESH_TOKEN);
  });

  it('refreshes once for 50 concurrent calls on an expired token', async () => {
    const { strategy, requests, refreshed } = connect(rotating, {
      access_token: 'old',
      expires_at: String(START),
    });

    const all = await Promise.all(Array.from({ length: 50 }, () => strategy.headers(API_REQUEST)));

    expect(requests).toHaveLength(1);
    expect(refreshed).toHaveLength(1);
    expect(all.every((headers) => headers.Authorization === 'Bearer access-1')).toBe(true);
  });

  it('sends the client id in the body of a public client', async () => {
    const { agent, requests } = createTokenServer(rotating);
    const strategy = strategyFor(
      authMethod({ kind: 'oauth2_refresh', token_url: '/oauth2/v1/token', client_authentication: 'none' }),
      { refresh_token: REFRESH_TOKEN, client_id: 'client-1' },
      createContext(agent),
    );

    await strategy.headers(API_REQUEST);
    expect(Object.fromEntries(requests[0]!.form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH_TOKEN,
      client_id: 'client-1',
    });
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('turns a rejected refresh token into token_error without quoting it', async () => {
    const { strategy } = connect(() => ({
      status: 400,
      body: {
        error: 'invalid_grant',
        error_description: `The refresh token ${REFRESH_TOKEN} is invalid or expired.`,
      },
    }));

    const error = await strategy.headers(API_REQUEST).then(
      () => undefined,
      (reason: unknown) => reason as Error & { code: string; providerCode: string },
    );
    expect(error).toMatchObject({ code: 'token_error', status: 400, providerCode: 'invalid_grant' });
    expect(error?.message).toContain('invalid_grant: The refresh token [redacted] is invalid or expired.');
    expect(error?.message).not.toContain(REFRESH_TOKEN);
  });
});

describe('onUnauthorized', () => {
  it('refreshes on a 401, reports the rotated tokens, and does not refresh the new token again', async () => {
    const { strategy, requests, refreshed } = connect(rotating, {
      access_token: 'access-saved',
      expires_at: String(START + 3600_000),
    });
    await strategy.headers(API_REQUEST);

    const challenge = { status: 401, headers: {}, body: {} };
    expect(
      await strategy.onUnauthorized!({
        ...challenge,
        requestHeaders: { authorization: 'Bearer access-saved' },
      }),
    ).toBe(true);
    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });
    expect(refreshed.map((tokens) => tokens.refresh_token)).toEqual(['refresh-1']);

    expect(
      await strategy.onUnauthorized!({ ...challenge, requestHeaders: { authorization: 'Bearer access-1' } }),
    ).toBe(false);
    expect(requests).toHaveLength(1);
  });
});

describe('onTokenRefresh', () => {
  it('is awaited before the token is used', async () => {
    const events: string[] = [];
    const { strategy } = connect(
      rotating,
      {},
      {},
      {
        onTokenRefresh: async () => {
          await new Promise((resolve) => setImmediate(resolve));
          events.push('saved');
        },
      },
    );

    await strategy.headers(API_REQUEST);
    events.push('used');
    expect(events).toEqual(['saved', 'used']);
  });

  it('failing becomes token_error; the next call refreshes again with the rotated refresh token', async () => {
    let failures = 1;
    const saved: RefreshedTokens[] = [];
    const { strategy, requests } = connect(
      rotating,
      {},
      {},
      {
        onTokenRefresh: (tokens) => {
          if (failures-- > 0) throw new Error('database is down');
          saved.push(tokens);
        },
      },
    );

    const error = await strategy.headers(API_REQUEST).catch((reason: unknown) => reason as Error);
    expect(error).toMatchObject({ code: 'token_error', operation: 'auth' });
    expect((error as Error).cause).toEqual(new Error('database is down'));

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-2' });
    expect(requests.map((request) => request.form.get('refresh_token'))).toEqual([
      REFRESH_TOKEN,
      'refresh-1',
    ]);
    expect(saved.map((tokens) => tokens.refresh_token)).toEqual(['refresh-2']);
  });
});
