import { z } from 'zod';
import { identifier, jsonataSource, template } from './schema-connection.js';
import { paginationSchema } from './schema-pagination.js';

/** `model/resource`, e.g. `user-directory/users`. */
export const resourceKey = z
  .string()
  .regex(/^[a-z][a-z-]*\/[a-z][a-z-]*$/, 'expected model/resource, e.g. user-directory/users')
  .meta({ examples: ['user-directory/users', 'sso/app-users'] });

export const requestSchema = z
  .strictObject({
    method: z.enum(['GET', 'POST']).default('GET'),
    path: template.meta({
      description: 'Joined to the base URL (its path is kept).',
      examples: ['/api/v1/users'],
    }),
    query: z
      .record(z.string(), template)
      .optional()
      .meta({ description: 'Query parameters; one whose placeholders have no value is left out.' }),
    computed_query: jsonataSource.optional().meta({
      description:
        'JSONata over { params, filter, limit, parent } returning an object of extra query parameters (undefined values are left out).',
    }),
    headers: z.record(z.string(), template).optional(),
    rate_limit_family: z
      .string()
      .min(1)
      .optional()
      .meta({
        description:
          'Requests sharing one rate limit (e.g. /members and /members/{{id}}) name the same family. Default: the path template.',
        examples: ['members'],
      }),
  })
  .meta({ description: 'The HTTP request of the first page.' });

export const filterSchema = z
  .strictObject({
    type: z.enum(['string', 'enum', 'date_time', 'date', 'boolean']).default('string'),
    values: z.array(z.string()).optional().meta({ description: 'Accepted values of an enum filter.' }),
    description: z.string().optional(),
    max_age_days: z
      .int()
      .positive()
      .optional()
      .meta({ description: 'A date filter older than this many days fails with invalid_filter.' }),
    local: jsonataSource.optional().meta({
      description:
        'JSONata predicate over a mapped record, with the filter value bound as $value. Used when a source cannot answer the filter itself.',
      examples: ['status = $value', '$value in emails.email'],
    }),
  })
  .meta({ description: 'A filter callers may pass to list and iterate.' });

export const enrichSchema = z
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
      skip_on_status: z
        .array(z.int().min(400).max(599))
        .optional()
        .meta({
          description: 'Statuses that mean "nothing for this record": the value is left out.',
          examples: [[404]],
        }),
    }),
  )
  .meta({
    description:
      'Extra requests per record, for fields the list endpoint does not return. Each answer is put on the raw record under _enriched.<name> before mapping (and so is part of remote_data). Costs one request per record and name: use for small resources.',
  });

const mappingFields = {
  mapping: jsonataSource.meta({ description: 'JSONata from one provider record to one unified record.' }),
};

export const httpSourceSchema = z
  .strictObject({
    request: requestSchema,
    records: jsonataSource.optional().meta({
      description: 'JSONata path to the record array in the body. Default: the body itself.',
      examples: ['data'],
    }),
    pagination: paginationSchema.default({ type: 'none' }),
    ...mappingFields,
    remote_filters: z.array(identifier).default([]).meta({
      description: 'Filters this request answers itself; other declared filters are applied by the engine.',
    }),
    enrich: enrichSchema.optional(),
    keep_ids_from: z
      .strictObject({
        request: requestSchema,
        records: jsonataSource.optional().meta({ description: 'JSONata path to the records in the body.' }),
        pagination: paginationSchema.default({ type: 'none' }),
        id: jsonataSource
          .default('id')
          .meta({ description: "JSONata path to the id in each of that request's records." }),
        match: jsonataSource
          .default('id')
          .meta({ description: "JSONata path to the id in each of this source's raw records." }),
      })
      .optional()
      .meta({
        description:
          'Keeps only the records whose id another request lists (read in full first), for a filter the main endpoint cannot answer, such as the members of a group, while the records stay as complete as without it.',
      }),
    dedupe: z.boolean().optional().meta({
      description:
        'Drop a record whose id already came on this page or the one before: for APIs that repeat records across page boundaries (a log polled by time).',
    }),
    skip_on_status: z
      .array(z.int().min(400).max(599))
      .optional()
      .meta({
        description:
          'Statuses of the first page that mean this source is not available to the account (a feature not enabled): the source is skipped and onWarning told, instead of failing the listing.',
        examples: [[403, 404]],
      }),
    fan_out: z
      .strictObject({
        parent: resourceKey.meta({
          description: 'Resource whose raw records are iterated; each one is $parent.',
        }),
      })
      .optional()
      .meta({ description: 'Call this request once per record of another resource.' }),
  })
  .meta({ description: 'Records fetched over HTTP.' });

