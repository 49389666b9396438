import { Agent, DecoratorHandler, type Dispatcher } from 'undici';

/** One request the engine made, as `--verbose` logs it and the progress line counts it. */
export interface ObservedRequest {
  method: string;
  /** Path and query, without the origin. */
  path: string;
  /** The HTTP status, or undefined when no response came (a network error). */
  status: number | undefined;
  milliseconds: number;
  /** The response's rate-limit headers (`*rate-limit*`, `*ratelimit*`, `retry-after`), by lower-case name. */
  rateLimit: Record<string, string>;
}

/** Told of each request as it starts and ends. */
export interface RequestObserver {
  requestStarted(): void;
  requestEnded(request: ObservedRequest): void;
}

const RATE_LIMIT_HEADER = /rate-?limit|^retry-after$/i;

function rateLimitHeaders(headers: Headers): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && RATE_LIMIT_HEADER.test(name)) {
      found[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
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

/** Passes every event on to the engine's handler, noting the status and the end of the request. */
class ObservingHandler implements Dispatcher.DispatchHandler {
  readonly #observer: RequestObserver;
  // DecoratorHandler adapts a handler of either undici handler style to the current one.
  readonly #inner: CurrentHandler;
  readonly #method: string;
  readonly #path: string;
  readonly #started = performance.now();
  #status: number | undefined;
  #rateLimit: Record<string, string> = {};
  #reported = false;

  constructor(
    observer: RequestObserver,
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
  ) {
    this.#inner = new DecoratorHandler(handler) as unknown as CurrentHandler;
    this.#observer = observer;
    this.#method = options.method;
    this.#path = options.path;
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
    this.#rateLimit = rateLimitHeaders(headers);
    this.#inner.onResponseStart(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#inner.onResponseData(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Headers): void {
    this.#report();
    this.#inner.onResponseEnd(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.#report();
    this.#inner.onResponseError(controller, error);
  }

  #report(): void {
    if (this.#reported) return;
    this.#reported = true;
    this.#observer.requestEnded({
      method: this.#method,
      path: this.#path,
      status: this.#status,
      milliseconds: Math.round(performance.now() - this.#started),
      rateLimit: this.#rateLimit,
    });
  }
}

/**
 * A dispatcher that tells the observers of every request the engine makes (token requests
 * included). It sees the wire, not the engine: counts and timings come for free, and no
 * header other than the rate-limit ones is kept, so no credential is ever read.
 */
export function observingDispatcher(
  observers: readonly RequestObserver[],
  base: Dispatcher = new Agent(),
): Dispatcher {
  const observer: RequestObserver = {
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
