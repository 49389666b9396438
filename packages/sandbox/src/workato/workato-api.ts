import type { ProviderApi } from '../routes.js';
import type { WorkatoWorkspace } from './workato-data.js';
import type { WorkatoDirectory } from './workato-directory.js';
import { simpleError } from './workato-http.js';
import { workatoRoutes } from './workato-routes.js';
import { workatoWriteRoutes } from './workato-write-routes.js';

/** Default budget per minute of each endpoint family: Workato allows 60 on all of them. */
export const WORKATO_RATE_LIMITS: Readonly<Record<string, number>> = {
  workspace: 60,
  collaborators: 60,
  'collaborator-groups': 60,
  'environment-roles': 60,
  roles: 60,
  default: 60,
};

/** Settings of the Workato API besides its data. */
export interface WorkatoApiSettings {
  token: string;
  /** Send `Retry-After` on 429 responses (Workato documents no rate-limit headers). */
  retryAfter: boolean;
}

/** The Workato Developer API of a workspace, for the generic server. */
export function createWorkatoApi(
  workspace: WorkatoWorkspace,
  settings: WorkatoApiSettings,
  directory: WorkatoDirectory,
): ProviderApi<true> {
  return {
    // The write routes come first: they also answer the reads that must see their changes.
    routes: [...workatoWriteRoutes(workspace, directory), ...workatoRoutes(workspace)],
    contentType: 'application/json; charset=utf-8',
    authenticate: async (request) => {
      // Only API-client tokens: the retired x-user-email / x-user-token keys are refused too.
      const header = request.headers.authorization ?? '';
      const valid = header.startsWith('Bearer ') && header.slice('Bearer '.length).trim() === settings.token;
      return valid ? { principal: true } : { response: simpleError(401, 'Authentication failed') };
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
