import type { AuthMethodDefinition } from '../definition/schema-auth.js';
import { authError } from './auth-errors.js';
import { secretCredentialValues } from './auth-fields.js';
import type { AuthContext, AuthStrategy } from './auth-strategy.js';

type MethodOfKind<Kind extends AuthMethodDefinition['kind']> = Extract<AuthMethodDefinition, { kind: Kind }>;

/** Line breaks in a header value would let a credential smuggle in another header. */
const FORBIDDEN_HEADER_CHARACTERS = /[\r\n\0]/;

/**
 * The `header` kind: each header of the definition, rendered once (a connection's credentials
 * never change), e.g. `Authorization: SSWS {{auth.token}}`. A header that renders empty is left
 * out, so an optional field can feed an optional header.
 */
export function createHeaderStrategy(
  method: MethodOfKind<'header'>,
  credentials: Record<string, string>,
  context: AuthContext,
): AuthStrategy {
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(method.headers)) {
    const value = context.render(template);
    if (value.trim() === '') continue;
    headers[name] = checkedHeaderValue(name, value, context);
  }
  return staticStrategy(headers, secretCredentialValues(method, credentials));
}

/** The `bearer` kind: `Authorization: Bearer <token>`. */
export function createBearerStrategy(
  method: MethodOfKind<'bearer'>,
  credentials: Record<string, string>,
  context: AuthContext,
): AuthStrategy {
  const token = requiredCredential(credentials, 'token', context);
  return staticStrategy(
    { Authorization: checkedHeaderValue('Authorization', `Bearer ${token}`, context) },
    secretCredentialValues(method, credentials),
  );
}

/** The `basic` kind (RFC 7617): `Authorization: Basic base64(username:password)`, UTF-8. */
export function createBasicStrategy(
  method: MethodOfKind<'basic'>,
  credentials: Record<string, string>,
  context: AuthContext,
): AuthStrategy {
  const username = requiredCredential(credentials, 'username', context);
  const password = credentials.password ?? '';
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  // The encoded pair is as good as the password, so it is redacted too.
  return staticStrategy({ Authorization: `Basic ${encoded}` }, [
    ...secretCredentialValues(method, credentials),
    encoded,
  ]);
}

function staticStrategy(headers: Record<string, string>, secrets: string[]): AuthStrategy {
  return {
    headers: async () => ({ ...headers }),
    // Nothing to renew: a rejected static credential stays rejected, so a retry cannot help.
    onUnauthorized: async () => false,
    secrets: () => [...secrets],
  };
}

function requiredCredential(credentials: Record<string, string>, name: string, context: AuthContext): string {
  const value = credentials[name];
  if (!value) throw authError('invalid_auth', `auth field ${name} is required`, context);
  return value;
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
