import LinkHeader from 'http-link-header';
import type { CompiledPagedRequest } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import type { IncomingResponse } from '../http/http-client.js';
import type { CallContext } from '../http/response-error.js';
import type { PageState } from './page-state.js';

/**
 * Reads the `rel` target from Link headers, repeated or comma-joined (RFC 8288). Throws a
 * SyntaxError when no header names the target and one of them does not parse.
 */
function linkTarget(headers: IncomingResponse['headers'], rel: string): string | undefined {
  const raw = headers.link;
  if (raw === undefined) return undefined;
  const values = Array.isArray(raw) ? raw : [raw];
  let malformed = false;
  for (const value of values) {
    let links: LinkHeader;
    try {
      links = LinkHeader.parse(value);
    } catch {
      malformed = true;
      continue;
    }
    const target = links.rel(rel)[0]?.uri;
    if (target) return target;
  }
  if (malformed) throw new SyntaxError('a Link header does not parse');
  return undefined;
}

function sameOriginPath(target: string, current: URL, provider: string, context: CallContext): PageState {
  let url: URL;
  try {
    url = new URL(target, current);
  } catch {
    throw new EngineError('invalid_response', 'the next page link is not a URL', { provider, ...context });
  }
  if (url.origin !== current.origin) {
    // Never rewritten onto our host and never called: credentials stay with the connection's origin.
    throw new EngineError(
      'foreign_origin',
      `the next page link points at another origin (${url.host}); the listing stops`,
      {
        provider,
        ...context,
      },
    );
  }
  return { kind: 'url', path: `${url.pathname}${url.search}` };
}

/**
 * Where the next page is, as the provider says it (before stop rules): a link, a cursor, or
 * the following page number or offset. Undefined when the provider names no next page.
 */
export async function nextPageState(
  source: CompiledPagedRequest,
  response: IncomingResponse,
  current: PageState | undefined,
  recordCount: number,
  pageSize: number | undefined,
  provider: string,
  context: CallContext,
): Promise<PageState | undefined> {
  const pagination = source.pagination.definition;
  switch (pagination.type) {
    case 'none':
      return undefined;
    case 'link_header': {
      let target: string | undefined;
      try {
        target = linkTarget(response.headers, pagination.rel);
      } catch {
        // Ending here would silently drop the rest of the listing.
        throw new EngineError(
          'invalid_response',
          'the Link header does not parse (RFC 8288), so the next page is unknown',
          { provider, ...context, status: response.status },
        );
      }
      return target ? sameOriginPath(target, response.url, provider, context) : undefined;
    }
    case 'body_next_url': {
      const target = await source.pagination.nextUrl!.apply(response.body);
      return typeof target === 'string' && target
        ? sameOriginPath(target, response.url, provider, context)
        : undefined;
    }
    case 'body_cursor': {
      const cursor = await source.pagination.cursor!.apply(response.body);
      return cursor === undefined || cursor === null || cursor === ''
        ? undefined
        : { kind: 'cursor', cursor: String(cursor) };
    }
    case 'page':
      // The page size goes with the page number: page 3 of 10 is not page 3 of 2.
      return {
        kind: 'page',
        page: (current?.kind === 'page' ? current.page : pagination.start) + 1,
        size: pageSize,
      };
    case 'offset':
      return { kind: 'offset', offset: (current?.kind === 'offset' ? current.offset : 0) + recordCount };
  }
}
