import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, type JWTPayload, jwtVerify } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  API_REQUEST,
  authMethod,
  createContext,
  createTokenServer,
  ORIGIN,
  strategyFor,
  TOKEN_URL,
  type TokenHandler,
} from '../../test/helpers/auth-token-server.js';

const NONCE_REQUIRED = {
  status: 400,
  body: { error: 'use_dpop_nonce', error_description: 'Authorization server requires nonce in DPoP proof.' },
  headers: { 'DPoP-Nonce': 'server-nonce-1' },
};
const DPOP_TOKEN = { token_type: 'DPoP', access_token: 'dpop-access-1', expires_in: 3600 };

/** Verifies a DPoP proof with the key in its own header and returns its claims and key thumbprint. */
async function readProof(proof: string | undefined) {
  expect(proof).toBeDefined();
  const { payload, protectedHeader } = await jwtVerify(proof!, EmbeddedJWK, { typ: 'dpop+jwt' });
  expect(protectedHeader.alg).toBe('ES256');
  expect(protectedHeader.jwk).toBeDefined();
  expect(protectedHeader.jwk).not.toHaveProperty('d');
  return {
    claims: payload as JWTPayload & Record<string, unknown>,
    thumbprint: await calculateJwkThumbprint(protectedHeader.jwk!),
  };
}

