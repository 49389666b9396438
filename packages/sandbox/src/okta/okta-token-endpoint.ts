import { randomBytes } from 'node:crypto';
import {
  calculateJwkThumbprint,
  errors,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  jwtVerify,
} from 'jose';
import { BASE62, Random } from '../random.js';
import type { SandboxRequest, SandboxResponse } from '../routes.js';
import type { OktaServiceApp, SandboxOptions } from '../sandbox-types.js';
import { type AccessTokens, OKTA_READ_SCOPES } from './okta-auth.js';
import { DpopError, type ReplayGuard, SIGNING_ALGORITHMS, verifyDpopProof } from './okta-dpop.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Okta refuses client assertions that expire more than an hour ahead. */
const MAX_ASSERTION_LIFETIME_SECONDS = 3600;
const CLOCK_TOLERANCE_SECONDS = 30;

/** The service app the org authorization server knows, and how it issues tokens. */
export interface TokenEndpointSettings {
  origin: string;
  clientId: string;
  /** The service app's registered public key. */
  publicJwk: JWK;
  grantedScopes: readonly string[];
  /** Require DPoP: a proof with the server's nonce on token requests, DPoP-bound tokens. */
  dpop: boolean;
  tokenLifetimeSeconds: number;
}

function oauthError(status: number, error: string, description: string): SandboxResponse {
  return {
    status,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
    body: { error, error_description: description },
  };
}

/**
 * `POST /oauth2/v1/token` of the org authorization server: the client credentials grant with a
 * `private_key_jwt` client assertion (`iss` = `sub` = client id, `aud` = this endpoint's URL,
 * `exp` at most an hour ahead, `jti` used once), and optionally DPoP. Errors follow RFC 6749.
 */
export class OktaTokenEndpoint {
  /** The DPoP nonce the endpoint requires; one per sandbox run. */
  readonly dpopNonce = randomBytes(18).toString('base64url');

  constructor(
    private readonly settings: TokenEndpointSettings,
    private readonly tokens: AccessTokens,
    private readonly replays: ReplayGuard,
  ) {}

  async issueToken(request: SandboxRequest): Promise<SandboxResponse> {
    if (!(request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request', 'The request must be application/x-www-form-urlencoded.');
    }
    const form = new URLSearchParams(request.body);
    if (form.get('grant_type') !== 'client_credentials') {
      const description = 'The authorization grant type is not supported by the authorization server.';
      return oauthError(
        400,
        'unsupported_grant_type',
        `${description} Configured grant types: [client_credentials].`,
      );
    }
    const assertion = form.get('client_assertion');
    if (form.get('client_assertion_type') !== ASSERTION_TYPE || !assertion) {
      return oauthError(
        401,
        'invalid_client',
        'Client authentication failed: a private_key_jwt assertion is required.',
      );
    }
    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (requested.length === 0) {
      const description =
        "The authorization server resource does not have any configured default scopes, 'scope' must be provided.";
      return oauthError(400, 'invalid_scope', description);
    }
    let keyThumbprint: string | undefined;
    if (this.settings.dpop) {
      // The nonce round trip comes first, so that the retry may reuse the same client assertion.
      const proof = request.headers.dpop;
      try {
        const expectation = { method: 'POST', url: request.url, nonce: this.dpopNonce };
        keyThumbprint = await verifyDpopProof(
          Array.isArray(proof) ? proof[0] : proof,
          expectation,
          this.replays,
        );
      } catch (error) {
        if (!(error instanceof DpopError)) throw error;
        const response = oauthError(400, error.code, error.message);
        if (error.code === 'use_dpop_nonce')
          response.headers = { ...response.headers, 'dpop-nonce': this.dpopNonce };
        return response;
      }
    }
    const problem = await this.checkAssertion(assertion);
    if (problem) return oauthError(401, 'invalid_client', problem);
    const refused = requested.filter((scope) => !this.settings.grantedScopes.includes(scope));
    if (refused.length > 0)
      return oauthError(400, 'invalid_scope', `The following scopes are not allowed: ${refused.join(' ')}`);
    const lifetime = this.settings.tokenLifetimeSeconds;
    const accessToken = this.tokens.issue({ scopes: new Set(requested), keyThumbprint }, lifetime);
    return {
      status: 200,
      headers: { 'cache-control': 'no-store', pragma: 'no-cache' },
      body: {
        token_type: keyThumbprint ? 'DPoP' : 'Bearer',
        expires_in: lifetime,
        access_token: accessToken,
        scope: requested.join(' '),
      },
    };
  }

  /** Verifies a client assertion; returns why it is refused, or undefined when it is good. */
  private async checkAssertion(assertion: string): Promise<string | undefined> {
    const { clientId, origin, publicJwk } = this.settings;
    try {
      const { payload } = await jwtVerify(
        assertion,
        async (header) => {
          if (header.kid && publicJwk.kid && header.kid !== publicJwk.kid) {
            throw new Error(`key id "${header.kid}" is not registered for the client`);
          }
          return importJWK({ ...publicJwk, alg: header.alg }, header.alg);
        },
        {
          issuer: clientId,
          subject: clientId,
          audience: `${origin}/oauth2/v1/token`,
          algorithms: SIGNING_ALGORITHMS,
          requiredClaims: ['exp'],
          clockTolerance: CLOCK_TOLERANCE_SECONDS,
        },
      );
      if (payload.exp! - Date.now() / 1000 > MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
        return 'The client_assertion token expires more than one hour ahead.';
      }
      if (payload.jti !== undefined && !this.replays.use(`assertion:${payload.jti}`)) {
        return 'The client_assertion token has already been used.';
      }
      return undefined;
    } catch (error) {
      if (error instanceof errors.JWTExpired) return 'The client_assertion token is expired.';
      if (error instanceof errors.JWTClaimValidationFailed) {
        return `The client_assertion token has an invalid ${error.claim} claim (${error.reason}).`;
      }
      if (error instanceof errors.JWSSignatureVerificationFailed)
        return 'The client_assertion signature is invalid.';
      return `The client_assertion token is invalid: ${(error as Error).message}`;
    }
  }
}

/**
 * The service app: a client id and, unless a public key is supplied, a fresh RS256 key pair
 * whose public half the token endpoint verifies assertions with.
 */
export async function createServiceApp(
  seed: number,
  origin: string,
  option: SandboxOptions['serviceApp'],
): Promise<OktaServiceApp> {
  const clientId = option?.clientId ?? `0oa${new Random(seed, 'okta.client-id').characters(17, BASE62)}`;
  const tokenUrl = `${origin}/oauth2/v1/token`;
  const scopes = option?.scopes ?? OKTA_READ_SCOPES;
  if (option?.publicJwk) return { clientId, publicJwk: option.publicJwk, scopes, tokenUrl };
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = await exportJWK(publicKey);
  const keyId = await calculateJwkThumbprint(publicJwk);
  const describe = (jwk: JWK): JWK => ({ ...jwk, kid: keyId, alg: 'RS256', use: 'sig' });
  return {
    clientId,
    publicJwk: describe(publicJwk),
    privateJwk: describe(await exportJWK(privateKey)),
    scopes,
    tokenUrl,
  };
}
