import type { CompiledAuthMethod } from '../definition/compiled-types.js';

/** A credential field as the engine applies it: the definition's declaration over the kind's default. */
export interface AuthField {
  description?: string | undefined;
  /** Never logged, never in an error; the strategy's `secrets()` includes its value. */
  secret: boolean;
  required: boolean;
}

const field = (description: string, secret: boolean, required = true): AuthField => ({
  description,
  secret,
  required,
});

/** Fields whose names the kind itself reads; a definition may document them but not weaken them. */
function kindFields(method: CompiledAuthMethod): Record<string, AuthField> {
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
export function authFields(method: CompiledAuthMethod): Record<string, AuthField> {
  const fields = kindFields(method);
  const fixed = new Set(Object.keys(fields));
  if (method.kind === 'header') {
    for (const name of headerTemplateFields(method)) {
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
  method: CompiledAuthMethod,
  credentials: Record<string, string>,
): string[] {
  return Object.entries(authFields(method))
    .filter(([name, declaration]) => declaration.secret && credentials[name])
    .map(([name]) => credentials[name]!);
}

// Tokens a refresh replaces: binding to them would break every cursor at the next rotation.
const ROTATING_FIELDS: Partial<Record<CompiledAuthMethod['kind'], readonly string[]>> = {
  oauth2_refresh: ['refresh_token', 'access_token', 'expires_at'],
};

/**
 * The credential fields that identify whose account a connection reads, for binding cursors:
 * every field given, except tokens that a refresh rotates.
 */
export function stableCredentials(
  method: CompiledAuthMethod,
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

function headerTemplateFields(method: CompiledAuthMethod): string[] {
  const names = method.templates.headers.flatMap(([, template]) =>
    template.paths
      .filter((path) => path.startsWith('auth.'))
      .map((path) => path.slice('auth.'.length).split('.')[0]!),
  );
  return [...new Set(names)];
}
