import type { CompiledAuthMethod } from '../definition/compiled-types.js';
import { authError } from './auth-errors.js';
import { secretCredentialValues } from './auth-fields.js';
import type { AuthContext, AuthStrategy, RefreshedTokens } from './auth-strategy.js';
import type { Credentials } from './credentials.js';
import { createOAuthParts, createOAuthStrategy } from './oauth-strategy.js';
import { TokenCache } from './token-cache.js';
import type { IssuedToken } from './token-http.js';

type RefreshTokenMethod = Extract<CompiledAuthMethod, { kind: 'oauth2_refresh' }>;

/**
 * The `oauth2_refresh` kind: tokens from an authorization-code flow. The saved `access_token` is
 * used until `expires_at`; then, or when the API answers 401, the refresh token buys a new one
 * (RFC 6749 section 6). A rotated refresh token replaces the old one, and every refresh is
 * reported to `context.onTokenRefresh` so the caller can save the new tokens.
 */
export function createRefreshTokenStrategy(
  method: RefreshTokenMethod,
  credentials: Credentials,
  context: AuthContext,
): AuthStrategy {
  const credentialSecrets = secretCredentialValues(method, credentials.values);
  let refreshToken = credentials.values.refresh_token ?? '';
  // Tokens issued here but perhaps never cached (onTokenRefresh failed) or already rotated away:
  // still secrets, and an error (the callback's own) may quote them. The last few are enough.
  const issuedSecrets: string[] = [];
  const remember = (...values: Array<string | undefined>) => {
    for (const value of values) if (value) issuedSecrets.push(value);
    issuedSecrets.splice(0, Math.max(0, issuedSecrets.length - 8));
  };
  const { endpoint, prover, now } = createOAuthParts({
    tokenUrl: method.templates.tokenUrl!,
    clientAuthentication: method.client_authentication,
    dpop: method.dpop,
    credentials,
    context,
    secrets: () => [...credentialSecrets, refreshToken, ...issuedSecrets, ...cache.values()],
  });

  const refresh = async (): Promise<IssuedToken> => {
    const requestedAt = now();
    const issued = await endpoint.requestToken({ grant_type: 'refresh_token', refresh_token: refreshToken });
    remember(refreshToken, issued.accessToken, issued.refreshToken);
    // A server that rotates refresh tokens has just invalidated the one we sent.
    if (issued.refreshToken) refreshToken = issued.refreshToken;
    await reportRefresh({
      access_token: issued.accessToken,
      refresh_token: refreshToken,
      expires_at: issued.expiresIn === undefined ? undefined : requestedAt + issued.expiresIn * 1000,
      token_type: issued.tokenType,
      scope: issued.scope,
    });
    return issued;
  };

  const reportRefresh = async (tokens: RefreshedTokens): Promise<void> => {
    try {
      await context.onTokenRefresh?.(tokens);
    } catch (error) {
      // The new access token is not cached, so the next call refreshes again (with the kept
      // refresh token) and offers the caller another chance to save the tokens.
      throw authError(
        'token_error',
        'onTokenRefresh failed, so the refreshed tokens may not be saved',
        context,
        {
          cause: error,
        },
      );
    }
  };

  const cache = new TokenCache(refresh, now);
  // A token issued under DPoP is bound to a key this strategy does not hold (its key pair is new),
  // so with DPoP required the saved token is skipped and the first call refreshes.
  if (credentials.values.access_token && method.dpop !== 'required') {
    cache.seed(credentials.values.access_token, 'Bearer', credentials.expiresAt);
  }
  return createOAuthStrategy(
    cache,
    prover,
    () => [...credentialSecrets, refreshToken, ...issuedSecrets],
    method.dpop,
  );
}
