import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { EngineError } from '../errors/engine-error.js';

/** What a cursor is bound to: a cursor made for one of these is refused by any other. */
export interface CursorBinding {
  provider: string;
  baseUrl: string;
  authMethod: string;
  /** A keyed hash of the connection's stable credentials (see {@link CursorCodec.credentialFingerprint}). */
  credentials: string;
  resource: string;
  filter: Record<string, unknown>;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) => (left < right ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Signs and checks opaque cursors with HMAC-SHA256. The payload holds paths and positions,
 * never a host; the signature covers the payload and the binding, so a changed cursor, or one
 * used on another connection, resource or filter, fails with invalid_cursor.
 */
export class CursorCodec {
  // A true private field: util.inspect and loggers never print the signing key.
  readonly #key: Buffer;

  /** `secret` lets cursors survive restarts; without it a random key is made per engine. */
  constructor(secret?: string | Uint8Array) {
    this.#key = secret === undefined ? randomBytes(32) : Buffer.from(secret);
    if (this.#key.length < 16) throw new TypeError('cursorSecret must be at least 16 bytes');
  }

  /**
   * A fingerprint of credentials for cursor bindings: an HMAC under the cursor key, so it reveals
   * nothing of the secret and is the same in every process sharing `cursorSecret`.
   */
  credentialFingerprint(credentials: Readonly<Record<string, string>>): string {
    return createHmac('sha256', this.#key)
      .update('credentials\u0000')
      .update(canonical(credentials))
      .digest('base64url');
  }

  private sign(payload: string, binding: CursorBinding): Buffer {
    return createHmac('sha256', this.#key)
      .update(canonical(binding))
      .update('\u0000')
      .update(payload)
      .digest();
  }

  encode(state: unknown, binding: CursorBinding): string {
    const payload = Buffer.from(JSON.stringify(state)).toString('base64url');
    return `${payload}.${this.sign(payload, binding).toString('base64url')}`;
  }

  decode<T>(cursor: string, binding: CursorBinding, context: { provider: string; resource: string }): T {
    const fail = (message: string): never => {
      throw new EngineError('invalid_cursor', message, { ...context, operation: 'list' });
    };
    if (typeof cursor !== 'string' || cursor.length > 16_384) fail('the cursor is not one this engine made');
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined) fail('the cursor is malformed');
    // Compared as text: decoding first would accept other spellings of the same bytes (spare
    // bits of the last character, `+` for `-`), so a changed cursor would pass.
    const expected = Buffer.from(this.sign(payload!, binding).toString('base64url'));
    const given = Buffer.from(signature!);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      fail('the cursor was changed, or belongs to another connection, resource or filter');
    }
    try {
      return JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as T;
    } catch {
      return fail('the cursor is malformed');
    }
  }
}
