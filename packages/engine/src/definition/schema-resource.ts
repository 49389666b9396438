import { z } from 'zod';
import { identifier, jsonataSource, regexSource, template } from './schema-connection.js';
import { paginationSchema } from './schema-pagination.js';

/** `model/resource`, e.g. `user-directory/users`. */
export const resourceKey = z
  .string()
  .regex(/^[a-z][a-z-]*\/[a-z][a-z-]*$/, 'expected model/resource, e.g. user-directory/users')
  .meta({ examples: ['user-directory/users', 'sso/app-users'] });

/** An HTTP status an error response may carry, as a map key (YAML reads `404:` as a number). */
const errorStatus = z
  .string()
  .regex(/^[45][0-9][0-9]$/, 'expected an error status, 400 to 599')
  .meta({ examples: ['404', '403'] });

/** What a request does with one error status instead of failing. */
const statusRuleSchema = z
  .union([
    z.literal('skip').meta({ description: 'The request answers nothing; no warning.' }),
    z
      .strictObject({
        skip: z.literal(true).meta({ description: 'The request answers nothing.', examples: [true] }),
        warn: z
          .string()
          .min(1)
          .optional()
          .meta({
            description: 'Tell onWarning, with this text before the provider error.',
            examples: ['roles are not readable with this token'],
          }),
      })
      .meta({ description: 'The request answers nothing, and onWarning is told when `warn` is set.' }),
  ])
  .meta({
    id: 'StatusRule',
    description: 'What one error status does instead of failing the request.',
    examples: ['skip', { skip: true, warn: 'roles are not readable with this token' }],
  });

/**
 * The one status rule of every request kind (list source, enrich, join, get). `skip` means the
 * request answers nothing: a list source or join yields no records (its first page only: a
 * listing never skips a later page), an enrich value is left out, a get finds no record.
 */
const onStatusSchema = z.record(errorStatus, statusRuleSchema).meta({
  id: 'OnStatus',
  description:
    'Error statuses that mean "nothing here" rather than a failure, e.g. an endpoint of a feature the account has not enabled.',
  examples: [{ 404: 'skip', 403: { skip: true, warn: 'roles are not readable with this token' } }],
});

const requestSchema = z
  .strictObject({
    method: z
      .enum(['GET', 'POST'])
      .default('GET')
      .meta({ description: 'HTTP method; POST for search endpoints that read.', examples: ['GET'] }),
    path: template.meta({
      description: 'Joined to the base URL (its path is kept).',
      examples: ['/api/v1/users'],
    }),
    query: z
      .record(z.string(), template)
      .optional()
      .meta({
        description: 'Query parameters (templates); one whose placeholders have no value is left out.',
        examples: [{ filter: '{{filter.status}}', since: '{{filter.updated_after}}' }],
      }),
    computed_query: jsonataSource.optional().meta({
      description:
        'JSONata over { params, filter, limit, parent } returning an object of extra query parameters (undefined values are left out).',
      examples: ['{ "search": filter.email ? "email eq \\"" & filter.email & "\\"" }'],
    }),
    headers: z
      .record(z.string(), template)
      .optional()
      .meta({
        description: 'Headers of this request (templates).',
        examples: [{ Accept: 'application/scim+json' }],
      }),
    on_status: onStatusSchema.optional(),
  })
  .meta({
    id: 'Request',
    description:
      'One HTTP request: path, query and headers are templates. Its rate-limit family comes from rate_limit.families.',
    examples: [
      { path: '/api/v1/users', query: { filter: '{{filter.status}}' } },
      { path: '/api/v1/groups/{{parent.id}}/users', on_status: { 404: 'skip' } },
    ],
  });

/** A request with where its records are and how it pages: shared by list sources and joins. */
const pagedRequestFields = {
  request: requestSchema,
  records: jsonataSource.optional().meta({
    description: 'JSONata path to the record array in the body. Default: the body itself.',
    examples: ['data'],
  }),
  pagination: paginationSchema.default({ type: 'none' }),
};

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

const enrichSchema = z
  .record(
    identifier,
    z.strictObject({
      request: requestSchema.meta({
        description: 'Called once per record; {{record.x}} reads the raw record.',
      }),
      records: jsonataSource.optional().meta({
        description: 'JSONata path to the value in the body. Default: the body.',
        examples: ['permissions'],
      }),
    }),
  )
  .meta({
    id: 'Enrich',
    description:
      'Extra requests per record, for fields the list endpoint does not return. Each answer is put on the raw record under _enriched.<name> before mapping (and so is part of remote_data). Costs one request per record and name: use for small resources.',
    examples: [{ permissions: { request: { path: '/roles/{{record.id}}/permissions' }, records: 'items' } }],
  });

