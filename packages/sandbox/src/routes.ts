import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { FaultInjector } from './faults.js';
import type { RateLimitState } from './rate-limiter.js';

/** A request as route handlers see it. */
export interface SandboxRequest {
  method: string;
  /** The absolute URL, on the sandbox's own origin. */
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
  /** Path parameters, e.g. `{ id: '00u...' }` for `/api/v1/users/:id`. */
  params: Readonly<Record<string, string>>;
  /** Page tracking for page faults of cursor listings. */
  faults: FaultInjector;
}

/** A response produced by a handler, before faults and serialisation. */
export interface SandboxResponse {
  status: number;
  headers?: OutgoingHttpHeaders;
  /** Serialised as JSON unless it is already a string. */
  body?: unknown;
  /** A body streamed chunk by chunk, for collections too large to hold as one string. */
  chunks?: Iterable<string>;
  /** The 1-based page number of a listing page, so that page faults can hit it. */
  page?: number;
}

/** One endpoint. `Principal` is what authentication found out about the caller. */
export interface Route<Principal> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path template such as `/api/v1/users/:id`. */
  path: string;
  /** The rate-limit family the endpoint counts against. */
  family: string;
  /** Endpoints that need no credentials, such as the token endpoint. */
  public?: boolean;
  /** The OAuth scope an access token needs for this endpoint, for providers with scopes. */
  scope?: string;
  handle(
    request: SandboxRequest,
    principal: Principal | undefined,
  ): SandboxResponse | Promise<SandboxResponse>;
}

/** What a provider plugs into the generic server. */
export interface ProviderApi<Principal> {
  routes: readonly Route<Principal>[];
  contentType: string;
  /** Returns the caller's principal, or the error response to send. */
  authenticate(
    request: SandboxRequest,
    route: Route<Principal>,
  ): Promise<{ principal: Principal } | { response: SandboxResponse }>;
  /** The answer to a path no route serves (`methodAllowed` is false when the path exists). */
  notFound(request: SandboxRequest, methodAllowed: boolean): SandboxResponse;
  rateLimited(state: RateLimitState): SandboxResponse;
  /** Headers sent on every response: Okta's rate-limit headers and request id; none for Workato. */
  responseHeaders(state: RateLimitState): OutgoingHttpHeaders;
  internalError(): SandboxResponse;
}

interface CompiledRoute<Principal> {
  route: Route<Principal>;
  pattern: RegExp;
  names: string[];
}

/** The route matching a request, with its decoded path parameters. */
export interface RouteMatch<Principal> {
  route: Route<Principal> | undefined;
  params: Record<string, string>;
  /** True when some route serves the path with another method (405 rather than 404). */
  pathExists: boolean;
}

/** Matches request paths against `:name` templates, in declaration order. */
export class Router<Principal> {
  private readonly compiled: CompiledRoute<Principal>[];

  constructor(routes: readonly Route<Principal>[]) {
    this.compiled = routes.map((route) => {
      const names: string[] = [];
      const source = route.path.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name);
        return '([^/]+)';
      });
      return { route, pattern: new RegExp(`^${source}/?$`), names };
    });
  }

  find(method: string, pathname: string): RouteMatch<Principal> {
    let pathExists = false;
    for (const { route, pattern, names } of this.compiled) {
      const match = pattern.exec(pathname);
      if (!match) continue;
      pathExists = true;
      if (route.method !== method) continue;
      try {
        const values = names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]);
        return { route, params: Object.fromEntries(values), pathExists };
      } catch {
        // A malformed percent-encoding cannot name any record.
        return { route: undefined, params: {}, pathExists: false };
      }
    }
    return { route: undefined, params: {}, pathExists };
  }
}
