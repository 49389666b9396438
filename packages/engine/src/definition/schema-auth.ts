import { z } from 'zod';
import { identifier, template } from './schema-connection.js';

const authFieldSchema = z
  .strictObject({
    description: z
      .string()
      .optional()
      .meta({
        description: 'What the field holds and where to find it.',
        examples: ['The API token, shown once when it is created.'],
      }),
    secret: z
      .boolean()
      .optional()
      .meta({
        description: 'Never logged, never in an error or snapshot.',
        examples: [true],
      }),
    required: z
      .boolean()
      .optional()
      .meta({ description: 'Default true.', examples: [false] }),
  })
  .meta({ description: 'A credential field the connecting customer supplies.' });

const fields = z
  .record(identifier, authFieldSchema)
  .optional()
  .meta({
    id: 'AuthFields',
    description:
      'Credential fields, read by templates as {{auth.<name>}}. OAuth kinds have fixed field names; declare them here to document them.',
    examples: [{ token: { description: 'The API token.', secret: true } }],
  });

const common = {
  id: identifier.meta({
    id: 'AuthMethodId',
    description: 'The method id passed as `auth.method` when connecting.',
    examples: ['api_token', 'oauth2_service_app'],
  }),
  label: z
    .string()
    .optional()
    .meta({ id: 'AuthMethodLabel', description: 'A human name for the method.', examples: ['API token'] }),
  description: z
    .string()
    .optional()
    .meta({
      id: 'AuthMethodDescription',
      description: 'Where the customer gets these credentials.',
      examples: ['An API token created by an admin under Settings > API.'],
    }),
  fields,
};

const tokenUrl = template.meta({
  id: 'TokenUrl',
  description: 'Token endpoint: absolute, or a path joined to the origin of the base URL.',
  examples: ['/oauth2/v1/token'],
});

const dpop = z
  .enum(['off', 'auto', 'required'])
  .default('off')
  .meta({
    id: 'Dpop',
    description:
      'DPoP (RFC 9449) proof of possession: off; auto = only when the token endpoint asks for it; required = always.',
    examples: ['auto'],
  });

const headerAuthSchema = z.strictObject({
  ...common,
  kind: z
    .literal('header')
    .meta({ description: 'Credentials sent in headers the definition writes.', examples: ['header'] }),
  headers: z.record(z.string(), template).meta({
    description: 'Headers sent on every call.',
    examples: [{ Authorization: 'SSWS {{auth.token}}' }],
  }),
});

const bearerAuthSchema = z.strictObject({
  ...common,
  kind: z
    .literal('bearer')
    .meta({ description: 'Sends `Authorization: Bearer {{auth.token}}`.', examples: ['bearer'] }),
});

const basicAuthSchema = z.strictObject({
  ...common,
  kind: z
    .literal('basic')
    .meta({ description: 'HTTP Basic with fields `username` and `password`.', examples: ['basic'] }),
});

const clientCredentialsAuthSchema = z.strictObject({
  ...common,
  kind: z.literal('oauth2_client_credentials').meta({
    description:
      'OAuth 2.0 client credentials. Fields: client_id, and client_secret or private_key (JWK JSON or PEM) with optional key_id.',
    examples: ['oauth2_client_credentials'],
  }),
  token_url: tokenUrl,
  scopes: z
    .array(z.string())
    .default([])
    .meta({ description: 'Scopes requested with every token.', examples: [['users.read', 'groups.read']] }),
  client_authentication: z
    .enum(['client_secret_basic', 'client_secret_post', 'private_key_jwt'])
    .default('client_secret_basic')
    .meta({
      description: 'How the client proves itself at the token endpoint.',
      examples: ['private_key_jwt'],
    }),
  assertion_audience: template.optional().meta({
    description: 'The `aud` of a private_key_jwt assertion. Default: the token URL.',
    examples: ['https://{{params.domain}}/oauth2/v1/token'],
  }),
  dpop,
});

const refreshTokenAuthSchema = z.strictObject({
  ...common,
  kind: z.literal('oauth2_refresh').meta({
    description:
      'OAuth 2.0 tokens from an authorization-code flow. Fields: refresh_token, client_id, optional client_secret, access_token, expires_at.',
    examples: ['oauth2_refresh'],
  }),
  token_url: tokenUrl,
  client_authentication: z
    .enum(['client_secret_basic', 'client_secret_post', 'none'])
    .default('client_secret_basic')
    .meta({ description: 'How the client proves itself when refreshing.', examples: ['client_secret_post'] }),
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
