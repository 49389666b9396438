import { createHash, randomUUID } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/** The algorithm of the per-strategy DPoP key: widely accepted, and small proofs. */
const DPOP_ALGORITHM = 'ES256';

interface DpopKeyPair {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/** What one DPoP proof is for. */
export interface DpopProofTarget {
  /** The HTTP method of the request the proof goes with. */
  method: string;
  url: URL;
  /** The latest nonce the server gave, if any. */
  nonce?: string | undefined;
  /** The access token sent with an API call; the proof then binds to it through `ath`. */
  accessToken?: string | undefined;
}

/**
 * Makes DPoP proofs (RFC 9449) with one key pair per strategy. The access tokens a server issues
 * are bound to this key, so the pair lives as long as the strategy and is made on first use.
 */
export class DpopProver {
  #keyPair: Promise<DpopKeyPair> | undefined;
  readonly #now: () => number;

  constructor(now: () => number) {
    this.#now = now;
  }

  /** A fresh proof JWT for one request: new `jti`, current `iat`. */
  async proof(target: DpopProofTarget): Promise<string> {
    const { privateKey, publicJwk } = await this.#ensureKeyPair();
    const claims: Record<string, string | number> = {
      htm: target.method.toUpperCase(),
      htu: proofUrl(target.url),
      iat: Math.floor(this.#now() / 1000),
      jti: randomUUID(),
    };
    if (target.nonce) claims.nonce = target.nonce;
    if (target.accessToken) claims.ath = accessTokenHash(target.accessToken);
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'dpop+jwt', alg: DPOP_ALGORITHM, jwk: publicJwk })
      .sign(privateKey);
  }

  #ensureKeyPair(): Promise<DpopKeyPair> {
    this.#keyPair ??= generateDpopKeyPair().catch((error: unknown) => {
      // Let the next request try again rather than fail forever.
      this.#keyPair = undefined;
      throw error;
    });
    return this.#keyPair;
  }
}

async function generateDpopKeyPair(): Promise<DpopKeyPair> {
  // The private key stays non-extractable: nothing but this prover can sign with it.
  const { privateKey, publicKey } = await generateKeyPair(DPOP_ALGORITHM);
  const { kty, crv, x, y } = await exportJWK(publicKey);
  return { privateKey, publicJwk: { kty, crv, x, y } };
}

/** The `htu` claim: the request URL without query and fragment (RFC 9449, section 4.2). */
function proofUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

/** The `ath` claim: base64url of the SHA-256 of the access token's ASCII bytes. */
function accessTokenHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest('base64url');
}
