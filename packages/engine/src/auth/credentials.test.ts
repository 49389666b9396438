import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { authMethod } from '../../test/helpers/auth-token-server.js';
import { checkCredentials, parseExpiresAt } from './credentials.js';

const clientCredentials = (client_authentication: string) =>
  authMethod({ kind: 'oauth2_client_credentials', token_url: '/oauth2/v1/token', client_authentication });

function problemsOf(...args: Parameters<typeof checkCredentials>) {
  const check = checkCredentials(...args);
  return check.ok ? [] : check.problems;
}

describe('checkCredentials', () => {
  it('reports missing, unknown and non-string fields by path, never quoting a value', () => {
    const problems = problemsOf(clientCredentials('client_secret_basic'), {
      client_id: 42,
      scope: 'read-secret-value',
      method: 'test_method',
    });

    expect(problems).toEqual([
      { path: 'auth.client_id', message: 'must be a string, not a number' },
      {
        path: 'auth.scope',
        message: 'is not a field of auth method test_method: expected client_id, client_secret',
      },
      { path: 'auth.client_secret', message: 'is required by auth method test_method' },
    ]);
    expect(JSON.stringify(problems)).not.toContain('read-secret-value');
  });

  it('treats an empty string as missing', () => {
    const problems = problemsOf(authMethod({ kind: 'bearer' }), { token: '' });

    expect(problems).toEqual([{ path: 'auth.token', message: 'is required by auth method test_method' }]);
  });

  it('accepts a private key as JWK or PKCS#8 PEM, including PEM with escaped line breaks', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = JSON.stringify(await exportJWK(privateKey));
    const pem = await exportPKCS8(privateKey);
    const method = clientCredentials('private_key_jwt');

    expect(problemsOf(method, { client_id: 'client', private_key: jwk })).toEqual([]);
    expect(problemsOf(method, { client_id: 'client', private_key: pem })).toEqual([]);
    const escaped = pem.trim().replaceAll('\n', '\\n');
    expect(problemsOf(method, { client_id: 'client', private_key: escaped })).toEqual([]);
  });

  it('explains an unusable private key without quoting it', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const method = clientCredentials('private_key_jwt');
    const check = (private_key: string) => problemsOf(method, { client_id: 'client', private_key });

    expect(check(JSON.stringify(await exportJWK(publicKey)))[0]?.message).toBe(
      'is a public key; give the private key',
    );
    const broken = `{"kty":"RSA","d":"${privateJwk.d}"`;
    expect(check(broken)[0]?.message).toBe('starts like a JWK but is not valid JSON');
    expect(JSON.stringify(check(broken))).not.toContain(privateJwk.d);
    expect(check('-----BEGIN PRIVATE KEY-----\nnot-base64\n-----END PRIVATE KEY-----')[0]?.message).toMatch(
      /^is not a readable PEM private key/,
    );
    expect(check('hunter2')[0]?.message).toBe('must be a private JWK (JSON) or a PEM private key');
  });

  it('checks expires_at and a Basic user name', () => {
    const refresh = authMethod({ kind: 'oauth2_refresh', token_url: '/token' });
    const base = { refresh_token: 'r', client_id: 'c', client_secret: 's' };

    expect(problemsOf(refresh, { ...base, expires_at: '1767225600000' })).toEqual([]);
    expect(problemsOf(refresh, { ...base, expires_at: '2026-01-01T00:00:00Z' })).toEqual([]);
    expect(problemsOf(refresh, { ...base, expires_at: 'tomorrow' })).toEqual([
      { path: 'auth.expires_at', message: 'must be epoch milliseconds or an ISO 8601 date' },
    ]);
    expect(problemsOf(authMethod({ kind: 'basic' }), { username: 'a:b', password: 'p' })).toEqual([
      {
        path: 'auth.username',
        message: 'must not contain ":" (RFC 7617 joins user name and password with it)',
      },
    ]);
  });
});

describe('checked credentials', () => {
  it('hold the values given and what the check read, so no strategy reads them again', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = JSON.stringify(await exportJWK(privateKey));
    const keyCheck = checkCredentials(clientCredentials('private_key_jwt'), {
      method: 'test_method',
      client_id: 'client',
      private_key: jwk,
    });
    expect(keyCheck.ok && keyCheck.credentials.values).toEqual({ client_id: 'client', private_key: jwk });
    expect(keyCheck.ok && keyCheck.credentials.privateKey?.algorithm).toBe('ES256');

    const refresh = authMethod({ kind: 'oauth2_refresh', token_url: '/token' });
    const refreshCheck = checkCredentials(refresh, {
      refresh_token: 'r',
      client_id: 'c',
      client_secret: 's',
      expires_at: '2026-01-01T00:00:00Z',
    });
    expect(refreshCheck.ok && refreshCheck.credentials.expiresAt).toBe(1_767_225_600_000);
  });

  it('reports every problem at once', () => {
    const check = checkCredentials(authMethod({ kind: 'basic' }), { username: 'a:b', extra: 'x' });
    expect(check.ok ? [] : check.problems.map((problem) => problem.path).sort()).toEqual([
      'auth.extra',
      'auth.password',
      'auth.username',
    ]);
  });
});

describe('parseExpiresAt', () => {
  it('reads epoch milliseconds and ISO dates', () => {
    expect(parseExpiresAt('1767225600000')).toBe(1_767_225_600_000);
    expect(parseExpiresAt('2026-01-01T00:00:00.000Z')).toBe(1_767_225_600_000);
    expect(parseExpiresAt('01/01/2026')).toBeUndefined();
  });
});
