import { z } from 'zod';
import { jsonataSource } from './schema-connection.js';

const pageSize = {
  limit_param: z
    .string()
    .optional()
    .meta({
      id: 'LimitParam',
      description: 'Query parameter that carries the page size.',
      examples: ['limit', 'per_page'],
    }),
  max_limit: z
    .int()
    .positive()
    .optional()
    .meta({
      id: 'MaxLimit',
      description: 'The largest page size the endpoint accepts.',
      examples: [200],
    }),
  default_limit: z
    .int()
    .positive()
    .optional()
    .meta({
      id: 'DefaultLimit',
      description: 'Page size asked for when the caller gives no limit. Default: max_limit.',
      examples: [100],
    }),
};

const stopRules = {
  stop_on_empty_page: z
    .boolean()
    .optional()
    .meta({
      id: 'StopOnEmptyPage',
      description:
        'End the listing on a page with no records. Default: true for page and offset (an empty page is their only end), false where the provider names the next page (a next link means more may follow); set it for a polled log whose empty page means caught up.',
      examples: [true],
    }),
  stop_on_short_page: z
    .boolean()
    .optional()
    .meta({
      id: 'StopOnShortPage',
      description: 'End the listing on a page smaller than the page size. Default: true for page and offset.',
      examples: [false],
    }),
  dedupe: z
    .boolean()
    .optional()
    .meta({
      id: 'Dedupe',
      description:
        'Drop a record whose id already came on this page or the one before: for APIs that repeat records across page boundaries (a log polled by time).',
      examples: [true],
    }),
  max_pages: z
    .int()
    .positive()
    .default(100_000)
    .meta({
      id: 'MaxPages',
      description:
        'Hard bound on pages fetched in one listing (a guard against endless paging): past it the listing fails with pagination_loop.',
      examples: [1000],
    }),
};

const totalPath = jsonataSource.optional().meta({
  id: 'PageTotal',
  description: 'JSONata path to the total record count in the body; paging stops once it is reached.',
  examples: ['meta.total', 'total_count'],
});

export const paginationSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('link_header').meta({
        description: 'RFC 8288 Link header; repeated and comma-joined forms.',
        examples: ['link_header'],
      }),
      rel: z
        .string()
        .default('next')
        .meta({ description: 'The link relation of the next page.', examples: ['next'] }),
      ...pageSize,
      ...stopRules,
    }),
    z.strictObject({
      type: z
        .literal('body_next_url')
        .meta({ description: 'The next page URL is in the body.', examples: ['body_next_url'] }),
      next_url: jsonataSource.meta({
        description: 'JSONata path to the next URL.',
        examples: ['_links.next.href'],
      }),
      ...pageSize,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('body_cursor').meta({
        description: 'A cursor in the body is sent back as a query parameter.',
        examples: ['body_cursor'],
      }),
      cursor: jsonataSource.meta({
        description: 'JSONata path to the next cursor.',
        examples: ['meta.next_cursor'],
      }),
      cursor_param: z
        .string()
        .meta({ description: 'Query parameter that carries the cursor.', examples: ['cursor', 'after'] }),
      ...pageSize,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('page').meta({ description: 'Numbered pages.', examples: ['page'] }),
      page_param: z
        .string()
        .default('page')
        .meta({
          description: 'Query parameter that carries the page number.',
          examples: ['page', 'page[number]'],
        }),
      start: z
        .int()
        .min(0)
        .default(1)
        .meta({ description: 'Number of the first page.', examples: [0, 1] }),
      ...pageSize,
      total: totalPath,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('offset').meta({ description: 'Record offsets.', examples: ['offset'] }),
      offset_param: z
        .string()
        .default('offset')
        .meta({ description: 'Query parameter that carries the offset.', examples: ['offset', 'skip'] }),
      ...pageSize,
      total: totalPath,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('none').meta({ description: 'One request returns everything.', examples: ['none'] }),
    }),
  ])
  .meta({
    id: 'Pagination',
    description: 'How the endpoint pages. Default: none (one request returns everything).',
    examples: [
      { type: 'link_header', limit_param: 'limit', max_limit: 200 },
      { type: 'body_cursor', cursor: 'meta.next_cursor', cursor_param: 'cursor', stop_on_empty_page: true },
      { type: 'page', page_param: 'page', start: 1, limit_param: 'per_page', max_limit: 100 },
    ],
  });

export type PaginationDefinition = z.output<typeof paginationSchema>;
