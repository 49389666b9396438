import { createHash } from 'node:crypto';
import type { CompiledPagedRequest } from '../definition/compiled-types.js';
import { renderTemplate, type TemplateScope } from '../definition/template.js';
import { EngineError } from '../errors/engine-error.js';
import type { CallContext } from '../http/response-error.js';
import { asArray } from '../mapping/compile-jsonata.js';
import type { ConnectionRuntime } from '../operations/runtime.js';
import { buildRequestUrl, pageSize, pageUrl } from './build-request-url.js';
import { nextPageState } from './next-page.js';
import type { SourceProgress } from './page-state.js';

const SEEN_LIMIT = 16;

/** One page of raw provider records and where the listing goes next (null: it is complete). */
export interface RawPage {
  records: unknown[];
  next: SourceProgress | null;
}

function fingerprint(url: URL): string {
  return createHash('sha256').update(`${url.pathname}${url.search}`).digest('base64url').slice(0, 12);
}

/** Fetches one page of an HTTP source and applies the stop rules. */
export async function readHttpPage(
  runtime: ConnectionRuntime,
  source: CompiledPagedRequest,
  progress: SourceProgress,
  scope: TemplateScope & { limit?: number | undefined },
  context: CallContext,
): Promise<RawPage> {
  const pagination = source.pagination.definition;
  // A page number only means something with the page size it was counted in.
  const size =
    progress.page?.kind === 'page' && progress.page.size !== undefined
      ? progress.page.size
      : pageSize(source, scope.limit);
  const first = await buildRequestUrl(runtime.baseUrl, source.request, { ...scope, limit: size });
  const url = pageUrl(first, source, size, progress.page);
  const headers: Record<string, string> = {};
  for (const [name, template] of source.request.headers) {
    const value = renderTemplate(template, scope);
    if (value !== undefined) headers[name] = value;
  }
  const response = await runtime.http.send({
    method: source.request.method,
    url,
    headers,
    family: source.request.family,
    context,
  });
  const extracted = source.records ? await source.records.apply(response.body) : response.body;
  if (!source.records && !Array.isArray(extracted)) {
    throw new EngineError(
      'invalid_response',
      'expected an array of records in the body; set `records` to its path',
      {
        provider: runtime.provider.id,
        ...context,
        status: response.status,
      },
    );
  }
  if (source.records && extracted === undefined) {
    // A path that finds nothing is a body of another shape, not an empty page: ending the
    // listing here would silently drop every record.
    throw new EngineError(
      'invalid_response',
      `the records path ${JSON.stringify(source.records.source)} finds nothing in the body`,
      { provider: runtime.provider.id, ...context, status: response.status },
    );
  }
  const records = asArray(extracted);
  if (pagination.type === 'none') return { records, next: null };

  const fetched = progress.fetched + records.length;
  const pages = progress.pages + 1;
  const seen = [...progress.seen, fingerprint(url)].slice(-SEEN_LIMIT);
  const next = await nextPageState(
    source,
    response,
    progress.page,
    records.length,
    size,
    runtime.provider.id,
    context,
  );
  if (next === undefined) return { records, next: null };
  if (records.length === 0 && pagination.stop_on_empty_page) return { records, next: null };
  const stopOnShort =
    pagination.stop_on_short_page ?? (pagination.type === 'page' || pagination.type === 'offset');
  if (stopOnShort && size !== undefined && records.length < size) return { records, next: null };
  if ('total' in pagination && source.pagination.total) {
    const total = Number(await source.pagination.total.apply(response.body));
    if (Number.isFinite(total) && fetched >= total) return { records, next: null };
  }
  if (seen.includes(fingerprint(pageUrl(first, source, size, next)))) {
    // A provider that hands back a page already read would loop forever: stop, but say so,
    // since records after the loop (if any) were never offered.
    runtime.onWarning(
      new EngineError('invalid_response', 'the next page repeats one already read; the listing stops there', {
        provider: runtime.provider.id,
        ...context,
      }),
    );
    return { records, next: null };
  }
  if (pages >= pagination.max_pages) {
    runtime.onWarning(
      new EngineError(
        'invalid_response',
        `stopped after max_pages (${pagination.max_pages}); the listing may be incomplete`,
        {
          provider: runtime.provider.id,
          ...context,
        },
      ),
    );
    return { records, next: null };
  }
  return { records, next: { page: next, pages, fetched, seen } };
}
