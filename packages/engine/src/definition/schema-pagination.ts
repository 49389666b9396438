import { z } from 'zod';
import { jsonataSource } from './schema-connection.js';

const pageSize = {
  limit_param: z.string().optional().meta({ description: 'Query parameter that carries the page size.' }),
  max_limit: z
    .int()
    .positive()
    .optional()
    .meta({ description: 'The largest page size the endpoint accepts.' }),
  default_limit: z
    .int()
    .positive()
    .optional()
    .meta({ description: 'Page size asked for when the caller gives no limit. Default: max_limit.' }),
};

const stopRules = {
  stop_on_empty_page: z.boolean().optional().meta({
    description:
      'End the listing on a page with no records. Default: true for page and offset (an empty page is their only end), false where the provider names the next page (a next link means more may follow); set it for a polled log whose empty page means caught up.',
  }),
  stop_on_short_page: z.boolean().optional().meta({
    description: 'End the listing on a page smaller than the page size. Default: true for page and offset.',
  }),
  dedupe: z.boolean().optional().meta({
    description:
      'Drop a record whose id already came on this page or the one before: for APIs that repeat records across page boundaries (a log polled by time).',
  }),
  max_pages: z.int().positive().default(100_000).meta({
    description:
      'Hard bound on pages fetched in one listing (a guard against endless paging): past it the listing fails with pagination_loop.',
  }),
};

const totalPath = jsonataSource.optional().meta({
  description: 'JSONata path to the total record count in the body; paging stops once it is reached.',
});

export const paginationSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z
        .literal('link_header')
        .meta({ description: 'RFC 8288 Link header; repeated and comma-joined forms.' }),
      rel: z
        .string()
        .default('next')
        .meta({ description: 'The link relation of the next page.', examples: ['next'] }),
      ...pageSize,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('body_next_url').meta({ description: 'The next page URL is in the body.' }),
      next_url: jsonataSource.meta({
        description: 'JSONata path to the next URL.',
        examples: ['_links.next.href'],
      }),
      ...pageSize,
      ...stopRules,
    }),
    z.strictObject({
      type: z
        .literal('body_cursor')
        .meta({ description: 'A cursor in the body is sent back as a query parameter.' }),
      cursor: jsonataSource.meta({
        description: 'JSONata path to the next cursor.',
        examples: ['meta.next_cursor'],
      }),
      cursor_param: z.string().meta({ description: 'Query parameter that carries the cursor.' }),
      ...pageSize,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('page').meta({ description: 'Numbered pages.' }),
      page_param: z
        .string()
        .default('page')
        .meta({
          description: 'Query parameter that carries the page number.',
          examples: ['page', 'page[number]'],
        }),
      start: z.int().min(0).default(1).meta({ description: 'Number of the first page.' }),
      ...pageSize,
      total: totalPath,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('offset').meta({ description: 'Record offsets.' }),
      offset_param: z
        .string()
        .default('offset')
        .meta({ description: 'Query parameter that carries the offset.', examples: ['offset', 'skip'] }),
      ...pageSize,
      total: totalPath,
      ...stopRules,
    }),
    z.strictObject({
      type: z.literal('none').meta({ description: 'One request returns everything.' }),
    }),
  ])
  .meta({ id: 'Pagination', description: 'How the endpoint pages.' });

export type PaginationDefinition = z.output<typeof paginationSchema>;
