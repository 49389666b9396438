import type { ProviderApi } from '../routes.js';
import type { EnvironmentType } from '../vocabulary/workato-vocabulary.js';
import type { WorkatoWorkspace } from './workato-data.js';
import type { WorkatoDirectory } from './workato-directory.js';
import { simpleError, type WorkatoPrincipal } from './workato-http.js';
import type { WorkatoIdentity } from './workato-identity.js';
import { workatoIdentityRoutes } from './workato-identity-routes.js';
import { workatoRoutes } from './workato-routes.js';
import { workatoWriteRoutes } from './workato-write-routes.js';

/** Default budget per minute of each endpoint family: Workato allows 60 on all of them. */
export const WORKATO_RATE_LIMITS: Readonly<Record<string, number>> = {
  workspace: 60,
  collaborators: 60,
  'collaborator-groups': 60,
  'environment-roles': 60,
  roles: 60,
  iam: 60,
  default: 60,
};

/** Settings of the Workato API besides its data. */
export interface WorkatoApiSettings {
  /** The API client tokens, each of one environment. */
  tokens: ReadonlyMap<string, EnvironmentType>;
  /** Send `Retry-After` on 429 responses (Workato documents no rate-limit headers). */
  retryAfter: boolean;
}

/** The Workato Developer API of a workspace, for the generic server. */
export function createWorkatoApi(
  workspace: WorkatoWorkspace,
  settings: WorkatoApiSettings,
  directory: WorkatoDirectory,
  identity: WorkatoIdentity,
): ProviderApi<WorkatoPrincipal> {
  return {
    // The write routes come first: they also answer the reads that must see their changes.
    routes: [
      ...workatoWriteRoutes(workspace, directory),
      ...workatoRoutes(workspace),
      ...workatoIdentityRoutes(identity),
    ],
    contentType: 'application/json; charset=utf-8',
    authenticate: async (request) => {
      // Only API-client tokens: the retired x-user-email / x-user-token keys are refused too.
      const header = request.headers.authorization ?? '';
      const environment = header.startsWith('Bearer ')
        ? settings.tokens.get(header.slice('Bearer '.length).trim())
        : undefined;
      return environment
        ? { principal: { environment } }
        : { response: simpleError(401, 'Authentication failed') };
    },
    notFound: (_, pathExists) =>
      pathExists ? simpleError(405, 'Method not allowed') : simpleError(404, 'Not found'),
    rateLimited: (state) => {
      const response = simpleError(429, 'Too many requests');
      if (settings.retryAfter) {
        response.headers = {
          'retry-after': String(Math.max(1, Math.ceil((state.resetAt - Date.now()) / 1000))),
        };
      }
      return response;
    },
    responseHeaders: () => ({}),
    internalError: () => simpleError(500, 'Internal server error'),
  };
}
