import { z } from 'zod';
import { authMethodSchema } from './schema-auth.js';
import { baseUrlSchema, identifier, paramSchema, template } from './schema-connection.js';
import { errorMappingSchema, rateLimitSchema, retrySchema } from './schema-policy.js';
import { resourceEntrySchema } from './schema-resource.js';
import { resourceKey } from './schema-source.js';

/** A JSONata variable name: letters, digits and _, starting with a letter. */
const identifierLike = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'expected a name of letters, digits and _');

/** The zod schema of `provider.yaml`: the single source of truth for the definition format. */
export const providerDefinitionSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .meta({
        description: 'The JSON Schema an editor checks the file with.',
        examples: ['../../schemas/provider.schema.json'],
      }),
    version: z.literal(1).meta({
      description: 'Version of the definition format; this engine reads version 1.',
      examples: [1],
    }),
    id: z
      .string()
      .regex(/^[a-z][a-z0-9-]*$/, 'expected kebab-case, the name of the provider folder')
      .meta({ description: 'Provider id; equals the folder name.', examples: ['acme'] }),
    name: z
      .string()
      .min(1)
      .meta({ description: 'Display name.', examples: ['Acme'] }),
    description: z
      .string()
      .optional()
      .meta({
        description: 'What the provider serves, for docs.',
        examples: ['Acme Directory API: users, groups and their members.'],
      }),
    docs_url: z
      .url()
      .optional()
      .meta({
        description: "The provider's API documentation.",
        examples: ['https://developer.example.com/docs/api/'],
      }),
    params: z
      .record(identifier, paramSchema)
      .default({})
      .meta({
        description:
          'What the connecting customer supplies, by name; templates read them as {{params.<name>}}.',
        examples: [
          {
            domain: {
              description: 'Your tenant host.',
              pattern: '[a-z0-9-]+\\.example\\.com',
              examples: ['acme.example.com'],
            },
          },
        ],
      }),
    base_url: baseUrlSchema,
    auth: z
      .array(authMethodSchema)
      .min(1)
      .meta({
        description: 'Ways to authenticate; the connecting customer picks one by its id.',
        examples: [[{ id: 'api_token', kind: 'bearer', fields: { token: { secret: true } } }]],
      }),
    headers: z
      .record(z.string(), template)
      .default({ Accept: 'application/json' })
      .meta({
        description: 'Headers sent on every request (templates). Default: Accept: application/json.',
        examples: [{ Accept: 'application/json', 'X-Tenant': '{{params.tenant}}' }],
      }),
    rate_limit: rateLimitSchema.default({
      max_wait_seconds: 120,
      max_total_wait_seconds: 600,
      rate_limited_statuses: [429],
      families: {},
    }),
    retry: retrySchema.default({
      max_attempts: 5,
      base_delay_ms: 500,
      max_delay_ms: 30_000,
      statuses: [429, 500, 502, 503, 504],
    }),
    errors: errorMappingSchema.optional(),
    constants: z
      .record(identifierLike, z.unknown())
      .default({})
      .meta({
        description:
          'Values every JSONata expression of the definition reads as $<name> (lookup tables shared by mappings), bound once rather than built for every record.',
        examples: [{ user_status: { ACTIVE: 'active', SUSPENDED: 'suspended' } }],
      }),
    resources: z.record(resourceKey, resourceEntrySchema).meta({
      description: 'Unified resources served, by model/resource.',
      examples: [
        {
          'user-directory/users': {
            list: { sources: [{ request: { path: '/api/v1/users' }, mapping: 'mappings/users.jsonata' }] },
          },
        },
      ],
    }),
  })
  .meta({
    title: 'Provider definition',
    description: 'A declarative provider definition for @org/engine (provider.yaml).',
  });

/** A provider definition as written (defaults not yet applied). */
export type ProviderDefinitionInput = z.input<typeof providerDefinitionSchema>;
/**
 * A provider definition as parsed: validated, defaults applied, mapping files inlined. Compiling
 * it gives the `ProviderDefinition` the engine serves.
 */
export type ParsedDefinition = z.output<typeof providerDefinitionSchema>;
