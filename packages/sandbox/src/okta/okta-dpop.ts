import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, type JWK, jwtVerify } from 'jose';

/** Signature algorithms Okta accepts for client assertions and DPoP proofs. */
export const SIGNING_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512'];

/** A rejected DPoP proof; `code` is the OAuth error to report. */
export class DpopError extends Error {
  override readonly name = 'DpopError';

  constructor(
    message: string,
    readonly code: 'invalid_dpop_proof' | 'use_dpop_nonce' = 'invalid_dpop_proof',
  ) {
    super(message);
  }
}

/**
 * Remembers `jti` values so that a signed proof or assertion cannot be replayed. The memory is
 * bounded: past the limit the oldest half is forgotten (tokens expire long before that matters).
 */
export class ReplayGuard {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 50_000) {}

  /** Records `jti`; false when it was already used. */
  use(jti: string): boolean {
    if (this.seen.has(jti)) return false;
    if (this.seen.size >= this.capacity) {
      let dropped = 0;
      for (const old of this.seen) {
        this.seen.delete(old);
        if (++dropped >= this.capacity / 2) break;
      }
    }
    this.seen.add(jti);
    return true;
  }
}

/** What a DPoP proof must match. */
export interface DpopExpectation {
  /** The HTTP method of the request (`htm`). */
  method: string;
  /** The request URL; `htu` must equal its origin and path, without the query string. */
  url: URL;
  /** The nonce the server requires, for token requests. */
  nonce?: string;
  /** The access token the proof accompanies (`ath` = base64url(SHA-256(token))). */
  accessToken?: string;
  /** Thumbprint of the key the access token is bound to. */
  keyThumbprint?: string;
}

function sameTarget(htu: unknown, url: URL): boolean {
  if (typeof htu !== 'string') return false;
  try {
    const parsed = new URL(htu);
    return parsed.origin === url.origin && parsed.pathname === url.pathname;
  } catch {
    return false;
  }
}

/**
 * Verifies a `DPoP` header (RFC 9449) and returns the thumbprint of its key. The proof is a
 * JWT of type `dpop+jwt` signed by the public key embedded in its own header.
 */
export async function verifyDpopProof(
  proof: string | undefined,
  expectation: DpopExpectation,
  replays: ReplayGuard,
): Promise<string> {
  if (!proof) throw new DpopError('The DPoP proof JWT header is missing.');
  let verified: Awaited<ReturnType<typeof jwtVerify>>;
  try {
    verified = await jwtVerify(proof, EmbeddedJWK, {
      typ: 'dpop+jwt',
      algorithms: SIGNING_ALGORITHMS,
      maxTokenAge: '5 minutes',
      clockTolerance: 60,
    });
  } catch (error) {
    throw new DpopError(`The DPoP proof JWT is invalid: ${(error as Error).message}`);
  }
  const { payload, protectedHeader } = verified;
  if (payload.htm !== expectation.method)
    throw new DpopError(`The DPoP proof htm must be ${expectation.method}.`);
  if (!sameTarget(payload.htu, expectation.url)) {
    throw new DpopError(`The DPoP proof htu must be ${expectation.url.origin}${expectation.url.pathname}.`);
  }
  if (typeof payload.jti !== 'string' || payload.jti === '')
    throw new DpopError('The DPoP proof jti is missing.');
  if (expectation.nonce !== undefined && payload.nonce !== expectation.nonce) {
    throw new DpopError('Authorization server requires nonce in DPoP proof.', 'use_dpop_nonce');
  }
  if (expectation.accessToken !== undefined) {
    const hash = createHash('sha256').update(expectation.accessToken).digest('base64url');
    if (payload.ath !== hash) throw new DpopError('The DPoP proof ath does not match the access token.');
  }
  const thumbprint = await calculateJwkThumbprint(protectedHeader.jwk as JWK);
  if (expectation.keyThumbprint !== undefined && thumbprint !== expectation.keyThumbprint) {
    throw new DpopError('The DPoP proof key is not the key the access token is bound to.');
  }
  if (!replays.use(`dpop:${payload.jti}`)) throw new DpopError('The DPoP proof jti has already been used.');
  return thumbprint;
}
