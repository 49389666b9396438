/**
 * The fixture file format: one JSON file per test case in `<provider>/fixtures/`, each a call
 * through the public API and the exchanges (recorded requests and responses) it must make.
 */

/** One request the engine must make, and the response the provider gave to it. */
export interface Exchange {
  request: {
    /** HTTP method; default `GET`. */
    method?: string;
    /**
     * Origin the request must go to (`https://login.example.com`), for a token endpoint or any
     * request on another host than the connection's. Default: the origin of the connection's
     * base URL.
     */
    origin?: string;
    /** The exact path, without the query. */
    path: string;
    /** The exact query: every parameter, none more; a list for a repeated parameter. */
    query?: Record<string, string | string[]>;
    /**
     * Headers the request must carry with these values (others are not checked). `"*"` checks
     * only that the header is present, for values that change on every run (a DPoP proof).
     * Names are case-insensitive.
     */
    headers?: Record<string, string>;
    /** Fields a form-encoded body must contain with these values (a token request). */
    form?: Record<string, string>;
    /**
     * The JSON body the request must carry, exactly (a write: what the definition's body
     * mapping made of the input). A request with a JSON body records it in the snapshot.
     */
    body?: unknown;
  };
  response: {
    status: number;
    /** Response headers; a list for a header sent more than once (two `Link` headers). */
    headers?: Record<string, string | string[]>;
    /** The JSON body. */
    body?: unknown;
  };
}

/** A fixture file under `<provider>/fixtures/`. */
export interface Fixture {
  /** What the case shows, one line; it heads the snapshot. */
  description: string;
  /**
   * The instant the call runs at (ISO 8601), frozen for the whole call, for relative date
   * windows such as "the last 180 days". Default: `2026-11-01T12:00:00.000Z`.
   */
  now?: string;
  /** What `engine.connect(provider, ...)` receives: params, auth (with `method`) and `baseUrl`. */
  connect: { params?: Record<string, string>; auth: Record<string, string>; baseUrl?: string };
  /** The operation to run. */
  call: {
    /**
     * `list` (one page), `iterate` (every page), `get` (by `id`, none for a singleton), `proxy`,
     * or a write: `create` (with `input`), `update` (`id`, `input`), `deactivate` (`id`),
     * `add_member` and `remove_member` (`id`, `member_id`).
     */
    operation:
      | 'list'
      | 'iterate'
      | 'get'
      | 'proxy'
      | 'create'
      | 'update'
      | 'deactivate'
      | 'add_member'
      | 'remove_member';
    model?: string;
    resource?: string;
    /** The record id, for `get` and the writes but `create`. */
    id?: string;
    /** The member id, for `add_member` and `remove_member`. */
    member_id?: string;
    /** The unified input, for `create` and `update`. */
    input?: Record<string, unknown>;
    /**
     * Options of `list`, `iterate` or `get` (`limit`, `filter`, `cursor`, `remoteData`), or of a
     * write (`dryRun`, `idempotencyKey`, `remoteData`).
     */
    options?: Record<string, unknown>;
    /** The request of `proxy`: `method`, `path`, `query`, `headers`, `body`. */
    request?: Record<string, unknown>;
  };
  /** The requests the call must make, in order, each once. Empty when `connect` must fail. */
  exchanges: Exchange[];
}

/** A request the engine made while a fixture ran, as the snapshot records it. */
export interface RecordedRequest {
  origin: string;
  method: string;
  /** Path and query. */
  url: string;
  /** The values of the headers the exchange asserts, secrets redacted. */
  headers?: Record<string, string>;
  /** The JSON body sent, secrets redacted. */
  body?: unknown;
}

/** A request as it went out, matched or not, for the failure report. */
export interface AttemptedRequest {
  method: string;
  /** Origin, path and query. */
  url: string;
  /** Index of the exchange that answered it, or undefined when none matched. */
  exchange: number | undefined;
}

/** What running one fixture gave. */
export interface FixtureOutcome {
  /** The snapshot's content: description, requests, then the result or the error, and warnings. */
  output: {
    description: string;
    requests: RecordedRequest[];
    result?: unknown;
    error?: Record<string, unknown>;
    warnings?: string[];
  };
  /** Why the requests differ from the exchanges; empty when they match. */
  mismatches: string[];
  /** Every request the engine sent, in order, matched or not. */
  attempted: AttemptedRequest[];
}
