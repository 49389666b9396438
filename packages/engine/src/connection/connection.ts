import type { CursorBinding } from '../cursor/cursor-codec.js';
import type { CompiledResource } from '../definition/compiled-types.js';
import type { WriteOperationName } from '../definition/schema-write.js';
import { asEngineError } from '../errors/as-engine-error.js';
import { EngineError, type EngineErrorContext, setResumeCursor } from '../errors/engine-error.js';
import { redactError } from '../errors/redact-error.js';
import type { UnifiedModel, UnifiedResource } from '../generated/unified-types.js';
import { abortedError, withSignal } from '../http/call-signal.js';
import { countingRequests } from '../http/request-count.js';
import { type FilterValues, normaliseFilters } from '../operations/filters.js';
import { getRecord } from '../operations/get-record.js';
import { type ListState, listResource } from '../operations/list-resource.js';
import { Listing } from '../operations/listing.js';
import { proxyRequest } from '../operations/proxy-request.js';
import type { ConnectionRuntime } from '../operations/runtime.js';
import type {
  GetOptions,
  InputOf,
  ListingStats,
  ListOptions,
  Page,
  ProxyRequest,
  ProxyResponse,
  RecordOf,
  WriteOptions,
  WriteResult,
} from '../public-types.js';
import { runWrite } from '../writes/run-write.js';

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

  /**
   * One page of a resource. Pass the returned `next_cursor` to get the next; null means done.
   * An error after the arguments are accepted carries `cursor`: this call's own starting point.
   */
  async list<Model extends UnifiedModel, Resource extends UnifiedResource<Model>>(
    model: Model,
    resource: Resource,
    options: ListOptions = {},
  ): Promise<Page<RecordOf<Model, Resource>>> {
    const listing = await this.guard(`${model}/${resource}`, 'list', options.signal, async () =>
      this.openListing(model, resource, options),
    );
    const page = await this.guard(
      listing.resource.key,
      'list',
      options.signal,
      () =>
        countedPage(() =>
          // One call, one page: what a join or fan-out reads is read again by the next call.
          listResource(new Listing(this.#runtime, listing.resource, listing.request, false), listing.state),
        ),
      () => this.cursorOf(listing, listing.state),
    );
    return {
      result: page.records as RecordOf<Model, Resource>[],
      next_cursor: this.cursorOf(listing, page.next ?? undefined),
      stats: page.stats,
    };
  }

  /**
   * Every record of a resource, fetched page by page as the loop consumes them, from the start
   * or from `cursor`. The generator's return value is the listing's total {@link ListingStats}.
   * An error carries `cursor`: every record before it was yielded, so
   * `iterate(model, resource, { ...options, cursor: error.cursor })` goes on with nothing lost
   * and nothing twice. Leaving the loop early cancels the page read ahead and any wait.
   */
  async *iterate<Model extends UnifiedModel, Resource extends UnifiedResource<Model>>(
    model: Model,
    resource: Resource,
    options: ListOptions = {},
  ): AsyncGenerator<RecordOf<Model, Resource>, ListingStats, undefined> {
    const listing = await this.guard(`${model}/${resource}`, 'list', options.signal, async () =>
      this.openListing(model, resource, options),
    );
    // Aborted when the loop ends, however it ends: the read-ahead and its waits stop with it.
    const done = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, done.signal]) : done.signal;
    // The whole walk is one listing: parent pages and joined ids are read once for all its pages.
    const walk = new Listing(this.#runtime, listing.resource, listing.request, true);
    const read = (state: ListState | undefined) =>
      this.guard(
        listing.resource.key,
        'list',
        signal,
        () => countedPage(() => listResource(walk, state)),
        () => this.cursorOf(listing, state),
      );
    const totals: ListingStats = { skipped: 0, repaired: 0, requests: 0 };
    try {
      let page = await read(listing.state);
      for (;;) {
        totals.skipped += page.stats.skipped;
        totals.repaired += page.stats.repaired;
        totals.requests += page.stats.requests;
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
    } finally {
      done.abort();
    }
  }

  /** One record by id; for a singleton resource such as `me`, no id. */
  async get<Model extends UnifiedModel, Resource extends UnifiedResource<Model>>(
    model: Model,
    resource: Resource,
    id?: string,
    options: GetOptions = {},
  ): Promise<RecordOf<Model, Resource>> {
    const record = await this.guard(`${model}/${resource}`, 'get', options.signal, () =>
      getRecord(this.#runtime, this.resource(model, resource, 'get'), id, options.remoteData !== false),
    );
    return record as RecordOf<Model, Resource>;
  }

  /** Calls the provider's own API with this connection's base URL, auth, rate limits and retries. */
  proxy(request: ProxyRequest): Promise<ProxyResponse> {
    return this.guard(undefined, 'proxy', request.signal, () => proxyRequest(this.#runtime, request));
  }

  /**
   * Creates (invites, provisions) a record. The input is checked against the unified input
   * schema, and against the fields the provider can set (`unsupported_field`), before any
   * request. Resolves to the record after the change, or `{ id }` where the provider answers
   * nothing; with `dryRun: true`, to the request it would send (secrets redacted), sending nothing.
   */
  create<
    Model extends UnifiedModel,
    Resource extends UnifiedResource<Model>,
    Options extends WriteOptions = WriteOptions,
  >(
    model: Model,
    resource: Resource,
    input: InputOf<Model, Resource, 'create'>,
    options?: Options,
  ): Promise<WriteResult<Model, Resource, Options>> {
    return this.write(model, resource, 'create', { input, options });
  }

  /** Changes the given fields of a record; fields the provider cannot change fail with `unsupported_field`. */
  update<
    Model extends UnifiedModel,
    Resource extends UnifiedResource<Model>,
    Options extends WriteOptions = WriteOptions,
  >(
    model: Model,
    resource: Resource,
    id: string,
    input: InputOf<Model, Resource, 'update'>,
    options?: Options,
  ): Promise<WriteResult<Model, Resource, Options>> {
    return this.write(model, resource, 'update', { id, input, options });
  }

  /** Deactivates (deprovisions, removes the access of) a record. */
  deactivate<
    Model extends UnifiedModel,
    Resource extends UnifiedResource<Model>,
    Options extends WriteOptions = WriteOptions,
  >(
    model: Model,
    resource: Resource,
    id: string,
    options?: Options,
  ): Promise<WriteResult<Model, Resource, Options>> {
    return this.write(model, resource, 'deactivate', { id, options });
  }

  /** Adds a member (a user) to a record (a group). Resolves to `{ id }` of the record. */
  addMember<
    Model extends UnifiedModel,
    Resource extends UnifiedResource<Model>,
    Options extends WriteOptions = WriteOptions,
  >(
    model: Model,
    resource: Resource,
    id: string,
    memberId: string,
    options?: Options,
  ): Promise<WriteResult<Model, Resource, Options>> {
    return this.write(model, resource, 'add_member', { id, memberId, options });
  }

  /** Removes a member from a record. Resolves to `{ id }` of the record. */
  removeMember<
    Model extends UnifiedModel,
    Resource extends UnifiedResource<Model>,
    Options extends WriteOptions = WriteOptions,
  >(
    model: Model,
    resource: Resource,
    id: string,
    memberId: string,
    options?: Options,
  ): Promise<WriteResult<Model, Resource, Options>> {
    return this.write(model, resource, 'remove_member', { id, memberId, options });
  }

  private write<T>(
    model: string,
    resource: string,
    operation: WriteOperationName,
    call: { id?: string; memberId?: string; input?: unknown; options: WriteOptions | undefined },
  ): Promise<T> {
    const options = call.options ?? {};
    return this.guard(`${model}/${resource}`, operation, options.signal, async () => {
      const compiled = this.resource(model, resource, operation);
      const write = compiled.writes.get(operation);
      if (!write) {
        const declared = [...compiled.writes.keys()].join(', ') || 'none';
        throw new EngineError(
          'unsupported_operation',
          `${operation} is not supported by ${this.provider} for ${compiled.key} (it declares: ${declared})`,
          { provider: this.provider, resource: compiled.key, operation },
        );
      }
      return (await runWrite(this.#runtime, { ...call, resource: compiled, write, options })) as T;
    });
  }

  /** Checks a listing's arguments and reads its cursor, before any request. */
  private openListing(model: string, resource: string, options: ListOptions): OpenListing {
    const compiled = this.resource(model, resource, 'list');
    const resuming = options.cursor !== undefined && options.cursor !== null;
    const filters = normaliseFilters(this.provider, compiled, options.filter, resuming);
    const binding = this.binding(compiled, filters);
    // Only absent or null starts over: '' or '0' is a caller's mistake, not a fresh listing.
    const state = resuming
      ? this.#runtime.cursors.decode<ListState>(options.cursor as string, binding, {
          provider: this.provider,
          resource: compiled.key,
        })
      : undefined;
    const request = {
      limit: checkLimit(options.limit, this.provider, compiled.key),
      filters,
      remoteData: options.remoteData !== false,
    };
    return { resource: compiled, binding, state, request };
  }

  private cursorOf(listing: OpenListing, state: ListState | undefined): string | null {
    return state ? this.#runtime.cursors.encode(state, listing.binding) : null;
  }

  /**
   * Runs one call under the caller's signal; whatever fails leaves as an EngineError, `aborted`
   * once the signal fired, carrying the listing's resume cursor when there is one.
   */
  private async guard<T>(
    resource: string | undefined,
    operation: string,
    signal: AbortSignal | undefined,
    run: () => Promise<T>,
    resumeCursor?: () => string | null,
  ): Promise<T> {
    try {
      return await withSignal(signal, run);
    } catch (error) {
      const failure =
        signal?.aborted && !(EngineError.isInstance(error) && error.code === 'aborted')
          ? abortedError({ provider: this.provider, resource, operation })
          : this.safeError(error, { resource, operation });
      if (resumeCursor && failure.cursor === undefined) setResumeCursor(failure, resumeCursor());
      throw failure;
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
      credentials: this.#runtime.credentialFingerprint,
      // A resource served `by` a param: a cursor of one definition is no cursor of another.
      resource: resource.variant === undefined ? resource.key : `${resource.key}#${resource.variant}`,
      filter: filters,
    };
  }
}

/** A listing whose arguments were checked and whose cursor was read. */
interface OpenListing {
  resource: CompiledResource;
  binding: CursorBinding;
  /** Where the listing starts; undefined: at the beginning. */
  state: ListState | undefined;
  request: { limit: number | undefined; filters: FilterValues; remoteData: boolean };
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

/** A page read with the count of the HTTP requests it took in its stats. */
async function countedPage<Result extends { stats: ListingStats }>(
  read: () => Promise<Result>,
): Promise<Result> {
  const { value, requests } = await countingRequests(read);
  value.stats.requests = requests;
  return value;
}
