import { randomUUID } from 'node:crypto';
import { type CryptoKey, importJWK, SignJWT } from 'jose';
import { authError } from './auth-errors.js';
import type { AuthContext } from './auth-strategy.js';
import type { Credentials } from './credentials.js';
import type { ParsedPrivateKey } from './private-key.js';

/** `client_assertion_type` of a JWT client assertion (RFC 7523, section 2.2). */
export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Lifetime of a client assertion: one token request, with room for clock skew. */
const ASSERTION_LIFETIME_SECONDS = 300;

/** How the client proves itself at the token endpoint (RFC 6749 section 2.3, RFC 7523). */
export type ClientAuthenticationMethod =
  | 'client_secret_basic'
  | 'client_secret_post'
  | 'private_key_jwt'
  | 'none';

/** One token request's form and headers, which client authentication adds to. */
export interface TokenRequestParts {
  form: URLSearchParams;
  headers: Record<string, string>;
}

/** Adds the client's credentials to a token request. */
export interface ClientAuthentication {
  /**
   * Called for every attempt, so a client assertion is never reused (servers reject a repeated
   * `jti`). Returns the secret values it added, for redaction.
   */
  apply(parts: TokenRequestParts): Promise<string[]>;
}

export interface ClientAuthenticationOptions {
  method: ClientAuthenticationMethod;
  credentials: Credentials;
  /** The `aud` of a client assertion. */
  audience: string;
  context: AuthContext;
  now: () => number;
}

/** Builds the client authentication of a token endpoint from the method and the credentials. */
export function createClientAuthentication(options: ClientAuthenticationOptions): ClientAuthentication {
  const { method, credentials } = options;
  const clientId = credentials.values.client_id ?? '';
  const clientSecret = credentials.values.client_secret;
  if (method === 'private_key_jwt') {
    // `private_key` is a required field of this method, so the credential check read it.
    return createAssertionAuthentication(clientId, credentials.privateKey!, options);
  }
  if (method === 'client_secret_basic' && clientSecret) {
    // RFC 6749 section 2.3.1: both parts are form-encoded before they are joined and base64-encoded.
    const pair = `${formEncode(clientId)}:${formEncode(clientSecret)}`;
    const encoded = Buffer.from(pair, 'utf8').toString('base64');
    return {
      apply: async ({ headers }) => {
        headers.Authorization = `Basic ${encoded}`;
        return [clientSecret, encoded];
      },
    };
  }
  if (method === 'client_secret_post' && clientSecret) {
    return {
      apply: async ({ form }) => {
        form.set('client_id', clientId);
        form.set('client_secret', clientSecret);
        return [clientSecret];
      },
    };
  }
  // `none`, or a client the definition allows without a secret: a public client names itself.
  return {
    apply: async ({ form }) => {
      form.set('client_id', clientId);
      return [];
    },
  };
}

function createAssertionAuthentication(
  clientId: string,
  privateKey: ParsedPrivateKey,
  { credentials, audience, context, now }: ClientAuthenticationOptions,
): ClientAuthentication {
  const keyId =
    credentials.values.key_id || (typeof privateKey.jwk.kid === 'string' ? privateKey.jwk.kid : undefined);
  let signingKey: Promise<CryptoKey> | undefined;
  // Imported once per strategy: every token request signs with the same key.
  const importSigningKey = () => {
    signingKey ??= importJWK(privateKey.jwk, privateKey.algorithm).then(
      (key) => key as CryptoKey,
      (error: unknown) => {
        throw authError(
          'invalid_auth',
          `auth field private_key cannot sign with ${privateKey.algorithm}; check the key and its "alg"`,
          context,
          { cause: error },
        );
      },
    );
    return signingKey;
  };
  return {
    apply: async ({ form }) => {
      const issuedAt = Math.floor(now() / 1000);
      const assertion = await new SignJWT({ jti: randomUUID() })
        .setProtectedHeader(keyId ? { alg: privateKey.algorithm, kid: keyId } : { alg: privateKey.algorithm })
        .setIssuer(clientId)
        .setSubject(clientId)
        .setAudience(audience)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ASSERTION_LIFETIME_SECONDS)
        .sign(await importSigningKey());
      form.set('client_assertion_type', JWT_BEARER_ASSERTION_TYPE);
      form.set('client_assertion', assertion);
      return [assertion];
    },
  };
}

/** application/x-www-form-urlencoded encoding of one value, as URLSearchParams writes it. */
function formEncode(value: string): string {
  return new URLSearchParams([['', value]]).toString().slice(1);
}
