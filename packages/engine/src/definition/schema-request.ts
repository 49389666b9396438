import { z } from 'zod';
import { identifier, jsonataSource, template } from './schema-connection.js';
import { paginationSchema } from './schema-pagination.js';
import { onStatusSchema } from './schema-status.js';

export const requestSchema = z
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
export const pagedRequestFields = {
  request: requestSchema,
  records: jsonataSource.optional().meta({
    id: 'RecordsPath',
    description: 'JSONata path to the record array in the body. Default: the body itself.',
    examples: ['data'],
  }),
  pagination: paginationSchema.default({ type: 'none' }),
};

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
    }),
  )
  .meta({
    id: 'Enrich',
    description:
      'Extra requests per record, for fields the list endpoint does not return. Each answer is put on the raw record under _enriched.<name> before mapping (and so is part of remote_data). Costs one request per record and name: use for small resources.',
    examples: [{ permissions: { request: { path: '/roles/{{record.id}}/permissions' }, records: 'items' } }],
  });

/** A second listing whose ids keep the records of the first: the whole-listing form of enrich. */
export const joinSchema = z
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

export type RequestDefinition = z.output<typeof requestSchema>;
export type JoinDefinition = z.output<typeof joinSchema>;
export type EnrichDefinition = z.output<typeof enrichSchema>;
