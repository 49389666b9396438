import { authError } from './auth-errors.js';
import type { CreateAuthStrategy } from './auth-strategy.js';
import { createClientCredentialsStrategy } from './client-credentials-strategy.js';
import { createRefreshTokenStrategy } from './refresh-token-strategy.js';
import { createBasicStrategy, createBearerStrategy, createHeaderStrategy } from './static-auth-strategies.js';

/**
 * Creates the strategy that applies one auth method of a provider definition to a connection's
 * requests. Nothing goes over the network here: OAuth kinds fetch their first token on the
 * first `headers()` call.
 *
 * @param method The auth method of the definition, its templates compiled.
 * @param credentials The customer's credentials, as `checkCredentials` accepted them.
 * @param context What the strategy needs from its connection: dispatcher, base URL, templates.
 */
export const createAuthStrategy: CreateAuthStrategy = (method, credentials, context) => {
  switch (method.kind) {
    case 'header':
      return createHeaderStrategy(method, credentials, context);
    case 'bearer':
      return createBearerStrategy(method, credentials, context);
    case 'basic':
      return createBasicStrategy(method, credentials);
    case 'oauth2_client_credentials':
      return createClientCredentialsStrategy(method, credentials, context);
    case 'oauth2_refresh':
      return createRefreshTokenStrategy(method, credentials, context);
    default:
      return unknownKind(method, context);
  }
};

/** Exhaustiveness check: a new kind in the schema fails to compile until it is handled here. */
function unknownKind(method: never, context: Parameters<CreateAuthStrategy>[2]): never {
  const kind = (method as { kind?: unknown }).kind;
  throw authError('invalid_auth', `unknown auth kind ${String(kind)}`, context);
}
