import type { Dispatcher } from 'undici';
import type { RefreshedTokens } from './auth/auth-strategy.js';
import type { BuiltInProviders } from './built-in-provider-types.js';
import type { ProviderDefinition } from './definition/compiled-types.js';
import type { EngineError } from './errors/engine-error.js';
import type {
  UnifiedInputMap,
  UnifiedModel,
  UnifiedRecord,
  UnifiedResource,
} from './generated/unified-types.js';

export type { ProviderDefinition };

/**
 * How mapped records are checked against the unified schemas:
 * - `drop` (default): one bad value never fails a listing. An invalid optional value (a field, a
 *   list item, an object lacking its own required field) is dropped from the record, the raw
 *   value staying in `remote_data`; a record without a valid id or another required field is
 *   skipped. Each is reported to `onWarning` (`schema_violation` or `mapping_error`, with the
 *   record id and the paths) and counted in the page's `stats`. `get` of such a record fails.
 * - `strict`: the first invalid record fails the call with `schema_violation`.
 * - `warn`: invalid records are returned as mapped and reported to `onWarning`.
 * - `off`: no check.
 */
export type ValidationMode = 'drop' | 'strict' | 'warn' | 'off';

/** Options of {@link createEngine}. Every one is optional. */
export interface EngineOptions {
  /** Provider definitions to serve. Default: the built-in ones. */
  providers?: readonly ProviderDefinition[];
  /** Used for every request, token requests included (MockAgent in tests, ProxyAgent behind a proxy). */
  dispatcher?: Dispatcher;
  /**
   * Key of the HMAC that signs cursors (at least 16 bytes). Give one so cursors survive a
   * restart or move between processes; without it each engine makes a random key.
   */
  cursorSecret?: string | Uint8Array;
  /**
   * Check mapped records against the unified schemas. Default `drop`: invalid optional values are
   * dropped and records lacking a required field skipped, each reported to `onWarning`;
   * `strict` fails the call instead. See {@link ValidationMode}.
   */
  validate?: ValidationMode;
  /** Timeouts in milliseconds. Defaults: connect 10 s, headers 30 s, body 60 s. */
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
  /**
   * Largest response body read, in bytes (default 32 MB). Checked against Content-Length and
   * while the body streams; a larger body fails with `response_too_large` (not retryable).
   */
  maxResponseBytes?: number;
  /**
   * Receives non-fatal problems (records repaired or skipped by validation, truncated listings),
   * with every secret redacted. Default: console.warn.
   */
  onWarning?: (warning: EngineError) => void;
}

/** Credentials: the auth method id from the definition and that method's fields. */
export interface AuthCredentials {
  method: string;
  [field: string]: string | undefined;
}

/** Options of `engine.connect()`. */
export interface ConnectOptions {
  /** Connection params, validated against the definition before any request. */
  params?: Record<string, string>;
  auth: AuthCredentials;
  /**
   * Overrides the base URL (custom domain, proxy, local sandbox). Plain http only for `localhost`
   * and literal loopback addresses; link-local, metadata and private addresses are refused
   * unless `allowPrivateNetwork` is set.
   */
  baseUrl?: string;
  /**
   * Lets a `baseUrl` override point at a private (10/8, 172.16/12, 192.168/16, fc00::/7...) or
   * link-local address (169.254/16, fe80::/10, cloud metadata services). Off by default, so a
   * base URL taken from a customer cannot reach the host's internal network.
   */
  allowPrivateNetwork?: boolean;
  /** Called after an OAuth refresh, so rotated tokens can be stored. */
  onTokenRefresh?: (tokens: RefreshedTokens) => void | Promise<void>;
}

export type { BuiltInProviders };

/** The id of a provider bundled with the engine: the name of its folder under `providers/`. */
export type BuiltInProviderId = keyof BuiltInProviders;

/**
 * {@link ConnectOptions} of a built-in provider: only its params and its auth methods, each with
 * its credential fields, so a misspelt method or field fails to compile.
 */
export interface BuiltInConnectOptions<Id extends BuiltInProviderId>
  extends Omit<ConnectOptions, 'params' | 'auth'> {
  params?: BuiltInProviders[Id]['params'];
  auth: BuiltInProviders[Id]['auth'];
}

type ParamsChecked<Given, Known> = string extends keyof Given
  ? Given
  : { [Name in keyof Given]: Name extends keyof Known ? Known[Name] : never };

/**
 * The options `engine.connect(id, options)` accepts. For a built-in provider, literal values are
 * checked against its definition: auth method, credential fields, param names and enums (see
 * {@link BuiltInConnectOptions}). Values typed `string` (an auth object or params read at run
 * time) are left to the checks `connect` makes when it runs, as are custom providers' options.
 */
export type ConnectOptionsFor<
  Id extends string,
  Options extends ConnectOptions,
> = Id extends BuiltInProviderId
  ? string extends Options['auth']['method']
    ? Options
    : Omit<Options, 'auth' | 'params'> & {
        auth: BuiltInProviders[Id]['auth'];
        params?: ParamsChecked<NonNullable<Options['params']>, BuiltInProviders[Id]['params']>;
      }
  : Options;

