import type { CompiledAuthMethod } from '../definition/compiled-types.js';
import type { Problem } from '../errors/engine-error.js';
import { authFields } from './auth-fields.js';
import { type ParsedPrivateKey, parsePrivateKey } from './private-key.js';

/** The key of the connect call's `auth` object that selects the method; it is not a credential. */
const METHOD_KEY = 'method';

/**
 * A connection's credentials after {@link checkCredentials}: every field known, a string, in
 * its format, and the values that need reading (a key, a date) already read. The strategies
 * trust it and check nothing again.
 */
export interface Credentials {
  /** The credential fields given, by name, without the `method` selector. */
  readonly values: Readonly<Record<string, string>>;
  /** `private_key` as a signing key (`private_key_jwt`). */
  readonly privateKey: ParsedPrivateKey | undefined;
  /** `expires_at` in epoch milliseconds (`oauth2_refresh`). */
  readonly expiresAt: number | undefined;
}

/** The credentials, or every problem found with them. */
export type CredentialCheck = { ok: true; credentials: Credentials } | { ok: false; problems: Problem[] };

/**
 * Checks credentials against the method's fields: required fields present, no unknown field,
 * strings only, and the format of `private_key`, `expires_at` and a Basic `username`. Messages
 * name the field (in `path`), never its value. A `method` key (the selector of the connect
 * call's `auth` object) is ignored. The one place credentials are checked.
 */
export function checkCredentials(
  method: CompiledAuthMethod,
  given: Record<string, unknown>,
): CredentialCheck {
  const fields = authFields(method);
  const names = Object.keys(fields);
  const problems: Problem[] = [];
  const values: Record<string, string> = {};
  let privateKey: ParsedPrivateKey | undefined;
  let expiresAt: number | undefined;
  for (const [name, value] of Object.entries(given)) {
    if (name === METHOD_KEY || value === undefined) continue;
    const path = `auth.${name}`;
    if (!Object.hasOwn(fields, name)) {
      const expected = names.length > 0 ? `expected ${names.join(', ')}` : 'it takes no fields';
      problems.push({ path, message: `is not a field of auth method ${method.id}: ${expected}` });
      continue;
    }
    if (typeof value !== 'string') {
      problems.push({ path, message: `must be a string, not ${describeType(value)}` });
      continue;
    }
    values[name] = value;
    if (value === '') continue;
    if (method.kind === 'basic' && name === 'username' && value.includes(':')) {
      problems.push({
        path,
        message: 'must not contain ":" (RFC 7617 joins user name and password with it)',
      });
    } else if (method.kind === 'oauth2_client_credentials' && name === 'private_key') {
      const parsed = parsePrivateKey(value);
      if (parsed.ok) privateKey = parsed.key;
      else problems.push({ path, message: parsed.problem });
    } else if (method.kind === 'oauth2_refresh' && name === 'expires_at') {
      expiresAt = parseExpiresAt(value);
      if (expiresAt === undefined)
        problems.push({ path, message: 'must be epoch milliseconds or an ISO 8601 date' });
    }
  }
  for (const [name, declaration] of Object.entries(fields)) {
    const value = given[name];
    if (declaration.required && (value === undefined || value === '')) {
      problems.push({ path: `auth.${name}`, message: `is required by auth method ${method.id}` });
    }
  }
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, credentials: { values, privateKey, expiresAt } };
}

/** Reads `expires_at`: epoch milliseconds, or an ISO 8601 date. */
export function parseExpiresAt(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : time;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
