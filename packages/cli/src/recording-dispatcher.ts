import { Agent, DecoratorHandler, type Dispatcher } from 'undici';

/** One request sent and the response it got, as `record` keeps it. */
export interface RecordedExchange {
  method: string;
  origin: string;
  /** Path and query. */
  path: string;
  status: number;
  headers: Record<string, string | string[]>;
  /** The body as text (decoded as UTF-8). */
  body: string;
}

/** Response headers worth replaying: paging links and rate limits. Nothing else is kept. */
const KEPT_HEADER = /^(link|retry-after)$|rate-?limit/i;

type Headers = Record<string, string | string[] | undefined>;
type CurrentHandler = Required<
  Pick<
    Dispatcher.DispatchHandler,
    'onRequestStart' | 'onResponseStart' | 'onResponseData' | 'onResponseEnd' | 'onResponseError'
  >
>;

class RecordingHandler implements Dispatcher.DispatchHandler {
  readonly #inner: CurrentHandler;
  readonly #exchange: Omit<RecordedExchange, 'body'>;
  readonly #chunks: Buffer[] = [];
  readonly #done: (exchange: RecordedExchange) => void;

  constructor(
    options: Dispatcher.DispatchOptions,
    handler: Dispatcher.DispatchHandler,
    done: (exchange: RecordedExchange) => void,
  ) {
    this.#inner = new DecoratorHandler(handler) as unknown as CurrentHandler;
    this.#exchange = {
      method: options.method,
      origin: String(options.origin),
      path: options.path,
      status: 0,
      headers: {},
    };
    this.#done = done;
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
    this.#exchange.status = statusCode;
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && KEPT_HEADER.test(name)) this.#exchange.headers[name.toLowerCase()] = value;
    }
    this.#inner.onResponseStart(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#inner.onResponseData(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: Headers): void {
    this.#done({ ...this.#exchange, body: Buffer.concat(this.#chunks).toString('utf8') });
    this.#inner.onResponseEnd(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.#inner.onResponseError(controller, error);
  }
}

/**
 * A dispatcher that keeps every completed exchange (request line, status, paging and
 * rate-limit headers, body) in `exchanges`, in the order the responses ended. Request headers
 * and bodies are never kept: they carry the credentials.
 */
export function recordingDispatcher(
  exchanges: RecordedExchange[],
  base: Dispatcher = new Agent(),
): Dispatcher {
  return base.compose(
    (dispatch) => (options, handler) =>
      dispatch(options, new RecordingHandler(options, handler, (exchange) => exchanges.push(exchange))),
  );
}
