import type { CompiledResource } from '../definition/compiled-types.js';
import type { ListingStats } from '../public-types.js';
import type { FilterValues } from './filters.js';
import type { RawPosition, RawResourcePage } from './raw-reader.js';
import type { PipelineContext } from './record-pipeline.js';
import type { ConnectionRuntime } from './runtime.js';

/** What the caller asked of a listing: the same for each of its pages. */
export interface ListingRequest {
  limit?: number | undefined;
  filters: FilterValues;
  remoteData: boolean;
}

/**
 * One walk through a resource's records: the connection, the resource, what the caller asked,
 * and what the walk keeps between its pages. A listing that remembers reads a fan-out's parent
 * page once (keeping the latest) and a join's ids once per source; one that does not (a single
 * `list` call, which a cursor resumes later) reads them again for each page.
 */
export class Listing {
  readonly #parentPages = new Map<string, RawResourcePage>();
  readonly #joinedIds = new Map<string, Set<string>>();

  constructor(
    readonly runtime: ConnectionRuntime,
    readonly resource: CompiledResource,
    readonly request: ListingRequest,
    private readonly remember: boolean,
  ) {}

  /** What request templates read: params, filters, the page size asked, a fan-out's parent. */
  scope(parent?: unknown) {
    const { runtime, request } = this;
    return { params: runtime.params, filter: request.filters, limit: request.limit, parent };
  }

  /** The context a page's records are mapped in. */
  context(stats: ListingStats): PipelineContext {
    return this.#context(stats, { params: this.runtime.params, filter: this.request.filters });
  }

  /** The context of a fan-out's child page: its parent record is bound too. */
  childContext(stats: ListingStats, parent: unknown): PipelineContext {
    return this.#context(stats, { params: this.runtime.params, filter: this.request.filters, parent });
  }

  #context(stats: ListingStats, bindings: Record<string, unknown>): PipelineContext {
    const { resource, request } = this;
    return {
      resource: resource.key,
      operation: 'list',
      remoteData: request.remoteData,
      rawId: resource.rawId,
      bindings,
      stats,
    };
  }

  /** A page of a fan-out's parent resource, read once while the listing stays on it. */
  async parentPage(position: RawPosition, read: () => Promise<RawResourcePage>): Promise<RawResourcePage> {
    const key = JSON.stringify(position);
    const known = this.#parentPages.get(key);
    if (known) return known;
    const page = await read();
    if (this.remember) {
      this.#parentPages.clear();
      this.#parentPages.set(key, page);
    }
    return page;
  }

  /** The ids a source's join lists, read once per listing (a cursor call reads them again). */
  async joinedIds(source: number, read: () => Promise<Set<string>>): Promise<Set<string>> {
    const key = `${source}`;
    const known = this.#joinedIds.get(key);
    if (known) return known;
    const ids = await read();
    if (this.remember) this.#joinedIds.set(key, ids);
    return ids;
  }
}
