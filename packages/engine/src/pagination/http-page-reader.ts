import type { CompiledPagedRequest } from '../definition/compiled-types.js';
import { renderTemplate, type TemplateScope } from '../definition/template.js';
import { EngineError } from '../errors/engine-error.js';
import type { HttpClient } from '../http/http-client.js';
import type { CallContext } from '../http/response-error.js';
import { asArray } from '../mapping/compile-jsonata.js';
import { buildRequestUrl, pageSize, pageUrl } from './build-request-url.js';
import { nextPageState } from './next-page.js';
import type { SourceProgress } from './page-state.js';
import { fingerprint, nextCycleState, pageKey } from './repeat-guard.js';

/** Recent requests remembered exactly, so a link back to one of them fails before it is read. */
const SEEN_LIMIT = 16;
/** Empty pages in a row that still name a next page: past this, the listing is taken as endless. */
export const MAX_EMPTY_PAGES = 100;

/** One page of raw provider records and where the listing goes next (null: it is complete). */
export interface RawPage {
  records: unknown[];
  next: SourceProgress | null;
}

/** What a page read needs of its connection: where requests go and the client that sends them. */
export interface PageSender {
  provider: { id: string };
  baseUrl: URL;
  http: Pick<HttpClient, 'send'>;
}

function requestFingerprint(url: URL): string {
  return fingerprint(`${url.pathname}${url.search}`);
}

/** Fetches one page of an HTTP source and applies the stop rules. */
export async function readHttpPage(
  runtime: PageSender,
  source: CompiledPagedRequest,
  progress: SourceProgress,
  scope: TemplateScope & { limit?: number | undefined },
  context: CallContext,
): Promise<RawPage> {
  const pagination = source.pagination.definition;
  const endless = (message: string) =>
    new EngineError('pagination_loop', `${message}; the listing cannot end, so it fails`, {
      provider: runtime.provider.id,
      ...context,
    });
  if (progress.stuck !== undefined) throw endless(progress.stuck);
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
  const requested = requestFingerprint(url);
  const cycle = nextCycleState(progress.cycle, pageKey(requested, records));
  if (!cycle) {
    // Checked over the whole listing, whatever its length: ending here would look complete.
    throw endless(
      'a page repeats one already read (a cycle of next links, or a cursor the provider ignores)',
    );
  }
  const seen = [...progress.seen, requested].slice(-SEEN_LIMIT);
  const empty = records.length === 0 ? (progress.empty ?? 0) + 1 : 0;
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
  const counted = pagination.type === 'page' || pagination.type === 'offset';
  // Where the provider names the next page, an empty page ends the listing only if the
  // definition says so (a polled log caught up): elsewhere more records may follow.
  if (records.length === 0 && (pagination.stop_on_empty_page ?? counted)) return { records, next: null };
  const stopOnShort = pagination.stop_on_short_page ?? counted;
  if (stopOnShort && size !== undefined && records.length < size) return { records, next: null };
  if ('total' in pagination && source.pagination.total) {
    const total = Number(await source.pagination.total.apply(response.body));
    if (Number.isFinite(total) && fetched >= total) return { records, next: null };
  }
  // The records of this page are good; the listing fails when it tries to go on from here.
  const stuck = seen.includes(requestFingerprint(pageUrl(first, source, size, next)))
    ? 'the next page link repeats a page already read'
    : empty >= MAX_EMPTY_PAGES
      ? `${empty} empty pages in a row, each naming a next page`
      : pages >= pagination.max_pages
        ? `the listing reached max_pages (${pagination.max_pages}) and still names a next page`
        : undefined;
  return { records, next: { page: next, pages, fetched, seen, cycle, empty, stuck } };
}
