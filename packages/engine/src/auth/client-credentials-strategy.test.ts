import {
  exportJWK,
  exportPKCS8,
  generateKeyPair,
  type CryptoKey as JoseCryptoKey,
  type JWTVerifyResult,
  jwtVerify,
} from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  API_REQUEST,
  authMethod,
  createContext,
  createTokenServer,
  issuingTokens,
  strategyFor,
  TOKEN_URL,
  type TokenHandler,
} from '../../test/helpers/auth-token-server.js';
import { JWT_BEARER_ASSERTION_TYPE } from './client-authentication.js';

const SECRET = 'client-secret-Zx9';
const SCOPES = ['users.read', 'groups.read'];

function clientCredentials(input: Record<string, unknown> = {}) {
  return authMethod({
    kind: 'oauth2_client_credentials',
    token_url: '/oauth2/v1/token',
    scopes: SCOPES,
    ...input,
  });
}

function connect(
  handler: TokenHandler,
  input: Record<string, unknown> = {},
  credentials: Record<string, string> = { client_id: 'client-1', client_secret: SECRET },
) {
  const server = createTokenServer(handler);
  const strategy = strategyFor(clientCredentials(input), credentials, createContext(server.agent));
  return { ...server, strategy };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('client secret authentication', () => {
  it('client_secret_basic sends the form-encoded pair in a Basic header and the scopes in the body', async () => {
    const { strategy, requests } = connect(
      issuingTokens(),
      {},
      { client_id: 'client 1', client_secret: 'a+b/c' },
    );

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });
    const [request] = requests;
    expect(Object.fromEntries(request!.form)).toEqual({
      grant_type: 'client_credentials',
      scope: 'users.read groups.read',
    });
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const pair = Buffer.from(request!.headers.authorization!.replace(/^Basic /, ''), 'base64').toString(
      'utf8',
    );
    expect(pair).toBe('client+1:a%2Bb%2Fc');
  });

  it('client_secret_post sends client id and secret in the body', async () => {
    const { strategy, requests } = connect(issuingTokens(), { client_authentication: 'client_secret_post' });

    await strategy.headers(API_REQUEST);
    expect(Object.fromEntries(requests[0]!.form)).toEqual({
      grant_type: 'client_credentials',
      scope: 'users.read groups.read',
      client_id: 'client-1',
      client_secret: SECRET,
    });
    expect(requests[0]!.headers.authorization).toBeUndefined();
  });

  it('joins a token_url path to the origin of the base URL, not to its path', async () => {
    // The base URL is https://id.example.com/api/v1; a wrong join would miss the mocked endpoint.
    const { strategy, requests } = connect(issuingTokens());

    await strategy.headers(API_REQUEST);
    expect(requests).toHaveLength(1);
  });

  it('sends token requests to an absolute token_url on another host', async () => {
    const tokenUrl = 'https://login.example.net/oauth2/token';
    const server = createTokenServer(issuingTokens(), tokenUrl);
    const strategy = strategyFor(
      clientCredentials({ token_url: tokenUrl }),
      { client_id: 'client-1', client_secret: SECRET },
      createContext(server.agent),
    );

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: 'Bearer access-1' });
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a token_url path that would leave the origin, and plain http', () => {
    const { agent } = createTokenServer(issuingTokens());
    const credentials = { client_id: 'client-1', client_secret: SECRET };
    const create = (token_url: string) => () =>
      strategyFor(clientCredentials({ token_url }), credentials, createContext(agent));

    expect(create('//evil.example/token')).toThrow(/token_url path must stay on https:\/\/id\.example\.com/);
    expect(create('/\\evil.example/token')).toThrow(/token_url path must stay on/);
    expect(create('http://id.example.com/token')).toThrow(/token_url must use https/);
  });

  it('lists the client secret and the obtained token as secrets', async () => {
    const { strategy } = connect(issuingTokens());
    await strategy.headers(API_REQUEST);

    expect(strategy.secrets()).toEqual([SECRET, 'access-1']);
  });
});

describe('private_key_jwt', () => {
  async function verifyAssertion(form: URLSearchParams, publicKey: JoseCryptoKey, audience: string) {
    expect(form.get('client_assertion_type')).toBe(JWT_BEARER_ASSERTION_TYPE);
    expect(form.get('client_secret')).toBeNull();
    return jwtVerify(form.get('client_assertion')!, publicKey, {
      issuer: 'client-1',
      subject: 'client-1',
      audience,
    });
  }

  function expectShortLived({ payload }: JWTVerifyResult) {
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(300);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
  }

  it('signs with an RSA JWK: RS256, kid from the JWK, audience the token URL, a new jti each time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'key-2024' };
    const { strategy, requests } = connect(
      issuingTokens(3600),
      { client_authentication: 'private_key_jwt' },
      {
        client_id: 'client-1',
        private_key: JSON.stringify(privateJwk),
      },
    );

    await strategy.headers(API_REQUEST);
    const first = await verifyAssertion(requests[0]!.form, publicKey, TOKEN_URL);
    vi.advanceTimersByTime(3600_000);
    await strategy.headers(API_REQUEST);

    expect(requests).toHaveLength(2);
    const second = await verifyAssertion(requests[1]!.form, publicKey, TOKEN_URL);
    expect(first.protectedHeader).toEqual({ alg: 'RS256', kid: 'key-2024' });
    expectShortLived(first);
    expect(second.payload.iat! - first.payload.iat!).toBe(3600);
    expect(second.payload.jti).not.toBe(first.payload.jti);
    expect(strategy.secrets()).toContain(JSON.stringify(privateJwk));
  });

  it('signs with an EC PEM key: ES384 from the curve, kid from key_id, rendered assertion_audience', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES384', { extractable: true });
    const server = createTokenServer(issuingTokens());
    const method = clientCredentials({
      client_authentication: 'private_key_jwt',
      assertion_audience: 'https://{{params.domain}}/oauth2/v1/token',
    });
    const strategy = strategyFor(
      method,
      { client_id: 'client-1', private_key: await exportPKCS8(privateKey), key_id: 'kid-pem' },
      createContext(server.agent, { params: { domain: 'acme.example.com' } }),
    );

    await strategy.headers(API_REQUEST);
    const verified = await verifyAssertion(
      server.requests[0]!.form,
      publicKey,
      'https://acme.example.com/oauth2/v1/token',
    );
    expect(verified.protectedHeader).toEqual({ alg: 'ES384', kid: 'kid-pem' });
    expectShortLived(verified);
  });

  it('uses the JWK alg when the key names one', async () => {
    const { privateKey, publicKey } = await generateKeyPair('PS256', { extractable: true });
    const privateJwk = { ...(await exportJWK(privateKey)), alg: 'PS256' };
    const { strategy, requests } = connect(
      issuingTokens(),
      { client_authentication: 'private_key_jwt' },
      {
        client_id: 'client-1',
        private_key: JSON.stringify(privateJwk),
      },
    );

    await strategy.headers(API_REQUEST);
    const verified = await verifyAssertion(requests[0]!.form, publicKey, TOKEN_URL);
    expect(verified.protectedHeader).toEqual({ alg: 'PS256' });
    // The verification key really is the one that signed: a foreign key fails.
    const { publicKey: otherKey } = await generateKeyPair('PS256');
    await expect(jwtVerify(requests[0]!.form.get('client_assertion')!, otherKey)).rejects.toThrow(
      /signature/,
    );
  });
});
