import { randomBytes } from 'node:crypto';
import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import { DpopError, type ReplayGuard, verifyDpopProof } from './okta-dpop.js';
import { oktaError } from './okta-http.js';

/** Who is calling: the admin behind the API token, or a service app with an access token. */
export type OktaPrincipal = { kind: 'api_token' } | { kind: 'access_token'; scopes: ReadonlySet<string> };

/** The read scopes a service app may be granted: the ones the engine needs. */
export const OKTA_READ_SCOPES: readonly string[] = [
  'okta.users.read',
  'okta.groups.read',
  'okta.apps.read',
  'okta.logs.read',
  'okta.roles.read',
  'okta.orgs.read',
];

/** An access token issued by the token endpoint. */
export interface IssuedToken {
  expiresAt: number;
  scopes: ReadonlySet<string>;
  /** Thumbprint of the DPoP key the token is bound to; undefined for Bearer tokens. */
  keyThumbprint?: string;
}

/** The access tokens issued so far; expired ones are forgotten as new ones are issued. */
export class AccessTokens {
  private readonly tokens = new Map<string, IssuedToken>();

  issue(token: Omit<IssuedToken, 'expiresAt'>, lifetimeSeconds: number): string {
    const now = Date.now();
    for (const [value, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(value);
    const value = randomBytes(32).toString('base64url');
    this.tokens.set(value, { ...token, expiresAt: now + lifetimeSeconds * 1000 });
    return value;
  }

  /** The token's grant while it is valid. */
  find(value: string): IssuedToken | undefined {
    const token = this.tokens.get(value);
    return token && token.expiresAt > Date.now() ? token : undefined;
  }
}

type AuthOutcome = { principal: OktaPrincipal } | { response: SandboxResponse };

function invalidToken(
  scheme: string,
  error = 'invalid_token',
  description = 'The access token is invalid.',
): AuthOutcome {
  const response = oktaError(401, 'E0000011', 'Invalid token provided');
  response.headers = { 'www-authenticate': `${scheme} error="${error}", error_description="${description}"` };
  return { response };
}

function insufficientScope(scope: string): AuthOutcome {
  const response = oktaError(403, 'E0000006', 'You do not have permission to perform the requested action');
  const description = 'The access token provided does not contain the required scopes.';
  response.headers = {
    'www-authenticate': `Bearer error="insufficient_scope", error_description="${description}", scope="${scope}"`,
  };
  return { response };
}

/**
 * Checks `Authorization` headers: `SSWS <API token>`, `Bearer <access token>`, or
 * `DPoP <access token>` with a `DPoP` proof for tokens bound to a key. Access tokens must hold
 * the endpoint's scope.
 */
export class OktaAuthenticator {
  constructor(
    private readonly apiToken: string,
    private readonly tokens: AccessTokens,
    private readonly replays: ReplayGuard,
  ) {}

  async authenticate(request: SandboxRequest, route: Route<OktaPrincipal>): Promise<AuthOutcome> {
    const header = request.headers.authorization ?? '';
    const separator = header.indexOf(' ');
    const scheme = separator > 0 ? header.slice(0, separator).toLowerCase() : '';
    const credential = separator > 0 ? header.slice(separator + 1).trim() : '';
    if (scheme === 'ssws') {
      return credential === this.apiToken ? { principal: { kind: 'api_token' } } : invalidToken('SSWS');
    }
    if (scheme !== 'bearer' && scheme !== 'dpop') return invalidToken('SSWS');
    const token = this.tokens.find(credential);
    if (!token) return invalidToken(scheme === 'dpop' ? 'DPoP' : 'Bearer');
    if (token.keyThumbprint === undefined && scheme === 'dpop') {
      return invalidToken(
        'Bearer',
        'invalid_token',
        'The access token is not DPoP-bound: use the Bearer scheme.',
      );
    }
    if (token.keyThumbprint !== undefined) {
      if (scheme !== 'dpop')
        return invalidToken('DPoP', 'invalid_token', 'The access token is DPoP-bound: use the DPoP scheme.');
      const proof = request.headers.dpop;
      try {
        await verifyDpopProof(
          Array.isArray(proof) ? proof[0] : proof,
          {
            method: request.method,
            url: request.url,
            accessToken: credential,
            keyThumbprint: token.keyThumbprint,
          },
          this.replays,
        );
      } catch (error) {
        if (!(error instanceof DpopError)) throw error;
        return invalidToken('DPoP', 'invalid_dpop_proof', error.message);
      }
    }
    if (route.scope && !token.scopes.has(route.scope)) return insufficientScope(route.scope);
    return { principal: { kind: 'access_token', scopes: token.scopes } };
  }
}
