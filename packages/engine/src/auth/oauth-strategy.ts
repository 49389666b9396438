import { decodeJwt } from 'jose';
import type { Template } from '../definition/template.js';
import type { AuthChallenge } from '../http/request-auth.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import { type ClientAuthenticationMethod, createClientAuthentication } from './client-authentication.js';
import type { Credentials } from './credentials.js';
import { DpopProver } from './dpop-prover.js';
import type { TokenCache } from './token-cache.js';
import { type DpopMode, resolveTokenUrl, TokenEndpoint } from './token-endpoint.js';
import { headerValue } from './token-http.js';

/** `WWW-Authenticate: DPoP ... error="use_dpop_nonce"`, among possibly several challenges. */
const DPOP_NONCE_CHALLENGE = /(?:^|,)\s*DPoP\b[\s\S]*?\berror\s*=\s*"?use_dpop_nonce\b/i;

/** What both OAuth kinds share: the token endpoint, its client authentication and the DPoP key. */
export interface OAuthParts {
  endpoint: TokenEndpoint;
  prover: DpopProver;
  now: () => number;
}

export interface OAuthPartsOptions {
  tokenUrl: Template;
  clientAuthentication: ClientAuthenticationMethod;
  /** Template of a client assertion's `aud`; default: the token URL. */
  assertionAudience?: Template | undefined;
  dpop: DpopMode;
  credentials: Credentials;
  context: AuthContext;
  /** Every secret the strategy knows, for redaction. */
  secrets: () => string[];
}

/** Builds the token endpoint of an OAuth method. Throws `invalid_auth` for a bad URL or key. */
export function createOAuthParts(options: OAuthPartsOptions): OAuthParts {
  const { context } = options;
  // Read at call time, so a test's fake clock applies even when installed after creation.
  const now = context.now ?? (() => Date.now());
  const url = resolveTokenUrl(options.tokenUrl, context);
  const prover = new DpopProver(now);
  const clientAuthentication = createClientAuthentication({
    method: options.clientAuthentication,
    credentials: options.credentials,
    audience: options.assertionAudience ? context.render(options.assertionAudience) : url.href,
    context,
    now,
  });
  const endpoint = new TokenEndpoint({
    url,
    dpop: options.dpop,
    prover,
    clientAuthentication,
    context,
    secrets: options.secrets,
  });
  return { endpoint, prover, now };
}

/**
 * The {@link AuthStrategy} of both OAuth kinds: `Authorization: Bearer <token>`, or for a DPoP
 * token `Authorization: DPoP <token>` with a fresh proof per request. A 401 renews the token
 * once; a 401 asking for a DPoP nonce stores the nonce for the next proofs.
 */
export function createOAuthStrategy(
  cache: TokenCache,
  prover: DpopProver,
  secrets: () => string[],
  dpop: DpopMode,
): AuthStrategy {
  let resourceNonce: string | undefined;
  // With `auto`, whether a proof goes along is known once the token endpoint has answered.
  let sentProof = dpop === 'required';
  return {
    async headers({ method, url }): Promise<Record<string, string>> {
      const token = await cache.token();
      sentProof = token.type === 'DPoP';
      if (token.type !== 'DPoP') return { Authorization: `Bearer ${token.value}` };
      const proof = await prover.proof({ method, url, nonce: resourceNonce, accessToken: token.value });
      return { Authorization: `DPoP ${token.value}`, DPoP: proof };
    },

    async onUnauthorized(challenge) {
      if (DPOP_NONCE_CHALLENGE.test(headerValue(challenge.headers, 'www-authenticate') ?? '')) {
        const nonce = headerValue(challenge.headers, 'dpop-nonce');
        if (!nonce) return false;
        resourceNonce = nonce;
        // A request whose proof already carried this nonce was refused for another reason.
        return sentProofNonce(challenge) !== nonce;
      }
      if (challenge.status !== 401) return false;
      return cache.renewAfterRejection(sentAccessToken(challenge));
    },

    secrets: () => [...secrets(), ...cache.values()],
    headerNames: () => (sentProof ? ['Authorization', 'DPoP'] : ['Authorization']),
  };
}

/** The access token the rejected request carried, when the caller passed its headers. */
function sentAccessToken(challenge: AuthChallenge): string | undefined {
  const authorization = challenge.requestHeaders && headerValue(challenge.requestHeaders, 'authorization');
  const match = authorization?.match(/^(?:Bearer|DPoP)\s+(\S+)$/i);
  return match?.[1];
}

/** The nonce in the rejected request's DPoP proof, when the caller passed its headers. */
function sentProofNonce(challenge: AuthChallenge): string | undefined {
  const proof = challenge.requestHeaders && headerValue(challenge.requestHeaders, 'dpop');
  if (!proof) return undefined;
  try {
    const { nonce } = decodeJwt(proof);
    return typeof nonce === 'string' ? nonce : undefined;
  } catch {
    return undefined;
  }
}