/** A second listing whose ids keep the records of the first: the whole-listing form of enrich. */
const joinSchema = z
  .strictObject({
    ...pagedRequestFields,
    id: jsonataSource
      .default('id')
      .meta({ description: "JSONata path to the id in each of the join's records.", examples: ['id'] }),
    match: jsonataSource.default('id').meta({
      description: "JSONata path to the id in each of this source's raw records.",
      examples: ['user_id'],
    }),
  })
  .meta({
    id: 'Join',
    description:
      'Keeps only the records whose id another request lists (read in full first), for a filter the main endpoint cannot answer, such as the members of a group, while the records stay as complete as without it.',
    examples: [{ request: { path: '/groups/{{filter.group_id}}/members' }, records: 'items', match: 'id' }],
  });

const mappingFields = {
  mapping: jsonataSource.meta({ description: 'JSONata from one provider record to one unified record.' }),
};

const httpSourceSchema = z
  .strictObject({
    ...pagedRequestFields,
    ...mappingFields,
    remote_filters: z
      .array(identifier)
      .default([])
      .meta({
        description: 'Filters this request answers itself; other declared filters are applied by the engine.',
        examples: [['status', 'updated_after']],
      }),
    enrich: enrichSchema.optional(),
    join: joinSchema.optional(),
    fan_out: z
      .strictObject({
        parent: resourceKey.meta({
          description: 'Resource whose raw records are iterated; each one is {{parent.x}} in templates.',
          examples: ['sso/apps'],
        }),
      })
      .optional()
      .meta({
        description: 'Call this request once per record of another resource.',
        examples: [{ parent: 'sso/apps' }],
      }),
  })
  .meta({
    id: 'HttpSource',
    description: 'Records fetched over HTTP.',
    examples: [
      {
        request: { path: '/api/v1/users' },
        pagination: { type: 'link_header', limit_param: 'limit', max_limit: 200 },
        mapping: 'mappings/users.jsonata',
      },
    ],
  });

const staticSourceSchema = z
  .strictObject({
    static: z.array(z.record(z.string(), z.unknown())).meta({
      description: 'Records declared in the file.',
      examples: [[{ id: 'admin', name: 'Administrator' }]],
    }),
    mapping: jsonataSource.optional().meta({
      description: 'Optional JSONata applied to each static record.',
      examples: ['{ "id": id, "name": name }'],
    }),
  })
  .meta({
    id: 'StaticSource',
    description: 'Records declared in the definition.',
    examples: [{ static: [{ id: 'admin', name: 'Administrator' }] }],
  });

const derivedSourceSchema = z
  .strictObject({
    derive_from: resourceKey.meta({ description: 'Resource whose raw records feed the derivation.' }),
    mapping: jsonataSource.meta({
      description:
        'Collection-level JSONata: a page of raw records in, an array of unified records out (each with its own remote_data). Records are de-duplicated on id across the whole listing; the first wins.',
      examples: ['mappings/locations.jsonata'],
    }),
  })
  .meta({
    id: 'DerivedSource',
    description: 'Records computed from another resource, returned in one page.',
    examples: [{ derive_from: 'user-directory/users', mapping: 'mappings/locations.jsonata' }],
  });

const sourceSchema = z.union([httpSourceSchema, staticSourceSchema, derivedSourceSchema]).meta({
  id: 'Source',
  description: 'Where records come from: HTTP, the file itself, or another resource.',
  examples: [{ request: { path: '/api/v1/users' }, mapping: 'mappings/users.jsonata' }],
});

const sources = z
  .array(sourceSchema)
  .min(1)
  .meta({
    description: 'Sources listed one after the other.',
    examples: [[{ request: { path: '/api/v1/users' }, mapping: 'mappings/users.jsonata' }]],
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

export const resourceSchema = z
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
  })
  .meta({
    id: 'Resource',
    description: 'One unified resource served by the provider.',
    examples: [
      { list: { sources: [{ request: { path: '/api/v1/users' }, mapping: 'mappings/users.jsonata' }] } },
    ],
  });

export type RequestDefinition = z.output<typeof requestSchema>;
export type JoinDefinition = z.output<typeof joinSchema>;
export type EnrichDefinition = z.output<typeof enrichSchema>;
export type FilterDefinition = z.output<typeof filterSchema>;
export type SourceDefinition = z.output<typeof sourceSchema>;
export type ResourceDefinition = z.output<typeof resourceSchema>;
