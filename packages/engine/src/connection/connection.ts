import type { CursorBinding } from '../cursor/cursor-codec.js';
import type { CompiledResource } from '../definition/compiled-types.js';
import { asEngineError } from '../errors/as-engine-error.js';
import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';
import { redactError } from '../errors/redact-error.js';
import type { UnifiedModel, UnifiedResource } from '../generated/unified-types.js';
import { type FilterValues, normaliseFilters } from '../operations/filters.js';
import { getRecord } from '../operations/get-record.js';
import { type ListState, listResource } from '../operations/list-resource.js';
import { proxyRequest } from '../operations/proxy-request.js';
import type { RawResourcePage } from '../operations/raw-reader.js';
import type { ConnectionRuntime } from '../operations/runtime.js';
import type {
  GetOptions,
  ListingStats,
  ListOptions,
  Page,
  ProxyRequest,
  ProxyResponse,
  RecordOf,
} from '../public-types.js';

/**
 * A customer's account at one provider, as `engine.connect()` returns it. Reads any unified
 * resource the provider serves, page by page or all at once, and proxies raw API calls.
 */
export class Connection {
  // Private for real, so printing a connection never shows its credentials or keys.
  readonly #runtime: ConnectionRuntime;

  /** @internal */
  constructor(runtime: ConnectionRuntime) {
    this.#runtime = runtime;
  }

  /** The provider id, e.g. `acme`. */
  get provider(): string {
    return this.#runtime.provider.id;
  }

  /** The resolved API base URL, e.g. `https://acme.example.com`. */
  get baseUrl(): string {
    return this.#runtime.baseUrl.href.replace(/\/$/, '');
  }

  /** The auth method id in use. */
  get authMethod(): string {
    return this.#runtime.authMethod;
  }

  /** One page of a resource. Pass the returned `next_cursor` to get the next; null means done. */
  async list<Model extends UnifiedModel, Resource extends UnifiedResource<Model>>(
    model: Model,
    resource: Resource,
    options: ListOptions = {},
  ): Promise<Page<RecordOf<Model, Resource>>> {
    return this.guard(`${model}/${resource}`, 'list', () => this.listPage(model, resource, options));
  }

  private async listPage<Model extends UnifiedModel, Resource extends UnifiedResource<Model>>(
    model: Model,
    resource: Resource,
    options: ListOptions,
  ): Promise<Page<RecordOf<Model, Resource>>> {
    const compiled = this.resource(model, resource, 'list');
    const filters = normaliseFilters(this.provider, compiled, options.filter, Boolean(options.cursor));
    const binding = this.binding(compiled, filters);
    const state = options.cursor
      ? this.#runtime.cursors.decode<ListState>(options.cursor, binding, {
          provider: this.provider,
          resource: compiled.key,
        })
      : undefined;
    const page = await listResource(this.#runtime, compiled, {
      limit: checkLimit(options.limit, this.provider, compiled.key),
      filters,
      remoteData: options.remoteData !== false,
      state,
    });
    return {
      result: page.records as RecordOf<Model, Resource>[],
      next_cursor: page.next ? this.#runtime.cursors.encode(page.next, binding) : null,
      stats: page.stats,
    };
  }

  /**
   * Every record of a resource, fetched page by page as the loop consumes them. The generator's
   * return value is the listing's total {@link ListingStats}.
   */
  async *iterate<Model extends UnifiedModel, Resource extends UnifiedResource<Model>>(
    model: Model,
    resource: Resource,
    options: Omit<ListOptions, 'cursor'> = {},
  ): AsyncGenerator<RecordOf<Model, Resource>, ListingStats, undefined> {
    let compiled: CompiledResource;
    let filters: FilterValues;
    let limit: number | undefined;
    try {
      compiled = this.resource(model, resource, 'list');
      filters = normaliseFilters(this.provider, compiled, options.filter);
      limit = checkLimit(options.limit, this.provider, compiled.key);
    } catch (error) {
      throw this.safeError(error, { resource: `${model}/${resource}`, operation: 'list' });
    }
    const parentPages = new Map<string, RawResourcePage>();
    const idSets = new Map<string, Set<string>>();
    const read = (state: ListState | undefined) =>
      this.guard(compiled.key, 'list', () =>
        listResource(this.#runtime, compiled, {
          limit,
          filters,
          remoteData: options.remoteData !== false,
          state,
          parentPages,
          idSets,
        }),
      );
    const totals: ListingStats = { skipped: 0, repaired: 0 };
    let page = await read(undefined);
    for (;;) {
      totals.skipped += page.stats.skipped;
      totals.repaired += page.stats.repaired;
      // The next page is fetched while the caller works through this one: a sync that writes
      // each record somewhere overlaps its writes with the provider's latency. One page ahead
      // at most, so memory stays at two pages.
      const next = page.next ? read(page.next) : undefined;
      // A caller that stops early must not leave an unhandled rejection behind.
      next?.catch(() => undefined);
      yield* page.records as RecordOf<Model, Resource>[];
      if (!next) return totals;
      page = await next;
    }
  }

  /** One record by id; for a singleton resource such as `me`, no id. */
  async get<Model extends UnifiedModel, Resource extends UnifiedResource<Model>>(
    model: Model,
    resource: Resource,
    id?: string,
    options: GetOptions = {},
  ): Promise<RecordOf<Model, Resource>> {
    const record = await this.guard(`${model}/${resource}`, 'get', () =>
      getRecord(this.#runtime, this.resource(model, resource, 'get'), id, options.remoteData !== false),
    );
    return record as RecordOf<Model, Resource>;
  }

  /** Calls the provider's own API with this connection's base URL, auth, rate limits and retries. */
  proxy(request: ProxyRequest): Promise<ProxyResponse> {
    return this.guard(undefined, 'proxy', () => proxyRequest(this.#runtime, request));
  }

  private async guard<T>(resource: string | undefined, operation: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.safeError(error, { resource, operation });
    }
  }

  /** What leaves the API: always an EngineError, with every secret redacted from all of it. */
  private safeError(
    error: unknown,
    context: Pick<EngineErrorContext, 'resource' | 'operation'>,
  ): EngineError {
    const redact = this.#runtime.redact;
    return redactError(asEngineError(error, { provider: this.provider, ...context }, redact), redact);
  }

  private resource(model: string, resource: string, operation: string): CompiledResource {
    const compiled = this.#runtime.provider.resources.get(`${model}/${resource}`);
    const context = { provider: this.provider, resource: `${model}/${resource}`, operation };
    if (!compiled) {
      const served = [...this.#runtime.provider.resources.keys()].join(', ');
      throw new EngineError(
        'unsupported_resource',
        `${model}/${resource} is not served by ${this.provider}; it serves ${served}`,
        context,
      );
    }
    if (operation === 'list' && !compiled.list) {
      throw new EngineError(
        'unsupported_operation',
        `list is not supported${compiled.singleton ? '; use get' : ''}`,
        context,
      );
    }
    return compiled;
  }

  private binding(resource: CompiledResource, filters: Record<string, unknown>): CursorBinding {
    return {
      provider: this.provider,
      baseUrl: this.#runtime.baseUrl.href,
      authMethod: this.#runtime.authMethod,
      resource: resource.key,
      filter: filters,
    };
  }
}

function checkLimit(limit: number | undefined, provider: string, resource: string): number | undefined {
  if (limit === undefined) return undefined;
  if (!Number.isInteger(limit) || limit < 1) {
    throw new EngineError('invalid_request', `limit must be a positive whole number, got ${limit}`, {
      provider,
      resource,
      operation: 'list',
    });
  }
  return limit;
}
