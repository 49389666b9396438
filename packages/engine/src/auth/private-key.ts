import { createPrivateKey, type JsonWebKey } from 'node:crypto';
import type { JWK } from 'jose';

/** A customer's signing key, read into a private JWK, with the JWS algorithm it signs with. */
export interface ParsedPrivateKey {
  jwk: JWK;
  algorithm: string;
}

/** The result of reading a private key: the key, or why it cannot be used (never its content). */
export type PrivateKeyResult = { ok: true; key: ParsedPrivateKey } | { ok: false; problem: string };

const CURVE_ALGORITHMS: Record<string, string> = { 'P-256': 'ES256', 'P-384': 'ES384', 'P-521': 'ES512' };

/**
 * Reads the `private_key` credential: a JWK as JSON text, or a PEM private key (PKCS#8, and the
 * PKCS#1 and SEC1 forms Node also reads). Synchronous, so credential validation can report a
 * bad key before any request. Problems describe the key, never quote it.
 */
export function parsePrivateKey(text: string): PrivateKeyResult {
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) return parseJwk(trimmed);
  if (trimmed.includes('-----BEGIN')) return parsePem(trimmed);
  return { ok: false, problem: 'must be a private JWK (JSON) or a PEM private key' };
}

function parseJwk(text: string): PrivateKeyResult {
  let jwk: JWK;
  try {
    jwk = JSON.parse(text) as JWK;
  } catch {
    // The parser's message quotes the input, so it is not passed on.
    return { ok: false, problem: 'starts like a JWK but is not valid JSON' };
  }
  if (typeof jwk !== 'object' || jwk === null || typeof jwk.kty !== 'string') {
    return { ok: false, problem: 'is JSON but not a JWK (no "kty")' };
  }
  if (jwk.kty === 'oct') return { ok: false, problem: 'is a symmetric key; use an RSA or EC private key' };
  if (typeof jwk.d !== 'string') return { ok: false, problem: 'is a public key; give the private key' };
  try {
    // Node checks the key material itself, so a truncated key is reported now, not at the first request.
    createPrivateKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch (error) {
    return { ok: false, problem: `is not a usable private JWK${errorCode(error)}` };
  }
  return withAlgorithm(jwk);
}

function parsePem(text: string): PrivateKeyResult {
  if (text.includes('ENCRYPTED')) {
    return { ok: false, problem: 'is an encrypted PEM key; give the unencrypted PKCS#8 key' };
  }
  // Keys pasted through environment variables often arrive with literal "\n" instead of line breaks.
  const pem = text.includes('\n') ? text : text.replaceAll('\\n', '\n');
  try {
    const jwk = createPrivateKey({ key: pem, format: 'pem' }).export({ format: 'jwk' }) as JWK;
    return withAlgorithm(jwk);
  } catch (error) {
    return { ok: false, problem: `is not a readable PEM private key${errorCode(error)}` };
  }
}

/** The JWK's own `alg`, else the usual algorithm of its key type and curve. */
function withAlgorithm(jwk: JWK): PrivateKeyResult {
  if (typeof jwk.alg === 'string') return { ok: true, key: { jwk, algorithm: jwk.alg } };
  if (jwk.kty === 'RSA') return { ok: true, key: { jwk, algorithm: 'RS256' } };
  const curveAlgorithm = jwk.kty === 'EC' && jwk.crv ? CURVE_ALGORITHMS[jwk.crv] : undefined;
  if (curveAlgorithm) return { ok: true, key: { jwk, algorithm: curveAlgorithm } };
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return { ok: true, key: { jwk, algorithm: 'EdDSA' } };
  return {
    ok: false,
    problem: `has key type ${jwk.kty}${jwk.crv ? ` (${jwk.crv})` : ''}, which cannot sign a client assertion; use RSA or EC`,
  };
}

function errorCode(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? ` (${code})` : '';
}