export const staticSourceSchema = z
  .strictObject({
    static: z.array(z.record(z.string(), z.unknown())).meta({ description: 'Records declared in the file.' }),
    mapping: jsonataSource
      .optional()
      .meta({ description: 'Optional JSONata applied to each static record.' }),
  })
  .meta({ description: 'Records declared in the definition.' });

export const derivedSourceSchema = z
  .strictObject({
    derive_from: resourceKey.meta({ description: 'Resource whose raw records feed the derivation.' }),
    mapping: jsonataSource.meta({
      description:
        'Collection-level JSONata: a page of raw records in, an array of unified records out (each with its own remote_data). Records are de-duplicated on id across the whole listing; the first wins.',
    }),
  })
  .meta({ description: 'Records computed from another resource, returned in one page.' });

export const sourceSchema = z.union([httpSourceSchema, staticSourceSchema, derivedSourceSchema]);

const sources = z.array(sourceSchema).min(1).meta({ description: 'Sources listed one after the other.' });

export const listSchema = z
  .strictObject({
    sources,
    variants: z
      .array(
        z.strictObject({
          when: z
            .array(identifier)
            .min(1)
            .meta({ description: 'Used when every one of these filters is given.' }),
          sources,
        }),
      )
      .optional()
      .meta({ description: 'Alternative sources chosen by the filters given; the first match wins.' }),
  })
  .meta({ description: 'How to list the resource.' });

export const getSchema = z
  .strictObject({
    request: requestSchema.optional(),
    records: jsonataSource.optional().meta({ description: 'JSONata path to the record in the body.' }),
    mapping: jsonataSource.optional().meta({ description: "Default: the list's first HTTP source mapping." }),
    enrich: enrichSchema
      .optional()
      .meta({ description: "Default: the list's first HTTP source enrichments." }),
    id_pattern: z
      .string()
      .optional()
      .meta({
        description: 'Regular expression with named groups that splits the id; groups are {{id_parts.name}}.',
        examples: ['^(?<app_id>[^:]+):(?<user_id>.+)$'],
      }),
    from_list: z
      .boolean()
      .optional()
      .meta({ description: 'Find the record by id in the listing instead of a request.' }),
  })
  .meta({ description: 'How to fetch one record by id (or the singleton).' });

export const resourceSchema = z
  .strictObject({
    description: z.string().optional(),
    singleton: z
      .boolean()
      .optional()
      .meta({ description: 'The resource is one record fetched with get and no id (e.g. me).' }),
    filters: z.record(identifier, filterSchema).default({}),
    incremental_filter: identifier.optional().meta({
      description:
        'The date_time filter that lists the records changed (or created) after an instant: a sync uses it for incremental runs, and runs full listings without it.',
      examples: ['updated_after', 'created_after'],
    }),
    list: listSchema.optional(),
    get: getSchema.optional(),
  })
  .meta({ description: 'One unified resource served by the provider.' });

export type RequestDefinition = z.output<typeof requestSchema>;
export type EnrichDefinition = z.output<typeof enrichSchema>;
export type FilterDefinition = z.output<typeof filterSchema>;
export type HttpSourceDefinition = z.output<typeof httpSourceSchema>;
export type StaticSourceDefinition = z.output<typeof staticSourceSchema>;
export type DerivedSourceDefinition = z.output<typeof derivedSourceSchema>;
export type SourceDefinition = z.output<typeof sourceSchema>;
export type ListDefinition = z.output<typeof listSchema>;
export type GetDefinition = z.output<typeof getSchema>;
export type ResourceDefinition = z.output<typeof resourceSchema>;
