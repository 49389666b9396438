import { z } from 'zod';

/** Identifier used for params, auth methods and filters. */
export const identifier = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'expected snake_case: lower-case letters, digits and _')
  .meta({ id: 'Identifier', description: 'A snake_case identifier.', examples: ['domain', 'api_token'] });

/**
 * A string with `{{ path }}` placeholders. Paths read from `params`, `auth`, `filter`,
 * `parent`, `record`, `id`, `id_parts`, `member_id` and `limit`, each only where the engine has it. A path
 * placeholder is URL-encoded; a query parameter whose placeholder has no value is left out.
 */
export const template = z
  .string()
  .min(1)
  .meta({
    id: 'Template',
    role: 'template',
    description:
      'Text with {{ path }} placeholders read from params, auth, filter, parent, record, id, id_parts, member_id and limit, each only where the engine has it.',
    examples: ['https://{{params.domain}}', '/api/v1/users/{{id}}', 'SSWS {{auth.token}}'],
  });

/** A regular expression (JavaScript syntax, compiled with the `u` flag when the definition loads). */
export const regexSource = z
  .string()
  .meta({ role: 'regex', description: 'A regular expression (JavaScript syntax, Unicode mode).' });

/** A JSONata expression, inline, or the path of a `.jsonata` file relative to the definition. */
export const jsonataSource = z
  .string()
  .min(1)
  .meta({
    id: 'Jsonata',
    role: 'jsonata',
    description:
      'A JSONata expression, or the path of a .jsonata file relative to provider.yaml (a value matching ^[\\w./-]+\\.jsonata$ is read as a file).',
    examples: ['mappings/users.jsonata', '{ "id": id, "name": profile.name }'],
  });

export const paramSchema = z
  .strictObject({
    description: z
      .string()
      .optional()
      .meta({
        description: 'What the customer enters, shown in errors and docs.',
        examples: ['Your tenant host, e.g. acme.example.com.'],
      }),
    required: z
      .boolean()
      .optional()
      .meta({
        description: 'Whether the param must be given. Default: true unless a default is set.',
        examples: [false],
      }),
    enum: z
      .array(z.string())
      .min(1)
      .optional()
      .meta({ description: 'The only accepted values.', examples: [['us', 'eu']] }),
    pattern: regexSource
      .optional()
      .meta({ description: 'A regular expression the whole value must match.', examples: ['[a-z0-9-]+'] }),
    hint: z
      .string()
      .optional()
      .meta({
        description: 'Told to the user when the value is rejected: what to enter instead.',
        examples: ['enter your tenant host such as acme.example.com'],
      }),
    default: z
      .string()
      .optional()
      .meta({ description: 'Used when the param is not given.', examples: ['us'] }),
    examples: z
      .array(z.string())
      .optional()
      .meta({ description: 'Example values for docs and editors.', examples: [['acme.example.com']] }),
  })
  .meta({ description: 'A connection parameter the customer supplies.' });

export const baseUrlSchema = z
  .strictObject({
    template: template.optional().meta({
      description: 'A URL template over params.',
      examples: ['https://{{params.domain}}', 'https://{{params.subdomain}}.example.com/api'],
    }),
    by: identifier
      .optional()
      .meta({ description: 'The param whose value selects a URL from `values`.', examples: ['region'] }),
    values: z
      .record(z.string(), z.url({ protocol: /^https$/ }))
      .optional()
      .meta({
        description: 'One https URL per value of the `by` param.',
        examples: [{ us: 'https://api.example.com', eu: 'https://api.eu.example.com' }],
      }),
    allowed_hosts: z
      .array(z.string().regex(/^(\*\.)?[a-z0-9.-]+$/, 'expected a host or *.domain'))
      .optional()
      .meta({
        description:
          'Hosts a templated URL may resolve to (`*.example.com` matches any subdomain). Required with `template`.',
        examples: [['*.example.com', '*.example-eu.com']],
      }),
  })
  .meta({
    description: 'How the API base URL is built: a template, or a table selected by a param.',
    examples: [
      { template: 'https://{{params.domain}}', allowed_hosts: ['*.example.com'] },
      { by: 'region', values: { us: 'https://api.example.com', eu: 'https://api.eu.example.com' } },
    ],
  });
