import { randomBytes } from 'node:crypto';
import { errors, importJWK, type JWK, jwtVerify } from 'jose';
import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import { DpopError, type ReplayGuard, SIGNING_ALGORITHMS, verifyDpopProof } from './okta-dpop.js';
import { oktaError } from './okta-http.js';

/** Who is calling: the admin behind the API token, or a service app with an access token. */
export type OktaPrincipal = { kind: 'api_token' } | { kind: 'access_token'; scopes: ReadonlySet<string> };

/** The read scopes a service app may be granted. */
export const OKTA_READ_SCOPES = [
  'okta.users.read',
  'okta.groups.read',
  'okta.apps.read',
  'okta.logs.read',
  'okta.roles.read',
  'okta.orgs.read',
] as const;

/** What the token endpoint and the API check credentials against. */
export interface OktaAuthSettings {
  origin: string;
  apiToken: string;
  clientId: string;
  /** The service app's registered public key. */
  publicJwk: JWK;
  grantedScopes: readonly string[];
  /** Require DPoP-bound tokens (token requests with the nonce round trip, `DPoP` API calls). */
  dpop: boolean;
  tokenLifetimeSeconds: number;
  replays: ReplayGuard;
}

interface IssuedToken {
  expiresAt: number;
  scopes: ReadonlySet<string>;
  /** Thumbprint of the DPoP key the token is bound to. */
  keyThumbprint?: string;
}

type AuthOutcome = { principal: OktaPrincipal } | { response: SandboxResponse };

function invalidToken(scheme: string, error = 'invalid_token', description = 'The access token is invalid.'): AuthOutcome {
  const response = oktaError(401, 'E0000011', 'Invalid token provided');
  response.headers = { 'www-authenticate': `${scheme} error="${error}", error_description="${description}"` };
  return { response };
}

/** Checks `Authorization` headers: `SSWS <api token>`, `Bearer <access token>` or `DPoP <access token>`. */
export class OktaAuthenticator {
  private readonly tokens = new Map<string, IssuedToken>();
  /** The DPoP nonce the token endpoint requires; one per sandbox run. */
  readonly dpopNonce = randomBytes(18).toString('base64url');

  constructor(private readonly settings: OktaAuthSettings) {}

  async authenticate(request: SandboxRequest, route: Route<OktaPrincipal>): Promise<AuthOutcome> {
    const header = request.headers.authorization ?? '';
    const separator = header.indexOf(' ');
    const scheme = separator > 0 ? header.slice(0, separator).toLowerCase() : '';
    const credential = separator > 0 ? header.slice(separator + 1).trim() : '';
    if (scheme === 'ssws') {
      return credential === this.settings.apiToken ? { principal: { kind: 'api_token' } } : invalidToken('SSWS');
    }
    if (scheme !== 'bearer' && scheme !== 'dpop') return invalidToken('SSWS');
    const token = this.tokens.get(credential);
    if (!token || token.expiresAt <= Date.now()) {
      if (token) this.tokens.delete(credential);
      return invalidToken(scheme === 'dpop' ? 'DPoP' : 'Bearer');
    }
    if (token.keyThumbprint !== undefined) {
      if (scheme !== 'dpop') return invalidToken('DPoP', 'invalid_token', 'The access token is DPoP-bound: use the DPoP scheme.');
      try {
        const proof = request.headers.dpop;
        await verifyDpopProof(
          Array.isArray(proof) ? proof[0] : proof,
          { method: request.method, url: request.url, accessToken: credential, keyThumbprint: token.keyThumbprint },
          this.settings.replays,
        );
      } catch (error) {
        if (!(error instanceof DpopError)) throw error;
        return invalidToken('DPoP', 'invalid_dpop_proof', error.message);
      }
    } else if (scheme === 'dpop') {
      return invalidToken('Bearer', 'invalid_token', 'The access token is not DPoP-bound: use the Bearer scheme.');
    }
    if (route.scope && !token.scopes.has(route.scope)) {
      const response = oktaError(403, 'E0000006', 'You do not have permission to perform the requested action');
      response.headers = {
        'www-authenticate': `Bearer error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", scope="${route.scope}"`,
      };
      return { response };
    }
    return { principal: { kind: 'access_token', scopes: token.scopes } };
  }

