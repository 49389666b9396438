import { z } from 'zod';
import { identifier, jsonataSource, template } from './schema-connection.js';
import { errorStatus, statusRuleSchema } from './schema-status.js';

/** The error codes a write's status rule may raise instead of the one its status implies. */
export const WRITE_RULE_ERRORS = [
  'conflict',
  'not_found',
  'not_accepted',
  'invalid_input',
  'forbidden',
  'rate_limited',
  'provider_error',
] as const;

/**
 * The `on_status` rule of a write request: the read rule (`skip`: the request answers nothing,
 * which for a write means the change is already in effect), plus what only a write can mean.
 */
const writeStatusRuleSchema = z
  .union([
    statusRuleSchema,
    z.literal('exists').meta({
      description:
        'create only: the record already exists. The write answers the existing record, looked up with `find`; when it cannot be found the call fails with conflict.',
    }),
    z
      .strictObject({
        exists: z
          .literal(true)
          .meta({ description: 'The record already exists, as `exists` says.', examples: [true] }),
        when: jsonataSource.optional().meta({
          description:
            'JSONata over { status, message, code, id, member_id, input }: the rule applies only when it is true.',
          examples: ['code = "E0000001" and $contains(message, "already exists")'],
        }),
      })
      .meta({
        description: '`exists`, for one meaning of a status that has several.',
        examples: [{ exists: true, when: 'code = "E0000001"' }],
      }),
    z
      .strictObject({
        error: z
          .enum(WRITE_RULE_ERRORS)
          .meta({ description: 'The EngineError code to fail with.', examples: ['not_accepted'] }),
        message: z
          .string()
          .min(1)
          .optional()
          .meta({
            description: "Plain text put before the provider's own message.",
            examples: ['the invitation has not been accepted yet'],
          }),
        when: jsonataSource.optional().meta({
          description:
            'JSONata over { status, message, code, id, member_id, input } (message and code: the provider error): the rule applies only when it is true; otherwise the status fails as usual.',
          examples: ['$contains(id, "@")'],
        }),
      })
      .meta({ description: 'Fail with this error code (e.g. not_accepted) and the provider message.' }),
  ])
  .meta({ id: 'WriteStatusRule' });

const writeRequestSchema = z
  .strictObject({
    method: z
      .enum(['POST', 'PUT', 'PATCH', 'DELETE'])
      .meta({ description: 'HTTP method.', examples: ['POST', 'PUT'] }),
    path: template.meta({
      description:
        'Joined to the base URL; reads {{params.x}}, {{id}} (all but create) and {{member_id}} (add_member, remove_member).',
      examples: ['/api/v1/users/{{id}}/lifecycle/deactivate'],
    }),
    query: z
      .record(z.string(), template)
      .optional()
      .meta({
        description: 'Query parameters; one whose placeholders have no value is left out.',
        examples: [{ activate: 'true' }],
      }),
    headers: z
      .record(z.string(), template)
      .optional()
      .meta({ description: 'Headers of this request.', examples: [{ 'X-Reason': 'offboarding' }] }),
    body: jsonataSource.optional().meta({
      description:
        'JSONata from the unified input ($) to the JSON body, with $id, $member_id and $params bound. No body when absent.',
      examples: ['{ "profile": { "email": email, "firstName": first_name } }'],
    }),
    on_status: z
      .record(errorStatus, writeStatusRuleSchema)
      .optional()
      .meta({
        description: 'What an error status means for this write; statuses without a rule fail as usual.',
        examples: [{ 409: 'exists', 404: { error: 'not_accepted', when: '$contains(id, "@")' } }],
      }),
  })
  .meta({
    id: 'WriteRequest',
    description: 'The HTTP request that makes the change.',
    examples: [
      {
        method: 'POST',
        path: '/api/v1/users',
        query: { activate: 'true' },
        body: 'mappings/user-body.jsonata',
      },
    ],
  });

