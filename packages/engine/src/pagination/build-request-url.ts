import type { CompiledPagedRequest, CompiledRequest } from '../definition/compiled-types.js';
import { renderTemplate, type TemplateScope } from '../definition/template.js';
import { EngineError } from '../errors/engine-error.js';
import { encodePathValue, joinUrl } from '../http/url-path.js';
import type { PageState } from './page-state.js';

/** The URL of a request's first page: path and query templates, then computed_query. */
export async function buildRequestUrl(
  baseUrl: URL,
  request: Pick<CompiledRequest, 'path' | 'query' | 'computedQuery'>,
  scope: TemplateScope,
): Promise<URL> {
  const path = renderTemplate(request.path, scope, encodePathValue);
  if (path === undefined) {
    throw new EngineError('invalid_request', `a value for the path ${request.path.source} is missing`);
  }
  const url = joinUrl(baseUrl, path);
  for (const [name, template] of request.query) {
    const value = renderTemplate(template, scope);
    if (value !== undefined) url.searchParams.set(name, value);
  }
  if (request.computedQuery) {
    const computed = await request.computedQuery.apply(scope);
    if (
      computed !== undefined &&
      (computed === null || typeof computed !== 'object' || Array.isArray(computed))
    ) {
      throw new EngineError('invalid_definition', 'computed_query must return an object of query parameters');
    }
    for (const [name, value] of Object.entries((computed ?? {}) as Record<string, unknown>)) {
      if (value === undefined || value === null || value === '') continue;
      url.searchParams.set(name, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
  }
  return url;
}

/** The page size asked of the provider: the caller's limit capped at the endpoint's maximum. */
export function pageSize(source: CompiledPagedRequest, limit: number | undefined): number | undefined {
  const pagination = source.pagination.definition;
  if (pagination.type === 'none') return undefined;
  const maximum = pagination.max_limit ?? Number.POSITIVE_INFINITY;
  const wanted = limit ?? pagination.default_limit ?? pagination.max_limit;
  return wanted === undefined ? undefined : Math.min(wanted, maximum);
}

/** Applies the page size and position of `state` to a first-page URL. */
export function pageUrl(
  first: URL,
  source: CompiledPagedRequest,
  size: number | undefined,
  state: PageState | undefined,
): URL {
  const pagination = source.pagination.definition;
  // Joined as text: `new URL('//evil.example/x', origin)` would resolve to another host.
  if (state?.kind === 'url') return new URL(`${first.origin}${state.path}`);
  const url = new URL(first.href);
  if ('limit_param' in pagination && pagination.limit_param && size !== undefined) {
    url.searchParams.set(pagination.limit_param, String(size));
  }
  if (pagination.type === 'page') {
    url.searchParams.set(
      pagination.page_param,
      String(state?.kind === 'page' ? state.page : pagination.start),
    );
  } else if (pagination.type === 'offset') {
    url.searchParams.set(pagination.offset_param, String(state?.kind === 'offset' ? state.offset : 0));
  } else if (pagination.type === 'body_cursor' && state?.kind === 'cursor') {
    url.searchParams.set(pagination.cursor_param, state.cursor);
  }
  return url;
}
