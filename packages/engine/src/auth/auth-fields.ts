import type { AuthMethodDefinition } from '../definition/schema-auth.js';
import { parseTemplate } from '../definition/template.js';
import type { Problem } from '../errors/engine-error.js';
import { parsePrivateKey } from './private-key.js';

/** A credential field as the engine applies it: the definition's declaration over the kind's default. */
export interface AuthField {
  description?: string | undefined;
  /** Never logged, never in an error; the strategy's `secrets()` includes its value. */
  secret: boolean;
  required: boolean;
}

/** The key of the connect call's `auth` object that selects the method; it is not a credential. */
const METHOD_KEY = 'method';

const field = (description: string, secret: boolean, required = true): AuthField => ({
  description,
  secret,
  required,
});

/** Fields whose names the kind itself reads; a definition may document them but not weaken them. */
function kindFields(method: AuthMethodDefinition): Record<string, AuthField> {
  switch (method.kind) {
    case 'header':
      return {};
    case 'bearer':
      return { token: field('The bearer token.', true) };
    case 'basic':
      return { username: field('The user name.', false), password: field('The password.', true) };
    case 'oauth2_client_credentials': {
      const clientId = field('The OAuth client id.', false);
      if (method.client_authentication === 'private_key_jwt') {
        return {
          client_id: clientId,
          private_key: field(
            'The private key that signs client assertions: a JWK as JSON, or PEM (PKCS#8).',
            true,
          ),
          key_id: field('The `kid` of the key, when the client has several.', false, false),
        };
      }
      return { client_id: clientId, client_secret: field('The OAuth client secret.', true) };
    }
    case 'oauth2_refresh':
      return {
        refresh_token: field('The refresh token.', true),
        client_id: field('The OAuth client id.', false),
        ...(method.client_authentication === 'none'
          ? {}
          : { client_secret: field('The OAuth client secret.', true) }),
        access_token: field('A current access token, used until `expires_at`.', true, false),
        expires_at: field(
          'When `access_token` expires: epoch milliseconds or an ISO 8601 date.',
          false,
          false,
        ),
      };
  }
}

/**
 * The credential fields of an auth method, for validation, docs and `engine.providers()`: the
 * kind's own fields, fields named by `{{auth.x}}` in header templates, and the definition's
 * `fields` merged over them. A field the kind treats as secret or required stays so.
 */
export function authFields(method: AuthMethodDefinition): Record<string, AuthField> {
  const fields = kindFields(method);
  const fixed = new Set(Object.keys(fields));
  if (method.kind === 'header') {
    for (const name of headerTemplateFields(Object.values(method.headers))) {
      // A value placed in an auth header is a credential unless the definition says otherwise.
      fields[name] = { secret: true, required: true };
    }
  }
  for (const [name, declared] of Object.entries(method.fields ?? {})) {
    const base = fields[name];
    fields[name] =
      base && fixed.has(name)
        ? {
            description: declared.description ?? base.description,
            secret: base.secret || declared.secret === true,
            required: base.required || declared.required === true,
          }
        : {
            description: declared.description,
            secret: declared.secret ?? base?.secret ?? false,
            required: declared.required ?? true,
          };
  }
  return fields;
}

/** The values of the fields marked secret, for redaction. */
export function secretCredentialValues(
  method: AuthMethodDefinition,
  credentials: Record<string, string>,
): string[] {
  return Object.entries(authFields(method))
    .filter(([name, declaration]) => declaration.secret && credentials[name])
    .map(([name]) => credentials[name]!);
}

// Tokens a refresh replaces: binding to them would break every cursor at the next rotation.
const ROTATING_FIELDS: Partial<Record<AuthMethodDefinition['kind'], readonly string[]>> = {
  oauth2_refresh: ['refresh_token', 'access_token', 'expires_at'],
};

/**
 * The credential fields that identify whose account a connection reads, for binding cursors:
 * every field given, except tokens that a refresh rotates.
 */
export function stableCredentials(
  method: AuthMethodDefinition,
  credentials: Record<string, string | undefined>,
): Record<string, string> {
  const rotating = new Set(ROTATING_FIELDS[method.kind] ?? []);
  const stable: Record<string, string> = {};
  for (const name of Object.keys(authFields(method))) {
    const value = credentials[name];
    if (value !== undefined && !rotating.has(name)) stable[name] = value;
  }
  return stable;
}

/**
 * Checks credentials against the method's fields: required fields present, no unknown field,
 * strings only, and the format of `private_key`, `expires_at` and a Basic `username`. Messages
 * name the field (in `path`), never its value. A `method` key (the selector of the connect
 * call's `auth` object) is ignored.
 */
export function validateAuthCredentials(
  method: AuthMethodDefinition,
  credentials: Record<string, unknown>,
): Problem[] {
  const fields = authFields(method);
  const names = Object.keys(fields);
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(credentials)) {
    if (name === METHOD_KEY || value === undefined) continue;
    const path = `auth.${name}`;
    if (!Object.hasOwn(fields, name)) {
      const expected = names.length > 0 ? `expected ${names.join(', ')}` : 'it takes no fields';
      problems.push({ path, message: `is not a field of auth method ${method.id}: ${expected}` });
    } else if (typeof value !== 'string') {
      problems.push({ path, message: `must be a string, not ${describeType(value)}` });
    } else {
      const formatProblem = checkFormat(method, name, value);
      if (formatProblem) problems.push({ path, message: formatProblem });
    }
  }
  for (const [name, declaration] of Object.entries(fields)) {
    const value = credentials[name];
    if (declaration.required && (value === undefined || value === '')) {
      problems.push({ path: `auth.${name}`, message: `is required by auth method ${method.id}` });
    }
  }
  return problems;
}

function checkFormat(method: AuthMethodDefinition, name: string, value: string): string | undefined {
  if (value === '') return undefined;
  if (method.kind === 'basic' && name === 'username' && value.includes(':')) {
    return 'must not contain ":" (RFC 7617 joins user name and password with it)';
  }
  if (method.kind === 'oauth2_client_credentials' && name === 'private_key') {
    const parsed = parsePrivateKey(value);
    return parsed.ok ? undefined : parsed.problem;
  }
  if (method.kind === 'oauth2_refresh' && name === 'expires_at' && parseExpiresAt(value) === undefined) {
    return 'must be epoch milliseconds or an ISO 8601 date';
  }
  return undefined;
}

/** Reads `expires_at`: epoch milliseconds, or an ISO 8601 date. */
export function parseExpiresAt(value: string): number | undefined {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const time = Date.parse(trimmed);
  return Number.isNaN(time) ? undefined : time;
}

function headerTemplateFields(templates: string[]): string[] {
  const names = templates.flatMap((template) =>
    parseTemplate(template)
      .paths.filter((path) => path.startsWith('auth.'))
      .map((path) => path.slice('auth.'.length).split('.')[0]!),
  );
  return [...new Set(names)];
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