const writeSchema = z
  .strictObject({
    request: writeRequestSchema.meta({
      description: 'The HTTP request that makes the change.',
      examples: [{ method: 'PUT', path: '/groups/{{id}}/users/{{member_id}}' }],
    }),
    fields: z
      .array(identifier)
      .optional()
      .meta({
        description:
          'The unified input fields this provider can set (create) or change (update). Any other field of the input schema fails with unsupported_field before a request is sent. Default: every field.',
        examples: [['roles']],
      }),
    idempotent: z
      .boolean()
      .optional()
      .meta({
        description:
          'Sending the request twice has the effect of sending it once, so a network error or a 5xx may be retried. Default: true for PUT and DELETE, false for POST and PATCH.',
        examples: [true],
      }),
    idempotency_key: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9-]*$/, 'expected a header name')
      .optional()
      .meta({
        description:
          "The header that carries the caller's idempotencyKey, for providers that honour one; a request with a key is retried like an idempotent one.",
        examples: ['Idempotency-Key'],
      }),
    records: jsonataSource.optional().meta({
      description: 'JSONata path to the changed record in the response body. Default: the body.',
      examples: ['data'],
    }),
    mapping: jsonataSource.optional().meta({
      description:
        "JSONata from the response record to the unified record. Default: the resource's get mapping.",
    }),
    read_back: z
      .enum(['response', 'get', 'find', 'id'])
      .optional()
      .meta({
        description:
          'How the record after the change is obtained: mapped from the response; read with get; looked up with find; or only { id }. Default: response when the body holds an object and a mapping exists, else get when the resource has one, else id. add_member and remove_member answer { id } of the record unless set.',
        examples: ['get', 'find'],
      }),
    find: jsonataSource.optional().meta({
      description:
        'JSONata from the input to a list filter that finds the record, for read_back: find and the `exists` status rule.',
      examples: ['{ "email": email }'],
    }),
    pending: jsonataSource.optional().meta({
      description:
        'JSONata from the input to the unified record answered when find does not find it yet (an invitation not yet accepted, which the provider lists nowhere).',
      examples: ['{ "id": email, "emails": [{ "email": email }], "status": "invited" }'],
    }),
  })
  .meta({
    id: 'Write',
    description: 'One write operation of the resource.',
    examples: [{ request: { method: 'PUT', path: '/groups/{{id}}/users/{{member_id}}' } }],
  });

/** The write operations a resource may declare, as the definition names them. */
export const WRITE_OPERATIONS = ['create', 'update', 'deactivate', 'add_member', 'remove_member'] as const;
export type WriteOperationName = (typeof WRITE_OPERATIONS)[number];

/** The write keys of a resource. */
export const writeFields = {
  create: writeSchema.optional().meta({
    description: 'Create (invite, provision) a record from an input.',
    examples: [
      { request: { method: 'POST', path: '/users', body: '{ "email": email }' }, find: '{ "email": email }' },
    ],
  }),
  update: writeSchema.optional().meta({
    description: 'Change some fields of a record ({{id}}).',
    examples: [
      { request: { method: 'POST', path: '/users/{{id}}', body: '{ "title": title }' }, fields: ['title'] },
    ],
  }),
  deactivate: writeSchema.optional().meta({
    description: 'Deactivate (deprovision, remove access of) a record ({{id}}).',
    examples: [{ request: { method: 'POST', path: '/users/{{id}}/deactivate' }, read_back: 'get' }],
  }),
  add_member: writeSchema.optional().meta({
    description: 'Add a member ({{member_id}}) to a record ({{id}}), e.g. a user to a group.',
    examples: [{ request: { method: 'PUT', path: '/groups/{{id}}/users/{{member_id}}' } }],
  }),
  remove_member: writeSchema.optional().meta({
    description: 'Remove a member ({{member_id}}) from a record ({{id}}).',
    examples: [{ request: { method: 'DELETE', path: '/groups/{{id}}/users/{{member_id}}' } }],
  }),
};

export type WriteDefinition = z.output<typeof writeSchema>;