  /** `POST /oauth2/v1/token`: client credentials with a `private_key_jwt` client assertion. */
  async issueToken(request: SandboxRequest): Promise<SandboxResponse> {
    const oauthError = (status: number, error: string, description: string): SandboxResponse => ({
      status,
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      body: { error, error_description: description },
    });
    if (!(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', `The authorization grant type is not supported by the authorization server. Configured grant types: [client_credentials].`);
    }
    const assertion = form.get('client_assertion');
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || !assertion) {
      return oauthError(401, 'invalid_client', 'Client authentication failed: a private_key_jwt client assertion is required.');
    }
    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (requested.length === 0) {
      return oauthError(400, 'invalid_scope', "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
    }
    let keyThumbprint: string | undefined;
    if (this.settings.dpop) {
      // The nonce round trip comes first, so that the retry may reuse the same client assertion.
      try {
        const proof = request.headers.dpop;
        keyThumbprint = await verifyDpopProof(
          Array.isArray(proof) ? proof[0] : proof,
          { method: 'POST', url: request.url, nonce: this.dpopNonce },
          this.settings.replays,
        );
      } catch (error) {
        if (!(error instanceof DpopError)) throw error;
        const response = oauthError(400, error.code, error.message);
        if (error.code === 'use_dpop_nonce') response.headers = { ...response.headers, 'dpop-nonce': this.dpopNonce };
        return response;
      }
    }
    const problem = await this.checkAssertion(assertion);
    if (problem) return oauthError(401, 'invalid_client', problem);
    const refused = requested.filter((scope) => !this.settings.grantedScopes.includes(scope));
    if (refused.length > 0) {
      return oauthError(400, 'invalid_scope', `The following scopes are not allowed: ${refused.join(', ')}`);
    }
    const accessToken = randomBytes(32).toString('base64url');
    const lifetime = this.settings.tokenLifetimeSeconds;
    this.forgetExpiredTokens();
    this.tokens.set(accessToken, { expiresAt: Date.now() + lifetime * 1000, scopes: new Set(requested), keyThumbprint });
    return {
      status: 200,
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      body: { token_type: keyThumbprint ? 'DPoP' : 'Bearer', expires_in: lifetime, access_token: accessToken, scope: requested.join(' ') },
    };
  }

  /** Verifies the client assertion; returns why it is refused, or undefined when it is good. */
  private async checkAssertion(assertion: string): Promise<string | undefined> {
    const { clientId, origin, publicJwk } = this.settings;
    try {
      const { payload } = await jwtVerify(
        assertion,
        async (header) => {
          if (header.kid && publicJwk.kid && header.kid !== publicJwk.kid) {
            throw new Error(`The client_assertion key id "${header.kid}" is not registered for the client.`);
          }
          return importJWK({ ...publicJwk, alg: header.alg }, header.alg);
        },
        { issuer: clientId, subject: clientId, audience: `${origin}/oauth2/v1/token`, algorithms: SIGNING_ALGORITHMS, requiredClaims: ['exp'], clockTolerance: 30 },
      );
      if (payload.exp! - Date.now() / 1000 > 3600 + 30) return 'The client_assertion token expires more than one hour ahead.';
      if (payload.jti !== undefined && !this.settings.replays.use(`assertion:${payload.jti}`)) {
        return 'The client_assertion token has already been used.';
      }
      return undefined;
    } catch (error) {
      if (error instanceof errors.JWTExpired) return 'The client_assertion token is expired.';
      if (error instanceof errors.JWTClaimValidationFailed) return `The client_assertion token has an invalid ${error.claim} claim: ${error.reason}.`;
      if (error instanceof errors.JWSSignatureVerificationFailed) return 'The client_assertion signature is invalid.';
      return `The client_assertion token is invalid: ${(error as Error).message}`;
    }
  }

  private forgetExpiredTokens(): void {
    const now = Date.now();
    for (const [token, issued] of this.tokens) if (issued.expiresAt <= now) this.tokens.delete(token);
  }
}
