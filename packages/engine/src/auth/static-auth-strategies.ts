import type { CompiledAuthMethod } from '../definition/compiled-types.js';
import { authError } from './auth-errors.js';
import { secretCredentialValues } from './auth-fields.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';
import type { Credentials } from './credentials.js';

type MethodOfKind<Kind extends CompiledAuthMethod['kind']> = Extract<CompiledAuthMethod, { kind: Kind }>;

/** Line breaks in a header value would let a credential smuggle in another header. */
const FORBIDDEN_HEADER_CHARACTERS = /[\r\n\0]/;

/**
 * The `header` kind: each header of the definition, rendered once (a connection's credentials
 * never change), e.g. `Authorization: SSWS {{auth.token}}`. A header that renders empty is left
 * out, so an optional field can feed an optional header.
 */
export function createHeaderStrategy(
  method: MethodOfKind<'header'>,
  credentials: Credentials,
  context: AuthContext,
): AuthStrategy {
  const headers: Record<string, string> = {};
  for (const [name, template] of method.templates.headers) {
    const value = context.render(template);
    if (value.trim() === '') continue;
    headers[name] = checkedHeaderValue(name, value, context);
  }
  return staticStrategy(headers, secretCredentialValues(method, credentials.values));
}

/** The `bearer` kind: `Authorization: Bearer <token>`. */
export function createBearerStrategy(
  method: MethodOfKind<'bearer'>,
  credentials: Credentials,
  context: AuthContext,
): AuthStrategy {
  // `token` is a required field of the kind, so the credential check saw it given.
  const token = credentials.values.token!;
  return staticStrategy(
    { Authorization: checkedHeaderValue('Authorization', `Bearer ${token}`, context) },
    secretCredentialValues(method, credentials.values),
  );
}

/** The `basic` kind (RFC 7617): `Authorization: Basic base64(username:password)`, UTF-8. */
export function createBasicStrategy(method: MethodOfKind<'basic'>, credentials: Credentials): AuthStrategy {
  const username = credentials.values.username!;
  const password = credentials.values.password ?? '';
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  // The encoded pair is as good as the password, so it is redacted too.
  return staticStrategy({ Authorization: `Basic ${encoded}` }, [
    ...secretCredentialValues(method, credentials.values),
    encoded,
  ]);
}

function staticStrategy(headers: Record<string, string>, secrets: string[]): AuthStrategy {
  return {
    headers: async () => ({ ...headers }),
    // Nothing to renew: a rejected static credential stays rejected, so a retry cannot help.
    onUnauthorized: async () => false,
    secrets: () => [...secrets],
    headerNames: () => Object.keys(headers),
  };
}

function checkedHeaderValue(name: string, value: string, context: AuthContext): string {
  if (FORBIDDEN_HEADER_CHARACTERS.test(value)) {
    throw authError(
      'invalid_auth',
      `the ${name} header would contain a line break; check the credential for a stray newline`,
      context,
    );
  }
  return value;
}