function connect(
  handler: TokenHandler,
  dpop: string,
  kind: 'oauth2_client_credentials' | 'oauth2_refresh' = 'oauth2_client_credentials',
  credentials: Record<string, string> = { client_id: 'client-1', client_secret: 'secret-1' },
) {
  const server = createTokenServer(handler);
  const strategy = strategyFor(
    authMethod({ kind, token_url: '/oauth2/v1/token', dpop }),
    credentials,
    createContext(server.agent),
  );
  return { ...server, strategy };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('DPoP required', () => {
  it('sends a proof, answers the nonce challenge once, then binds API calls to the token', async () => {
    const { strategy, requests } = connect(
      (_request, index) => (index === 0 ? NONCE_REQUIRED : { body: DPOP_TOKEN }),
      'required',
    );

    const headers = await strategy.headers(API_REQUEST);

    expect(requests).toHaveLength(2);
    const first = await readProof(requests[0]!.headers.dpop);
    const second = await readProof(requests[1]!.headers.dpop);
    expect(first.claims).toMatchObject({ htm: 'POST', htu: TOKEN_URL });
    expect(first.claims.nonce).toBeUndefined();
    expect(second.claims).toMatchObject({ htm: 'POST', htu: TOKEN_URL, nonce: 'server-nonce-1' });
    expect(second.claims.jti).not.toBe(first.claims.jti);

    expect(headers.Authorization).toBe('DPoP dpop-access-1');
    const api = await readProof(headers.DPoP);
    expect(api.claims).toMatchObject({
      htm: 'GET',
      htu: `${ORIGIN}/api/v1/users`,
      ath: createHash('sha256').update('dpop-access-1').digest('base64url'),
    });
    expect(api.claims.nonce).toBeUndefined();
    expect(typeof api.claims.iat).toBe('number');
    // One key pair for the whole strategy: the token is bound to the key that signs API proofs.
    expect(new Set([first.thumbprint, second.thumbprint, api.thumbprint]).size).toBe(1);
  });

  it('makes a new proof for every API call', async () => {
    const { strategy } = connect(() => ({ body: DPOP_TOKEN }), 'required');

    const first = await readProof((await strategy.headers(API_REQUEST)).DPoP);
    const second = await readProof(
      (await strategy.headers({ method: 'post', url: new URL(`${ORIGIN}/api/v1/groups`) })).DPoP,
    );

    expect(second.claims.jti).not.toBe(first.claims.jti);
    expect(second.claims).toMatchObject({ htm: 'POST', htu: `${ORIGIN}/api/v1/groups` });
  });

  it('stores a nonce the API asks for and retries without a new token', async () => {
    const { strategy, requests } = connect(() => ({ body: DPOP_TOKEN }), 'required');
    const rejected = await strategy.headers(API_REQUEST);
    const challenge = {
      status: 401,
      headers: {
        'www-authenticate':
          'DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"',
        'dpop-nonce': 'api-nonce-1',
      },
      body: {},
    };

    expect(await strategy.onUnauthorized!({ ...challenge, requestHeaders: rejected })).toBe(true);
    const retried = await strategy.headers(API_REQUEST);
    expect((await readProof(retried.DPoP)).claims.nonce).toBe('api-nonce-1');
    expect(requests).toHaveLength(1);

    // The retry already carried that nonce: asking again means something else is wrong.
    expect(await strategy.onUnauthorized!({ ...challenge, requestHeaders: retried })).toBe(false);
  });

  it('fails with token_error after a second nonce challenge', async () => {
    const { strategy, requests } = connect(() => NONCE_REQUIRED, 'required');

    await expect(strategy.headers(API_REQUEST)).rejects.toMatchObject({
      code: 'token_error',
      providerCode: 'use_dpop_nonce',
    });
    expect(requests).toHaveLength(2);
  });

  it('refreshes rather than use a saved token bound to another key', async () => {
    const { strategy, requests } = connect(() => ({ body: DPOP_TOKEN }), 'required', 'oauth2_refresh', {
      refresh_token: 'refresh-1',
      client_id: 'client-1',
      client_secret: 'secret-1',
      access_token: 'bound-elsewhere',
    });

    expect((await strategy.headers(API_REQUEST)).Authorization).toBe('DPoP dpop-access-1');
    expect(requests).toHaveLength(1);
    expect((await readProof(requests[0]!.headers.dpop)).claims.htm).toBe('POST');
  });
});

describe('DPoP auto', () => {
  it('starts without DPoP and switches for good when the token endpoint asks for a proof', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { strategy, requests } = connect((request) => {
      if (!request.headers.dpop)
        return {
          status: 400,
          body: { error: 'invalid_dpop_proof', error_description: 'DPoP proof missing' },
        };
      return { body: DPOP_TOKEN };
    }, 'auto');

    expect((await strategy.headers(API_REQUEST)).Authorization).toBe('DPoP dpop-access-1');
    expect(requests.map((request) => Boolean(request.headers.dpop))).toEqual([false, true]);

    vi.advanceTimersByTime(3600_000);
    await strategy.headers(API_REQUEST);
    expect(requests.map((request) => Boolean(request.headers.dpop))).toEqual([false, true, true]);
  });

  it('switches on use_dpop_nonce and sends the given nonce straight away', async () => {
    const { strategy, requests } = connect(
      (request) => (request.headers.dpop ? { body: DPOP_TOKEN } : NONCE_REQUIRED),
      'auto',
    );

    await strategy.headers(API_REQUEST);
    expect(requests).toHaveLength(2);
    expect((await readProof(requests[1]!.headers.dpop)).claims.nonce).toBe('server-nonce-1');
  });

  it('stays with Bearer when the server never asks', async () => {
    const { strategy, requests } = connect(
      () => ({ body: { token_type: 'Bearer', access_token: 'plain', expires_in: 60 } }),
      'auto',
    );

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer plain' });
    expect(requests[0]!.headers.dpop).toBeUndefined();
  });
});

it('DPoP off does not answer a demand for a proof', async () => {
  const { strategy, requests } = connect(
    () => ({ status: 400, body: { error: 'invalid_dpop_proof', error_description: 'DPoP proof required' } }),
    'off',
  );

  await expect(strategy.headers(API_REQUEST)).rejects.toMatchObject({
    code: 'token_error',
    message: expect.stringContaining('invalid_dpop_proof: DPoP proof required'),
  });
  expect(requests).toHaveLength(1);
});
