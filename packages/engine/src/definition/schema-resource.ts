import { z } from 'zod';
import { identifier, jsonataSource, regexSource } from './schema-connection.js';
import { enrichSchema, requestSchema } from './schema-request.js';
import { sources } from './schema-source.js';
import { writeFields } from './schema-write.js';

const filterSchema = z
  .strictObject({
    type: z
      .enum(['string', 'enum', 'date_time', 'date', 'boolean'])
      .default('string')
      .meta({ description: 'How the value is checked before any request.', examples: ['enum', 'date_time'] }),
    values: z
      .array(z.string())
      .optional()
      .meta({ description: 'Accepted values of an enum filter.', examples: [['active', 'suspended']] }),
    description: z
      .string()
      .optional()
      .meta({
        description: 'What the filter selects, for docs.',
        examples: ['Users changed after this instant.'],
      }),
    max_age_days: z
      .int()
      .positive()
      .optional()
      .meta({
        description: 'A date filter older than this many days fails with invalid_filter.',
        examples: [90],
      }),
    local: jsonataSource.optional().meta({
      description:
        'JSONata predicate over a mapped record, with the filter value bound as $value. Used when a source cannot answer the filter itself.',
      examples: ['status = $value', '$value in emails.email'],
    }),
  })
  .meta({
    id: 'Filter',
    description: 'A filter callers may pass to list and iterate.',
    examples: [
      { type: 'enum', values: ['active', 'suspended'] },
      { type: 'date_time', max_age_days: 90 },
    ],
  });

const listSchema = z
  .strictObject({
    sources,
    variants: z
      .array(
        z.strictObject({
          when: z
            .array(identifier)
            .min(1)
            .meta({
              description: 'Used when every one of these filters is given.',
              examples: [['group_id']],
            }),
          sources,
        }),
      )
      .optional()
      .meta({
        description: 'Alternative sources chosen by the filters given; the first match wins.',
        examples: [
          [
            {
              when: ['group_id'],
              sources: [
                {
                  request: { path: '/api/v1/groups/{{filter.group_id}}/users' },
                  mapping: 'mappings/users.jsonata',
                },
              ],
            },
          ],
        ],
      }),
  })
  .meta({
    description: 'How to list the resource.',
    examples: [{ sources: [{ request: { path: '/api/v1/users' }, mapping: 'mappings/users.jsonata' }] }],
  });

const getSchema = z
  .strictObject({
    request: requestSchema.optional(),
    records: jsonataSource.optional().meta({
      description: 'JSONata path to the record in the body. Default: the body.',
      examples: ['data'],
    }),
    mapping: jsonataSource.optional().meta({
      description:
        "JSONata from the record to a unified record. Default: the list's first HTTP source mapping.",
      examples: ['mappings/users.jsonata'],
    }),
    enrich: enrichSchema.optional().meta({
      description: "Extra requests for the record. Default: the list's first HTTP source enrichments.",
    }),
    id_pattern: regexSource.optional().meta({
      description: 'Regular expression with named groups that splits the id; groups are {{id_parts.name}}.',
      examples: ['^(?<app_id>[^:]+):(?<user_id>.+)$'],
    }),
    from_list: z
      .boolean()
      .optional()
      .meta({
        description: 'Find the record by id in the listing instead of a request.',
        examples: [true],
      }),
  })
  .meta({
    id: 'Get',
    description: 'How to fetch one record by id (or the singleton).',
    examples: [{ request: { path: '/api/v1/users/{{id}}', on_status: { 404: 'skip' } } }],
  });

const resourceSchema = z
  .strictObject({
    description: z
      .string()
      .optional()
      .meta({
        description: 'What the resource holds at this provider.',
        examples: ['Every user of the tenant, deactivated ones included.'],
      }),
    singleton: z
      .boolean()
      .optional()
      .meta({
        description: 'The resource is one record fetched with get and no id (e.g. me).',
        examples: [true],
      }),
    filters: z
      .record(identifier, filterSchema)
      .default({})
      .meta({
        description: 'Filters callers may pass; any other fails with unsupported_filter.',
        examples: [
          { status: { type: 'enum', values: ['active', 'suspended'] }, updated_after: { type: 'date_time' } },
        ],
      }),
    raw_id: z
      .string()
      .regex(/^[A-Za-z_][\w-]*$/, 'expected a field name')
      .default('id')
      .meta({
        description:
          "Field of the provider's raw record that names it in errors raised before it is mapped (a failing mapping).",
        examples: ['uuid'],
      }),
    incremental_filter: identifier.optional().meta({
      description:
        'The date_time filter that lists the records changed (or created) after an instant: a sync uses it for incremental runs, and runs full listings without it.',
      examples: ['updated_after', 'created_after'],
    }),
    list: listSchema.optional(),
    get: getSchema.optional(),
    ...writeFields,
  })
  .meta({
    id: 'Resource',
    description: 'One unified resource served by the provider.',
    examples: [
      { list: { sources: [{ request: { path: '/api/v1/users' }, mapping: 'mappings/users.jsonata' }] } },
    ],
  });

/**
 * A resource whose definition a connection param chooses, as `base_url` chooses a URL by a
 * param: one provider serving a resource from two directories (its own users, or those of a
 * separate identity product) declares both, and each connection reads and writes the one its
 * param names.
 */
const resourceByParamSchema = z
  .strictObject({
    description: z
      .string()
      .optional()
      .meta({
        description: 'What the resource holds at this provider.',
        examples: ['Users of either directory.'],
      }),
    by: identifier.meta({
      description: 'The connection param (an enum) whose value chooses the definition in `values`.',
      examples: ['directory'],
    }),
    values: z.record(z.string(), resourceSchema).meta({
      description:
        'One resource definition per value of the param; a value without one does not serve the resource (unsupported_resource).',
      examples: [{ workspace: { get: { request: { path: '/members/{{id}}' } } } }],
    }),
  })
  .meta({
    id: 'ResourceByParam',
    description: 'A resource served by one of several definitions, chosen per connection by a param.',
    examples: [
      { by: 'directory', values: { identity: { get: { request: { path: '/iam/users/{{id}}' } } } } },
    ],
  });

/** A resource as `resources` holds it: one definition, or one per value of a param. */
export const resourceEntrySchema = z.union([resourceSchema, resourceByParamSchema]).meta({
  id: 'ResourceEntry',
  description: 'One unified resource: its definition, or `by` a param and one definition per value.',
  examples: [{ get: { request: { path: '/users/{{id}}' } } }],
});

export type FilterDefinition = z.output<typeof filterSchema>;
export type ResourceDefinition = z.output<typeof resourceSchema>;
export type ResourceEntryDefinition = z.output<typeof resourceEntrySchema>;

/** The definitions of a resource entry, each with the param value that chooses it (undefined: always). */
export function resourceChoices(
  entry: ResourceEntryDefinition,
): Array<[value: string | undefined, resource: ResourceDefinition]> {
  return 'by' in entry ? Object.entries(entry.values) : [[undefined, entry]];
}
