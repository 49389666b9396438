import { z } from 'zod';
import { identifier, template } from './schema-connection.js';

const authFieldSchema = z
  .strictObject({
    description: z.string().optional().meta({ description: 'What the field holds and where to find it.' }),
    secret: z.boolean().optional().meta({ description: 'Never logged, never in an error or snapshot.' }),
    required: z.boolean().optional().meta({ description: 'Default true.' }),
  })
  .meta({ description: 'A credential field the connecting customer supplies.' });

const fields = z.record(identifier, authFieldSchema).optional().meta({
  description: 'Credential fields. OAuth kinds have fixed field names; declare them here to document them.',
});

const common = {
  id: identifier.meta({ description: 'The method id passed as `auth.method` when connecting.' }),
  label: z.string().optional().meta({ description: 'A human name for the method.' }),
  description: z.string().optional().meta({ description: 'Where the customer gets these credentials.' }),
  fields,
};

const tokenUrl = template.meta({
  description: 'Token endpoint: absolute, or a path joined to the origin of the base URL.',
  examples: ['/oauth2/v1/token'],
});

const dpop = z.enum(['off', 'auto', 'required']).default('off').meta({
  description:
    'DPoP (RFC 9449) proof of possession: off; auto = only when the token endpoint asks for it; required = always.',
});

const headerAuthSchema = z.strictObject({
  ...common,
  kind: z.literal('header').meta({ description: 'Credentials sent in headers the definition writes.' }),
  headers: z.record(z.string(), template).meta({
    description: 'Headers sent on every call.',
    examples: [{ Authorization: 'SSWS {{auth.token}}' }],
  }),
});

const bearerAuthSchema = z.strictObject({
  ...common,
  kind: z.literal('bearer').meta({ description: 'Sends `Authorization: Bearer {{auth.token}}`.' }),
});

const basicAuthSchema = z.strictObject({
  ...common,
  kind: z.literal('basic').meta({ description: 'HTTP Basic with fields `username` and `password`.' }),
});

const clientCredentialsAuthSchema = z.strictObject({
  ...common,
  kind: z.literal('oauth2_client_credentials').meta({
    description:
      'OAuth 2.0 client credentials. Fields: client_id, and client_secret or private_key (JWK JSON or PEM) with optional key_id.',
  }),
  token_url: tokenUrl,
  scopes: z.array(z.string()).default([]).meta({ description: 'Scopes requested with every token.' }),
  client_authentication: z
    .enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt'])
    .default('client_secret_basic')
    .meta({ description: 'How the client proves itself at the token endpoint.' }),
  assertion_audience: template
    .optional()
    .meta({ description: 'The `aud` of a private_key_jwt assertion. Default: the token URL.' }),
  dpop,
});

const refreshTokenAuthSchema = z.strictObject({
  ...common,
  kind: z.literal('oauth2_refresh').meta({
    description:
      'OAuth 2.0 tokens from an authorization-code flow. Fields: refresh_token, client_id, optional client_secret, access_token, expires_at.',
  }),
  token_url: tokenUrl,
  client_authentication: z
    .enum(['client_secret_basic', 'client_secret_post', 'none'])
    .default('client_secret_basic')
    .meta({ description: 'How the client proves itself when refreshing.' }),
  dpop,
});

export const authMethodSchema = z
  .discriminatedUnion('kind', [
    headerAuthSchema,
    bearerAuthSchema,
    basicAuthSchema,
    clientCredentialsAuthSchema,
    refreshTokenAuthSchema,
  ])
  .meta({ description: 'One way to authenticate; a provider may offer several.' });

export type AuthMethodDefinition = z.output<typeof authMethodSchema>;
