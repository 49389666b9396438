import type { CompiledAuthMethod } from '../definition/compiled-types.js';
import { secretCredentialValues } from './auth-fields.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import type { Credentials } from './credentials.js';
import { createOAuthParts, createOAuthStrategy } from './oauth-strategy.js';
import { TokenCache } from './token-cache.js';

type ClientCredentialsMethod = Extract<CompiledAuthMethod, { kind: 'oauth2_client_credentials' }>;

/**
 * The `oauth2_client_credentials` kind (RFC 6749 section 4.4): the client trades its own
 * credentials (a secret, or a JWT assertion signed with its private key) for an access token,
 * which is cached until shortly before it expires. There is no refresh token; an expired or
 * rejected token is replaced by a new request.
 */
export function createClientCredentialsStrategy(
  method: ClientCredentialsMethod,
  credentials: Credentials,
  context: AuthContext,
): AuthStrategy {
  const credentialSecrets = secretCredentialValues(method, credentials.values);
  const { endpoint, prover, now } = createOAuthParts({
    tokenUrl: method.templates.tokenUrl!,
    clientAuthentication: method.client_authentication,
    assertionAudience: method.templates.assertionAudience,
    dpop: method.dpop,
    credentials,
    context,
    secrets: () => [...credentialSecrets, ...cache.values()],
  });
  const grant: Record<string, string> = { grant_type: 'client_credentials' };
  if (method.scopes.length > 0) grant.scope = method.scopes.join(' ');
  const cache = new TokenCache(() => endpoint.requestToken(grant), now);
  return createOAuthStrategy(cache, prover, () => credentialSecrets, method.dpop);
}
