import { z } from 'zod';
import { jsonataSource } from './schema-connection.js';

export const rateLimitSchema = z
  .strictObject({
    headers: z
      .strictObject({
        limit: z
          .string()
          .optional()
          .meta({ examples: ['X-Rate-Limit-Limit'] }),
        remaining: z
          .string()
          .optional()
          .meta({ examples: ['X-Rate-Limit-Remaining'] }),
        reset: z
          .string()
          .optional()
          .meta({ examples: ['X-Rate-Limit-Reset'] }),
        reset_format: z
          .enum(['epoch_seconds', 'epoch_millis', 'seconds'])
          .default('epoch_seconds')
          .meta({ description: 'How the reset header counts: an epoch time, or seconds from now.' }),
        retry_after: z.string().default('Retry-After').meta({ description: 'Seconds or an HTTP date.' }),
      })
      .optional()
      .meta({ description: 'Response headers that report the budget.' }),
    headroom: z
      .strictObject({
        remaining_below: z
          .int()
          .min(0)
          .optional()
          .meta({ description: 'Pause when this many calls or fewer remain.' }),
        fraction: z
          .number()
          .min(0)
          .max(1)
          .optional()
          .meta({ description: 'Pause when remaining falls to this share of the limit or below.' }),
      })
      .optional()
      .meta({ description: "Leave this much of the budget for the customer's other integrations." }),
    budget: z
      .strictObject({
        requests: z.int().positive(),
        per_seconds: z.number().positive(),
      })
      .optional()
      .meta({ description: 'Client-side pacing per endpoint family when the provider sends no headers.' }),
    max_wait_seconds: z
      .number()
      .positive()
      .default(120)
      .meta({ description: 'Longest single wait for a reset; a longer one fails with rate_limited.' }),
    max_total_wait_seconds: z.number().positive().default(600).meta({
      description:
        'Longest total of 429 waits for one request; 429 waits do not spend retry.max_attempts, this bounds them.',
    }),
    rate_limited_statuses: z.array(z.int()).default([429]),
    scope: z.enum(['origin', 'credentials']).default('origin').meta({
      description:
        'Whose budget it is: the account behind the host (origin), or each set of credentials, when many customers share one host (credentials).',
    }),
  })
  .meta({ description: 'Rate-limit headers and pacing.' });

export const retrySchema = z
  .strictObject({
    max_attempts: z
      .int()
      .min(1)
      .max(20)
      .default(5)
      .meta({ description: 'Attempts per request, the first included.' }),
    base_delay_ms: z.int().min(0).default(500),
    max_delay_ms: z.int().min(0).default(30_000),
    statuses: z
      .array(z.int())
      .default([429, 500, 502, 503, 504])
      .meta({ description: 'Statuses retried (429 waits for the reset; others back off with jitter).' }),
  })
  .meta({ description: 'Retries of idempotent requests.' });

export const errorMappingSchema = z
  .strictObject({
    message: jsonataSource.optional().meta({
      description: 'JSONata over the error body that yields a readable message.',
      examples: ['errorCode & ": " & errorSummary'],
    }),
    code: jsonataSource
      .optional()
      .meta({ description: "JSONata over the error body that yields the provider's code." }),
  })
  .meta({ description: 'How to read an error body.' });
