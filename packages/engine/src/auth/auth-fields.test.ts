import { describe, expect, it } from 'vitest';
import { authMethod } from '../../test/helpers/auth-token-server.js';
import { authFields } from './auth-fields.js';

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
