import type { MockAgent } from 'undici';

/** A request as the mock server received it. */
export interface SeenRequest {
  origin: string;
  method: string;
  /** Path and query as sent. */
  path: string;
  url: URL;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string | undefined;
}

/** What a route answers. `body` is sent as JSON unless `text` is given. */
export interface RouteReply {
  status?: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string | string[]>;
}

export interface RouteOptions {
  method?: string;
  /** How many requests the route answers (default 1); `Infinity` for every one. */
  times?: number;
  /** Delays the reply (real or fake `setTimeout`). */
  delayMs?: number;
}

function sameQuery(actual: URLSearchParams, expected: URLSearchParams): boolean {
  const flatten = (params: URLSearchParams) =>
    [...params.entries()]
      .map(([key, value]) => `${key}=${value}`)
      .sort()
      .join('&');
  return flatten(actual) === flatten(expected);
}

function lowerCaseHeaders(raw: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (let index = 0; index + 1 < raw.length; index += 2) {
      headers[String(raw[index]).toLowerCase()] = String(raw[index + 1]);
    }
  } else if (raw && typeof raw === 'object') {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      headers[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }
  return headers;
}

/**
 * Declares the answers of a MockAgent by exact path and query (order-free) and records every
 * request that reached it, with its headers, so tests can count requests and check credentials.
 */
export class MockRoutes {
  readonly seen: SeenRequest[] = [];

  constructor(
    private readonly agent: MockAgent,
    private readonly defaultOrigin: string,
  ) {}

  /** Answers requests to `target` (a path with query, or an absolute URL for another origin). */
  on(target: string, reply: RouteReply | ((request: SeenRequest) => RouteReply), options: RouteOptions = {}) {
    const expected = new URL(target, this.defaultOrigin);
    const origin = expected.origin;
    const scope = this.agent
      .get(origin)
      .intercept({
        method: options.method ?? 'GET',
        path: (path: string) => {
          const url = new URL(`${origin}${path}`);
          return url.pathname === expected.pathname && sameQuery(url.searchParams, expected.searchParams);
        },
      })
      .reply((request) => {
        const seen: SeenRequest = {
          origin,
          method: request.method,
          path: request.path,
          url: new URL(`${origin}${request.path}`),
          headers: lowerCaseHeaders(request.headers),
          body: typeof request.body === 'string' ? request.body : undefined,
        };
        this.seen.push(seen);
        const answer = typeof reply === 'function' ? reply(seen) : reply;
        const isText = answer.text !== undefined;
        return {
          statusCode: answer.status ?? 200,
          data: isText ? answer.text! : JSON.stringify(answer.body ?? null),
          responseOptions: {
            headers: { ...(isText ? {} : { 'content-type': 'application/json' }), ...answer.headers },
          },
        };
      });
    if (options.delayMs !== undefined) scope.delay(options.delayMs);
    if (options.times === Number.POSITIVE_INFINITY) scope.persist();
    else if (options.times !== undefined) scope.times(options.times);
    return this;
  }

  /** Requests that went to this origin (default: the default origin). */
  to(origin = this.defaultOrigin): SeenRequest[] {
    return this.seen.filter((request) => request.origin === origin);
  }

  /** Paths with query, in the order they were requested. */
  paths(origin = this.defaultOrigin): string[] {
    return this.to(origin).map((request) => `${request.url.pathname}${request.url.search}`);
  }
}

/** A `Link` header value naming the next page. */
export function nextLink(url: string, rel = 'next'): string {
  return `<${url}>; rel="${rel}"`;
}
