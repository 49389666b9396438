import { exportJWK, exportPKCS8, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { authMethod } from '../../test/helpers/auth-token-server.js';
import { authFields, parseExpiresAt, validateAuthCredentials } from './auth-fields.js';

const clientCredentials = (client_authentication: string) =>
  authMethod({ kind: 'oauth2_client_credentials', token_url: '/oauth2/v1/token', client_authentication });

describe('authFields', () => {
  it('gives bearer a secret token field and keeps the definition description', () => {
    const fields = authFields(
      authMethod({ kind: 'bearer', fields: { token: { description: 'API client token' } } }),
    );

    expect(fields).toEqual({ token: { description: 'API client token', secret: true, required: true } });
  });

  it('reads header fields from the templates, secret unless declared otherwise', () => {
    const fields = authFields(
      authMethod({
        kind: 'header',
        headers: { Authorization: 'SSWS {{auth.token}}', 'X-User': '{{ auth.user_email }}' },
        fields: { user_email: { secret: false } },
      }),
    );

    expect(fields).toEqual({
      token: { secret: true, required: true },
      user_email: { description: undefined, secret: false, required: true },
    });
  });

  it('lists the fields of the client authentication in use', () => {
    expect(Object.keys(authFields(clientCredentials('private_key_jwt')))).toEqual([
      'client_id',
      'private_key',
      'key_id',
    ]);
    expect(Object.keys(authFields(clientCredentials('client_secret_post')))).toEqual([
      'client_id',
      'client_secret',
    ]);
    const publicRefresh = authMethod({
      kind: 'oauth2_refresh',
      token_url: '/token',
      client_authentication: 'none',
    });
    expect(Object.keys(authFields(publicRefresh))).toEqual([
      'refresh_token',
      'client_id',
      'access_token',
      'expires_at',
    ]);
  });

  it('does not let a definition make a kind secret loggable or an optional field required by default', () => {
    const fields = authFields(
      authMethod({
        kind: 'oauth2_refresh',
        token_url: '/token',
        fields: {
          refresh_token: { secret: false, required: false },
          access_token: { description: 'Saved token' },
        },
      }),
    );

    expect(fields.refresh_token).toMatchObject({ secret: true, required: true });
    expect(fields.access_token).toEqual({ description: 'Saved token', secret: true, required: false });
  });
});

describe('validateAuthCredentials', () => {
  it('reports missing, unknown and non-string fields by path, never quoting a value', () => {
    const problems = validateAuthCredentials(clientCredentials('client_secret_basic'), {
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
    const problems = validateAuthCredentials(authMethod({ kind: 'bearer' }), { token: '' });

    expect(problems).toEqual([{ path: 'auth.token', message: 'is required by auth method test_method' }]);
  });

  it('accepts a private key as JWK or PKCS#8 PEM, including PEM with escaped line breaks', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = JSON.stringify(await exportJWK(privateKey));
    const pem = await exportPKCS8(privateKey);
    const method = clientCredentials('private_key_jwt');

    expect(validateAuthCredentials(method, { client_id: 'client', private_key: jwk })).toEqual([]);
    expect(validateAuthCredentials(method, { client_id: 'client', private_key: pem })).toEqual([]);
    const escaped = pem.trim().replaceAll('\n', '\\n');
    expect(validateAuthCredentials(method, { client_id: 'client', private_key: escaped })).toEqual([]);
  });

  it('explains an unusable private key without quoting it', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const method = clientCredentials('private_key_jwt');
    const check = (private_key: string) =>
      validateAuthCredentials(method, { client_id: 'client', private_key });

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

    expect(validateAuthCredentials(refresh, { ...base, expires_at: '1767225600000' })).toEqual([]);
    expect(validateAuthCredentials(refresh, { ...base, expires_at: '2026-01-01T00:00:00Z' })).toEqual([]);
    expect(validateAuthCredentials(refresh, { ...base, expires_at: 'tomorrow' })).toEqual([
      { path: 'auth.expires_at', message: 'must be epoch milliseconds or an ISO 8601 date' },
    ]);
    expect(
      validateAuthCredentials(authMethod({ kind: 'basic' }), { username: 'a:b', password: 'p' }),
    ).toEqual([
      {
        path: 'auth.username',
        message: 'must not contain ":" (RFC 7617 joins user name and password with it)',
      },
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
