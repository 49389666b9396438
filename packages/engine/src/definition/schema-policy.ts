import { z } from 'zod';
import { jsonataSource, template } from './schema-connection.js';

/** An HTTP status code. */
const httpStatus = z.int().min(100).max(599);

/**
 * A path matcher of a rate-limit family: literal segments, `*` for one segment, `**` for any
 * rest. Matched against request path templates (a placeholder is one segment) and proxy paths.
 */
const pathMatcher = z
  .string()
  .regex(/^\/(?:[^/?#\s]*(?:\/[^/?#\s]*)*)$/, 'expected a path such as /users/* (no query)')
  .meta({ examples: ['/members', '/members/*', '/api/v1/logs/**'] });

export const rateLimitSchema = z
  .strictObject({
    headers: z
      .strictObject({
        limit: z
          .string()
          .optional()
          .meta({ description: 'Header with the size of the budget.', examples: ['X-Rate-Limit-Limit'] }),
        remaining: z
          .string()
          .optional()
          .meta({
            description: 'Header with the calls left in the window.',
            examples: ['X-Rate-Limit-Remaining'],
          }),
        reset: z
          .string()
          .optional()
          .meta({ description: 'Header with when the window resets.', examples: ['X-Rate-Limit-Reset'] }),
        reset_format: z
          .enum(['epoch_seconds', 'epoch_millis', 'seconds'])
          .default('epoch_seconds')
          .meta({
            description: 'How the reset header counts: an epoch time, or seconds from now.',
            examples: ['epoch_seconds', 'seconds'],
          }),
        retry_after: z
          .string()
          .default('Retry-After')
          .meta({
            description: 'Header of a 429 that says when to try again: seconds or an HTTP date.',
            examples: ['Retry-After'],
          }),
      })
      .optional()
      .meta({
        description: 'Response headers that report the budget.',
        examples: [
          { limit: 'X-Rate-Limit-Limit', remaining: 'X-Rate-Limit-Remaining', reset: 'X-Rate-Limit-Reset' },
        ],
      }),
    headroom: z
      .strictObject({
        remaining_below: z
          .int()
          .min(0)
          .optional()
          .meta({ description: 'Pause when this many calls or fewer remain.', examples: [5] }),
        fraction: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .meta({
            description: 'Pause when remaining falls to this share of the limit or below.',
            examples: [0.1],
          }),
      })
      .optional()
      .meta({
        description: "Leave this much of the budget for the customer's other integrations.",
        examples: [{ fraction: 0.1 }, { remaining_below: 5 }],
      }),
    budget: z
      .strictObject({
        requests: z
          .int()
          .positive()
          .meta({ description: 'Requests allowed per window and family.', examples: [60] }),
        per_seconds: z
          .number()
          .positive()
          .meta({ description: 'Length of the window.', examples: [60] }),
      })
      .optional()
      .meta({
        description: 'Client-side pacing per endpoint family when the provider sends no headers.',
        examples: [{ requests: 60, per_seconds: 60 }],
      }),
    max_wait_seconds: z
      .number()
      .positive()
      .default(120)
      .meta({
        description: 'Longest single wait for a reset; a longer one fails with rate_limited.',
        examples: [120],
      }),
    max_total_wait_seconds: z
      .number()
      .positive()
      .default(600)
      .meta({
        description:
          'Longest total of 429 waits for one request; 429 waits do not spend retry.max_attempts, this bounds them.',
        examples: [600],
      }),
    rate_limited_statuses: z
      .array(httpStatus)
      .default([429])
      .meta({
        description: 'Statuses that mean the budget is spent: wait for the reset.',
        examples: [[429]],
      }),
    families: z
      .record(
        z.string().regex(/^[a-z][a-z0-9_-]*$/, 'expected a lower-case family name'),
        z.array(pathMatcher).min(1),
      )
      .default({})
      .meta({
        description:
          'Endpoint families sharing one budget, declared once: requests and proxy calls whose path matches a family spend its budget; the first matching family wins. Another request is its own family (its path template); a proxy path no family matches spends the budget of the definition request whose path template it matches, or its own.',
        examples: [{ members: ['/members', '/members/*'] }],
      }),
    scope: template.optional().meta({
      description:
        "Whose budget it is, beyond the host: a template over params and auth fields naming the customer's account where many share one host (for example one budget per API client token). Rendered values are hashed, never kept. Default: the host alone.",
      examples: ['{{auth.token}}', '{{params.tenant}}'],
    }),
  })
  .meta({
    id: 'RateLimit',
    description: 'Rate-limit headers, pacing and endpoint families.',
    examples: [
      {
        headers: { remaining: 'X-Rate-Limit-Remaining', reset: 'X-Rate-Limit-Reset' },
        headroom: { fraction: 0.1 },
        families: { members: ['/members', '/members/*'] },
        scope: '{{params.tenant}}',
      },
    ],
  });

export const retrySchema = z
  .strictObject({
    max_attempts: z
      .int()
      .min(1)
      .max(20)
      .default(5)
      .meta({ description: 'Attempts per request, the first included.', examples: [5] }),
    base_delay_ms: z
      .int()
      .min(0)
      .default(500)
      .meta({ description: 'First back-off; each retry doubles it (with jitter).', examples: [500] }),
    max_delay_ms: z
      .int()
      .min(0)
      .default(30_000)
      .meta({ description: 'Longest back-off between two attempts.', examples: [30_000] }),
    statuses: z
      .array(httpStatus)
      .default([429, 500, 502, 503, 504])
      .meta({
        description: 'Statuses retried (429 waits for the reset; others back off with jitter).',
        examples: [[429, 500, 502, 503, 504]],
      }),
  })
  .meta({
    description:
      'Retries of idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) after network errors and the statuses listed.',
    examples: [{ max_attempts: 3, base_delay_ms: 1000 }],
  });

export const errorMappingSchema = z
  .strictObject({
    message: jsonataSource.optional().meta({
      description:
        'JSONata over the error body (of an API call or a token request) that yields a readable message; when absent or empty, a token error quotes the OAuth `error` and `error_description`.',
      examples: ['error.code & ": " & error.message'],
    }),
    code: jsonataSource.optional().meta({
      description: "JSONata over the error body that yields the provider's code.",
      examples: ['error.code', 'code'],
    }),
  })
  .meta({
    description: "How to read an error body: the provider's message and code go into the EngineError.",
    examples: [{ message: 'error.message', code: 'error.code' }],
  });
