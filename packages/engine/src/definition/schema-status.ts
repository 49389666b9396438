import { z } from 'zod';

/** An HTTP status an error response may carry, as a map key (YAML reads `404:` as a number). */
export const errorStatus = z
  .string()
  .regex(/^[45][0-9][0-9]$/, 'expected an error status, 400 to 599')
  .meta({ examples: ['404', '403'] });

/** What a request does with one error status instead of failing. */
export const statusRuleSchema = z
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
 * listing never skips a later page), an enrich value is left out, a get finds no record, and a
 * write finds its change already in effect. Write requests add their own rules to it
 * (`WriteStatusRule` in schema-write.ts).
 */
export const onStatusSchema = z.record(errorStatus, statusRuleSchema).meta({
  id: 'OnStatus',
  description:
    'Error statuses that mean "nothing here" rather than a failure, e.g. an endpoint of a feature the account has not enabled.',
  examples: [{ 404: 'skip', 403: { skip: true, warn: 'roles are not readable with this token' } }],
});