/**
 * The provider ids `engine.connect` accepts: any `string`-typed value (an id read at run time),
 * and among literal ids the built-in ones and the engine's `CustomId`s, so a misspelt id fails to
 * compile.
 */
export type ProviderIdArgument<Id extends string, CustomId extends string> = string extends Id
  ? Id
  : Id extends BuiltInProviderId | CustomId
    ? Id
    : BuiltInProviderId | CustomId;

/**
 * Cancels a call: once the signal fires, the call stops within a second (requests, retry and
 * rate-limit waits, token requests included) and rejects with an `aborted` EngineError.
 */
export interface Cancellable {
  signal?: AbortSignal | undefined;
}

/** Options of `list` and `iterate`. */
export interface ListOptions extends Cancellable {
  /** Page size asked of the provider, capped at its maximum. */
  limit?: number;
  /**
   * Where to start: a page's `next_cursor`, or the `cursor` of an error thrown by `list` or
   * `iterate` (see `EngineError.cursor`). `null` or absent starts at the beginning; any other
   * value that is not a cursor of this connection, resource and filter fails with
   * `invalid_cursor`.
   */
  cursor?: string | null;
  /** Filters the resource declares, e.g. `{ status: 'active' }`. */
  filter?: Record<string, string | boolean | undefined>;
  /** Include the provider's raw object as `remote_data` (default true). */
  remoteData?: boolean;
}

/** Options of `get`. */
export interface GetOptions extends Cancellable {
  remoteData?: boolean;
}

/** One page of a listing. `next_cursor` is null when the listing is complete. */
export interface Page<T> {
  result: T[];
  next_cursor: string | null;
  /** What validation did to this page's records (see {@link ValidationMode}). */
  stats: ListingStats;
}

/** Counts of a listing call: records that did not come through as mapped, and HTTP requests. */
export interface ListingStats {
  /** Records left out: no valid id or another required field (reported to `onWarning`). */
  skipped: number;
  /** Records returned without one or more invalid values (reported to `onWarning`). */
  repaired: number;
  /**
   * HTTP requests sent for the call: the page and any others behind it (retries, redirects,
   * fan-out and joined listings, token requests).
   */
  requests: number;
}

/** A call to the provider's own API through the connection. */
export interface ProxyRequest extends Cancellable {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path below the base URL, e.g. `/api/v1/users`. Absolute URLs are refused. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /**
   * Extra request headers. The connection's credentials are always the ones sent: a header the
   * credentials set (`Authorization`, `DPoP`, an API-key header) is refused with
   * `invalid_request`, as is a name or value a header cannot carry (a line break).
   */
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
}

export interface ProxyResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** What `engine.providers()` says about one provider. */
export interface ProviderSummary {
  id: string;
  name: string;
  models: Record<string, string[]>;
  /** For each `model/resource` that has one, the filter serving incremental listings (`incremental_filter`). */
  incrementalFilters: Record<string, string>;
  auth: Array<{
    id: string;
    kind: string;
    label?: string | undefined;
    fields: Record<string, { secret: boolean; required: boolean; description?: string | undefined }>;
  }>;
  params: Record<
    string,
    {
      required: boolean;
      enum?: readonly string[] | undefined;
      default?: string | undefined;
      description?: string | undefined;
    }
  >;
}

/** The record type of a model/resource pair. */
export type RecordOf<Model extends UnifiedModel, Resource extends UnifiedResource<Model>> = UnifiedRecord<
  Model,
  Resource
>;

/**
 * The input of a write operation, e.g. `InputOf<'user-directory', 'users', 'create'>` is
 * `UserDirectory.UserCreateInput`; a resource without an input schema takes any object.
 */
export type InputOf<
  Model extends UnifiedModel,
  Resource extends UnifiedResource<Model>,
  Operation extends 'create' | 'update',
> = Model extends keyof UnifiedInputMap
  ? Resource extends keyof UnifiedInputMap[Model]
    ? Operation extends keyof UnifiedInputMap[Model][Resource]
      ? UnifiedInputMap[Model][Resource][Operation]
      : Record<string, unknown>
    : Record<string, unknown>
  : Record<string, unknown>;

/**
 * What a write resolves to: with `dryRun: true`, the request it would send; otherwise the record
 * after the change, or `{ id }` where the provider answers nothing to read it from.
 */
export type WriteResult<
  Model extends UnifiedModel,
  Resource extends UnifiedResource<Model>,
  Options extends WriteOptions = WriteOptions,
> = Options extends { dryRun: true } ? DryRunRequest : RecordOf<Model, Resource> | { id: string };

/** Options of every write call. */
export interface WriteOptions {
  /** Build the request and return it, secrets redacted, without sending anything. */
  dryRun?: boolean;
  /**
   * A key naming this change, sent where the provider honours one (the request may then be
   * retried safely); with a provider that honours none the call fails with invalid_request.
   */
  idempotencyKey?: string;
  /** Cancels the call; a write already sent may still have happened (see write_outcome_unknown). */
  signal?: AbortSignal;
  /** Include `remote_data` in the returned record. Default: true. */
  remoteData?: boolean;
}

/** What a write would send, as `dryRun: true` returns it. Secret values read `[redacted]`. */
export interface DryRunRequest {
  dry_run: true;
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}
