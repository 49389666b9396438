import { Agent, DecoratorHandler, type Dispatcher } from 'undici';

/**
 * One request the engine made, as `--verbose` logs it, the progress line counts it and `record`
 * keeps it. Request headers and bodies are never kept: they carry the credentials.
 */
export interface ObservedRequest {
  method: string;
  origin: string;
  /** Path and query, without the origin. */
  path: string;
  /** The HTTP status, or undefined when no response came (a network error). */
  status: number | undefined;
  milliseconds: number;
  /** The response's rate-limit headers (`*rate-limit*`, `*ratelimit*`, `retry-after`), by lower-case name. */
  rateLimit: Record<string, string>;
  /** The response headers worth replaying, by lower-case name: paging links and rate limits. */
  headers: Record<string, string | string[]>;
  /** The whole response body as text (UTF-8), when an observer keeps bodies and the response completed. */
  body?: string;
}

/** Told of each request as it starts and ends. */
export interface RequestObserver {
  /** True to receive response bodies (kept in memory until the request ends). */
  readonly keepsBodies?: boolean;
  requestStarted(): void;
  requestEnded(request: ObservedRequest): void;
}

const RATE_LIMIT_HEADER = /rate-?limit|^retry-after$/i;
const KEPT_HEADER = /^link$|rate-?limit|^retry-after$/i;

function keptHeaders(headers: Headers): Record<string, string | string[]> {
  const found: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && KEPT_HEADER.test(name)) found[name.toLowerCase()] = value;
  }
  return found;
}

function rateLimitOf(headers: Record<string, string | string[]>): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (RATE_LIMIT_HEADER.test(name)) found[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return found;
}

type Headers = Record<string, string | string[] | undefined>;

type CurrentHandler = Required<
  Pick<
    Dispatcher.DispatchHandler,
    'onRequestStart' | 'onResponseStart' | 'onResponseData' | 'onResponseEnd' | 'onResponseError'
  >
>;

/** Passes every event on to the engine's handler, noting the status, headers, body and end. */
class ObservingHandler implements Dispatcher.DispatchHandler {
  readonly #observer: RequestObserver;
  // DecoratorHandler adapts a handler of either undici handler style to the current one.
  readonly #inner: CurrentHandler;
  readonly #method: string;
  readonly #origin: string;
  readonly #path: string;
  readonly #started = performance.now();
  readonly #chunks: Buffer[] | undefined;
  #status: number | undefined;
  #headers: Record<string, string | string[]> = {};
  #reported = false;

  constructor(
    observer: RequestObserver,
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ) {
    this.#inner = new DecoratorHandler(handler) as unknown as CurrentHandler;
    this.#observer = observer;
    this.#method = options.method;
    this.#origin = String(options.origin);
    this.#path = options.path;
    this.#chunks = observer.keepsBodies ? [] : undefined;
    observer.requestStarted();
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.#inner.onRequestStart(controller, context);
  }

  onResponseStart(
    controller: Dispatcher.DispatchController,
    statusCode: number,
    headers: Headers,
    statusMessage?: string,
  ): void {
    this.#status = statusCode;
    this.#headers = keptHeaders(headers);
    this.#inner.onResponseStart(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks?.push(chunk);
    this.#inner.onResponseData(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Headers): void {
    this.#report(this.#chunks && Buffer.concat(this.#chunks).toString('utf8'));
    this.#inner.onResponseEnd(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.#report();
    this.#inner.onResponseError(controller, error);
  }

  #report(body?: string): void {
    if (this.#reported) return;
    this.#reported = true;
    this.#observer.requestEnded({
      method: this.#method,
      origin: this.#origin,
      path: this.#path,
      status: this.#status,
      milliseconds: Math.round(performance.now() - this.#started),
      rateLimit: rateLimitOf(this.#headers),
      headers: this.#headers,
      ...(body === undefined ? {} : { body }),
    });
  }
}

/**
 * A dispatcher that tells the observers of every request the engine makes (token requests
 * included), in the order the requests end. It sees the wire, not the engine: counts and
 * timings come for free, and no request header or body and no response header other than paging
 * and rate-limit ones is kept, so no credential is ever read. Bodies are kept only when an
 * observer asks for them (`record`).
 */
export function observingDispatcher(
  observers: readonly RequestObserver[],
  base: Dispatcher = new Agent(),
): Dispatcher {
  const observer: RequestObserver = {
    keepsBodies: observers.some((each) => each.keepsBodies),
    requestStarted: () => {
      for (const each of observers) each.requestStarted();
    },
    requestEnded: (request) => {
      for (const each of observers) each.requestEnded(request);
    },
  };
  return base.compose(
    (dispatch) => (options, handler) => dispatch(options, new ObservingHandler(observer, options, handler)),
  );
}
