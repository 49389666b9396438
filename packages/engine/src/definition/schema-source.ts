import { z } from 'zod';
import { identifier, jsonataSource } from './schema-connection.js';
import { enrichSchema, joinSchema, pagedRequestFields } from './schema-request.js';

/** `model/resource`, e.g. `user-directory/users`. */
export const resourceKey = z
  .string()
  .regex(/^[a-z][a-z-]*\/[a-z][a-z-]*$/, 'expected model/resource, e.g. user-directory/users')
  .meta({ examples: ['user-directory/users', 'sso/app-users'] });

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

export const sources = z
  .array(sourceSchema)
  .min(1)
  .meta({
    id: 'Sources',
    description: 'Sources listed one after the other.',
    examples: [[{ request: { path: '/api/v1/users' }, mapping: 'mappings/users.jsonata' }]],
  });

export type SourceDefinition = z.output<typeof sourceSchema>;
