import { createHash, randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSandbox, startSandbox } from '../src/index.js';
import { oktaGet } from './helpers.js';

const READ_SCOPES =
  'okta.users.read okta.groups.read okta.apps.read okta.logs.read okta.roles.read okta.orgs.read';
let sandbox: OktaSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 30, seed: 3 });
});
afterAll(() => sandbox.close());

async function assertion(
  target: OktaSandbox,
  claims: { audience?: string; expiresIn?: string; key?: JWK } = {},
) {
  const { serviceApp } = target;
  const key = await importJWK(claims.key ?? serviceApp.privateJwk!, 'RS256');
  return new SignJWT({})
    .setProtectedHeader({ alg: 'RS256', kid: (claims.key ?? serviceApp.privateJwk!).kid })
    .setIssuer(serviceApp.clientId)
    .setSubject(serviceApp.clientId)
    .setAudience(claims.audience ?? serviceApp.tokenUrl)
    .setIssuedAt()
    .setExpirationTime(claims.expiresIn ?? '5m')
    .setJti(randomUUID())
    .sign(key);
}

function requestToken(
  target: OktaSandbox,
  clientAssertion: string,
  scope = READ_SCOPES,
  headers: Record<string, string> = {},
) {
  return fetch(target.serviceApp.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      scope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion,
    }),
  });
}

describe('API token', () => {
  it('answers a wrong or missing token with 401 E0000011 and Okta’s error body', async () => {
    const headerSets: Record<string, string>[] = [{ authorization: 'SSWS wrong' }, {}];
    for (const headers of headerSets) {
      const response = await fetch(`${sandbox.url}/api/v1/users`, { headers });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        errorCode: 'E0000011',
        errorSummary: 'Invalid token provided',
        errorLink: 'E0000011',
        errorId: expect.any(String),
        errorCauses: [],
      });
      expect(response.headers.get('x-rate-limit-remaining')).not.toBeNull();
    }
    expect((await oktaGet(sandbox, '/api/v1/users')).status).toBe(200);
  });
});

describe('service app (client credentials with private_key_jwt)', () => {
  it('issues a Bearer token for a jose-signed assertion, and the token reads the API', async () => {
    const response = await requestToken(sandbox, await assertion(sandbox));
    expect(response.status).toBe(200);
    const token = (await response.json()) as Record<string, unknown>;
    expect(token).toEqual({
      token_type: 'Bearer',
      expires_in: 3600,
      access_token: expect.any(String),
      scope: READ_SCOPES,
    });
    const users = await fetch(`${sandbox.url}/api/v1/users?limit=2`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(users.status).toBe(200);
    expect(await users.json()).toHaveLength(2);
    // No user stands behind a service app's token.
    const me = await fetch(`${sandbox.url}/api/v1/users/me`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    expect(me.status).toBe(404);
  });

  it('rejects an assertion signed with another key, for another audience, expired or replayed', async () => {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    const strangerKey = { ...(await exportJWK(privateKey)), kid: sandbox.serviceApp.privateJwk!.kid };
    const expired = await assertion(sandbox, { expiresIn: '-2m' });
    const cases: [string, string][] = [
      [await assertion(sandbox, { key: strangerKey }), 'signature is invalid'],
      [await assertion(sandbox, { audience: 'https://acme.okta.com/oauth2/v1/token' }), 'invalid aud claim'],
      [expired, 'expired'],
      [await assertion(sandbox, { expiresIn: '3h' }), 'more than one hour'],
    ];
    for (const [clientAssertion, reason] of cases) {
      const response = await requestToken(sandbox, clientAssertion);
      expect(response.status, reason).toBe(401);
      const body = (await response.json()) as { error: string; error_description: string };
      expect(body.error).toBe('invalid_client');
      expect(body.error_description).toContain(reason);
    }
    const once = await assertion(sandbox);
    expect((await requestToken(sandbox, once)).status).toBe(200);
    const replay = await requestToken(sandbox, once);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error_description: string }).error_description).toMatch(
      /already been used/,
    );
  });

  it('refuses scopes the app was not granted and enforces scopes per endpoint', async () => {
    const refused = await requestToken(sandbox, await assertion(sandbox), 'okta.users.manage');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_scope');
    const token = (await (
      await requestToken(sandbox, await assertion(sandbox), 'okta.users.read')
    ).json()) as { access_token: string };
    const headers = { authorization: `Bearer ${token.access_token}` };
    expect((await fetch(`${sandbox.url}/api/v1/users`, { headers })).status).toBe(200);
    const logs = await fetch(`${sandbox.url}/api/v1/logs`, { headers });
    expect(logs.status).toBe(403);
    expect(((await logs.json()) as { errorCode: string }).errorCode).toBe('E0000006');
    expect(
      (await fetch(`${sandbox.url}/api/v1/users`, { headers: { authorization: 'Bearer made-up' } })).status,
    ).toBe(401);
  });
});

describe('DPoP', () => {
  async function proof(
    key: CryptoKey,
    jwk: JWK,
    method: string,
    url: string,
    extra: Record<string, string> = {},
  ) {
    return new SignJWT({ htm: method, htu: url, ...extra })
      .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
      .setIssuedAt()
      .setJti(randomUUID())
      .sign(key);
  }

  it('requires the use_dpop_nonce round trip, issues DPoP tokens and checks proofs on API calls', async () => {
    const dpop = await startSandbox({ provider: 'okta', users: 10, dpop: true });
    try {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const jwk = await exportJWK(publicKey);
      const tokenUrl = dpop.serviceApp.tokenUrl;
      const clientAssertion = await assertion(dpop);
      const first = await requestToken(dpop, clientAssertion, READ_SCOPES, {
        dpop: await proof(privateKey, jwk, 'POST', tokenUrl),
      });
      expect(first.status).toBe(400);
      expect(((await first.json()) as { error: string }).error).toBe('use_dpop_nonce');
      const nonce = first.headers.get('dpop-nonce')!;
      const second = await requestToken(dpop, clientAssertion, READ_SCOPES, {
        dpop: await proof(privateKey, jwk, 'POST', tokenUrl, { nonce }),
      });
      expect(second.status).toBe(200);
      const token = (await second.json()) as { token_type: string; access_token: string };
      expect(token.token_type).toBe('DPoP');

      const url = `${dpop.url}/api/v1/users`;
      const ath = createHash('sha256').update(token.access_token).digest('base64url');
      const call = async (authorization: string, proofJwt?: string) =>
        (await fetch(`${url}?limit=1`, { headers: { authorization, ...(proofJwt && { dpop: proofJwt }) } }))
          .status;
      expect(
        await call(`DPoP ${token.access_token}`, await proof(privateKey, jwk, 'GET', url, { ath })),
      ).toBe(200);
      expect(await call(`DPoP ${token.access_token}`)).toBe(401);
      expect(await call(`Bearer ${token.access_token}`)).toBe(401);
      expect(
        await call(`DPoP ${token.access_token}`, await proof(privateKey, jwk, 'GET', url, { ath: 'wrong' })),
      ).toBe(401);
      const other = await generateKeyPair('ES256');
      const otherJwk = await exportJWK(other.publicKey);
      expect(
        await call(
          `DPoP ${token.access_token}`,
          await proof(other.privateKey, otherJwk, 'GET', url, { ath }),
        ),
      ).toBe(401);
    } finally {
      await dpop.close();
    }
  });
});
