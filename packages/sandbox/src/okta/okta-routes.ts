import { randomBytes } from 'node:crypto';
import type { ProviderApi, Route } from '../routes.js';
import { oktaAppRoutes } from './okta-app-routes.js';
import type { OktaAuthenticator, OktaPrincipal } from './okta-auth.js';
import type { OktaTenant } from './okta-data.js';
import { oktaError } from './okta-http.js';
import { oktaLogRoutes } from './okta-log-routes.js';
import type { OktaTokenEndpoint } from './okta-token-endpoint.js';
import { oktaUserRoutes } from './okta-user-routes.js';
import { oktaWriteRoutes } from './okta-write-routes.js';

/**
 * Default budgets per minute of each endpoint family, after Okta's published management
 * limits (indicative; real orgs differ by plan). `default` covers paths no route serves.
 */
export const OKTA_RATE_LIMITS: Readonly<Record<string, number>> = {
  users: 600,
  'user-by-id': 1000,
  groups: 500,
  apps: 100,
  'app-by-id': 500,
  logs: 120,
  iam: 600,
  org: 600,
  oauth2: 600,
  default: 600,
};

/** The Okta Management API of a tenant, for the generic server. */
export function createOktaApi(
  tenant: OktaTenant,
  authenticator: OktaAuthenticator,
  tokenEndpoint: OktaTokenEndpoint,
): ProviderApi<OktaPrincipal> {
  const tokenRoute: Route<OktaPrincipal> = {
    method: 'POST',
    path: '/oauth2/v1/token',
    family: 'oauth2',
    public: true,
    handle: (request) => tokenEndpoint.issueToken(request),
  };
  return {
    routes: [
      ...oktaUserRoutes(tenant),
      ...oktaWriteRoutes(tenant),
      ...oktaAppRoutes(tenant),
      ...oktaLogRoutes(tenant),
      tokenRoute,
    ],
    contentType: 'application/json',
    authenticate: (request, route) => authenticator.authenticate(request, route),
    notFound: (request, pathExists) =>
      pathExists
        ? oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method')
        : oktaError(404, 'E0000007', `Not found: Resource not found: ${request.url.pathname} (Resource)`),
    rateLimited: () => oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.'),
    responseHeaders: (state) => ({
      'x-rate-limit-limit': String(state.limit),
      'x-rate-limit-remaining': String(state.remaining),
      // Epoch seconds, rounded up so that waiting until then always finds a fresh window.
      'x-rate-limit-reset': String(Math.ceil(state.resetAt / 1000)),
      'x-okta-request-id': randomBytes(15).toString('base64url'),
    }),
    internalError: () => oktaError(500, 'E0000009', 'Internal Server Error'),
  };
}
