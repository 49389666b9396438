import { type Dispatcher, request, errors as undiciErrors } from 'undici';
import type { ProviderDefinition } from '../definition/compiled-types.js';
import { EngineError, type EngineErrorContext } from '../errors/engine-error.js';
import { redactedCause } from '../errors/redacted-cause.js';
import { abortedError, currentSignal, throwIfAborted } from './call-signal.js';
import { checkHeaders, mergeHeaders } from './header-values.js';
import type { RateLimiter } from './rate-limiter.js';
import { readCapped } from './read-capped.js';
import type { RequestAuth } from './request-auth.js';
import { noteRequest } from './request-count.js';
import { type CallContext, errorFromResponse } from './response-error.js';
import { backoffDelay, sleep } from './sleep.js';

/** One HTTP call as the engine makes it. */
export interface OutgoingRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: URL;
  headers?: Record<string, string> | undefined;
  body?: string | undefined;
  /** Endpoint family for rate limits, e.g. the path template `/api/v1/users`. */
  family: string;
  context: CallContext;
  /** Whether the request may be sent twice; default: by method (GET, PUT, DELETE... are). */
  idempotent?: boolean | undefined;
  /** How many 429 waits the request may make before the 429 is returned; default: no bound. */
  maxRateLimitWaits?: number | undefined;
  /** Statuses the caller's own rules handle: returned at once, never waited on or retried. */
  handledStatuses?: { has(status: number): boolean } | undefined;
}

export interface IncomingResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  url: URL;
}

/** Timeouts in milliseconds. */
interface HttpTimeouts {
  headersMs: number;
  bodyMs: number;
}

export interface HttpClientOptions {
  provider: ProviderDefinition;
  /** The connection's origin: the only one credentials are ever sent to. */
  origin: string;
  /** Whose rate-limit budget this connection spends: its origin, or its origin and credentials. */
  budgetKey: string;
  dispatcher: Dispatcher;
  auth: RequestAuth;
  defaultHeaders: Record<string, string>;
  rateLimiter: RateLimiter;
  timeouts: HttpTimeouts;
  /** Largest response body read, in bytes; a larger one fails with response_too_large. */
  maxResponseBytes: number;
  redact: (text: string) => string;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const MAX_REDIRECTS = 5;
/** The shortest wait after a 429, whatever the provider says. */
const MIN_RATE_LIMIT_WAIT_MS = 1000;

/** A response as one attempt received it, body read. */
interface Exchange {
  status: number;
  headers: IncomingResponse['headers'];
  body: unknown;
  authHeaders: Record<string, string>;
}

/**
 * Sends requests with auth, rate limits, retries and error mapping applied. Credentials are
 * only ever sent to the connection's origin: a redirect elsewhere fails with foreign_origin.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  /** With `returnErrors`, a final 4xx/5xx response is returned instead of thrown (proxy returns it raw). */
  async send(outgoing: OutgoingRequest, returnErrors = false): Promise<IncomingResponse> {
    const { provider, rateLimiter } = this.options;
    const policy = provider.definition.rate_limit;
    const retry = provider.definition.retry;
    const origin = outgoing.url.origin;
    const bucket = `${this.options.budgetKey}|${outgoing.family}`;
    const idempotent = outgoing.idempotent ?? IDEMPOTENT.has(outgoing.method);
    const maxRateLimitWaits = outgoing.maxRateLimitWaits ?? Number.POSITIVE_INFINITY;
    const errorContext = {
      provider: provider.id,
      resource: outgoing.context.resource,
      operation: outgoing.context.operation,
    };
    if (origin !== this.options.origin) {
      // A last line of defence: every caller already keeps to the origin.
      throw new EngineError(
        'foreign_origin',
        `refused to send a request to another origin (${outgoing.url.host})`,
        errorContext,
      );
    }
    const requestHeaders = mergeHeaders(this.options.defaultHeaders, outgoing.headers);
    checkHeaders(requestHeaders, 'request headers', errorContext);
    const signal = currentSignal();
    let url = outgoing.url;
    let redirects = 0;
    let reauthenticated = false;
    // Failed attempts (network errors, retried statuses) spend `retry.max_attempts`; waits a
    // provider asked for with 429 do not, they are bounded by their total duration instead.
    let failures = 0;
    let rateLimitWaits = 0;
    let rateLimitWaitedMs = 0;
    for (;;) {
      let exchange: Exchange;
      try {
        throwIfAborted(signal, errorContext);
        await rateLimiter.acquire(bucket, policy);
        exchange = await this.exchange(outgoing, url, bucket, requestHeaders, signal);
      } catch (error) {
        if (signal?.aborted) throw abortedError(errorContext);
        if (EngineError.isInstance(error)) throw error;
        failures += 1;
        if (idempotent && failures < retry.max_attempts) {
          await this.pause(backoffDelay(failures, retry.base_delay_ms, retry.max_delay_ms), errorContext);
          continue;
        }
        throw this.networkError(error, outgoing.context);
      }
      const { status, headers, body, authHeaders } = exchange;
      if (status === 401 && !reauthenticated && this.options.auth.onUnauthorized) {
        reauthenticated = true;
        if (await this.options.auth.onUnauthorized({ status, headers, body, requestHeaders: authHeaders })) {
          continue;
        }
      }
      if (status >= 300 && status < 400 && status !== 304) {
        if (typeof headers.location !== 'string' || headers.location === '') {
          // Read as a page, a redirect without a target would end a listing with no records.
          throw new EngineError('invalid_response', `HTTP ${status} without a Location header`, {
            ...errorContext,
            status,
          });
        }
        redirects += 1;
        url = this.followRedirect(url, headers.location, outgoing, redirects);
        continue;
      }
      // A status the caller's rules handle (a write's on_status) is theirs to decide on.
      const handled = outgoing.handledStatuses?.has(status) === true;
      if (!handled && policy.rate_limited_statuses.includes(status)) {
        rateLimitWaits += 1;
        const asked = rateLimiter.resetDelay(policy, headers);
        // A reset already past or `Retry-After: 0` would otherwise fire a volley of requests.
        const wait = Math.max(
          MIN_RATE_LIMIT_WAIT_MS,
          asked ?? backoffDelay(rateLimitWaits, retry.base_delay_ms, retry.max_delay_ms),
        );
        if (
          rateLimitWaits <= maxRateLimitWaits &&
          wait <= policy.max_wait_seconds * 1000 &&
          rateLimitWaitedMs + wait <= policy.max_total_wait_seconds * 1000
        ) {
          rateLimitWaitedMs += wait;
          // A little jitter so many syncs waiting on one reset do not all fire at the same instant.
          await this.pause(wait + Math.round(Math.random() * 250), errorContext);
          continue;
        }
      } else if (!handled && status >= 400 && idempotent && retry.statuses.includes(status)) {
        failures += 1;
        if (failures < retry.max_attempts) {
          await this.pause(backoffDelay(failures, retry.base_delay_ms, retry.max_delay_ms), errorContext);
          continue;
        }
      }
      if (status >= 400 && !returnErrors) {
        throw await errorFromResponse(provider, status, body, outgoing.context, this.options.redact);
      }
      return { status, headers, body, url };
    }
  }

  /** One request and its whole body, under the headers and body deadlines and the caller's signal. */
  private async exchange(
    outgoing: OutgoingRequest,
    url: URL,
    bucket: string,
    requestHeaders: Record<string, string>,
    signal: AbortSignal | undefined,
  ): Promise<Exchange> {
    const { timeouts } = this.options;
    // The engine enforces its timeouts itself: a dispatcher (a mock, a custom one) may not.
    const controller = new AbortController();
    const cancel = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      const authHeaders = await this.options.auth.headers({ method: outgoing.method, url });
      checkAuthHeaders(authHeaders, outgoing.headers, {
        provider: this.options.provider.id,
        resource: outgoing.context.resource,
        operation: outgoing.context.operation,
      });
      noteRequest();
      const response = await withDeadline(
        controller,
        timeouts.headersMs,
        () => new undiciErrors.HeadersTimeoutError(`no response within ${timeouts.headersMs} ms`),
        () =>
          request(url, {
            dispatcher: this.options.dispatcher,
            method: outgoing.method,
            headers: mergeHeaders(requestHeaders, authHeaders),
            body: outgoing.body,
            headersTimeout: timeouts.headersMs,
            bodyTimeout: timeouts.bodyMs,
            signal: controller.signal,
          }),
      );
      const headers = response.headers as IncomingResponse['headers'];
      this.options.rateLimiter.update(bucket, this.options.provider.definition.rate_limit, headers);
      const body = await this.readBody(response, controller, outgoing.context);
      return { status: response.statusCode, headers, body, authHeaders };
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
  }

  /** A retry wait; cancelled by the caller's signal like a request. */
  private async pause(milliseconds: number, context: EngineErrorContext): Promise<void> {
    try {
      await sleep(milliseconds);
    } catch (error) {
      if (currentSignal()?.aborted) throw abortedError(context);
      throw error;
    }
  }

  private followRedirect(current: URL, location: string, outgoing: OutgoingRequest, count: number): URL {
    const target = new URL(location, current);
    const context = {
      provider: this.options.provider.id,
      resource: outgoing.context.resource,
      operation: outgoing.context.operation,
    };
    if (target.origin !== current.origin) {
      throw new EngineError(
        'foreign_origin',
        `a redirect pointed at another origin (${target.host}); not followed`,
        context,
      );
    }
    if (count > MAX_REDIRECTS) throw new EngineError('invalid_response', 'too many redirects', context);
    return target;
  }

  private async readBody(
    response: Dispatcher.ResponseData,
    controller: AbortController,
    context: CallContext,
  ): Promise<unknown> {
    const text = await withDeadline(
      controller,
      this.options.timeouts.bodyMs,
      () =>
        new undiciErrors.BodyTimeoutError(
          `the body did not arrive within ${this.options.timeouts.bodyMs} ms`,
        ),
      () => readCapped(response, this.options.maxResponseBytes, () => this.tooLarge(response, context)),
    );
    if (text.trim() === '') return undefined;
    const type = String(response.headers['content-type'] ?? '');
    try {
      return JSON.parse(text);
    } catch (error) {
      // A redirect or an error status is what counts; its unreadable body is kept as text.
      if (response.statusCode >= 300) return text.slice(0, 300);
      throw new EngineError(
        'invalid_response',
        `expected a JSON body, got ${type || 'no content type'} that does not parse (HTTP ${response.statusCode})`,
        {
          provider: this.options.provider.id,
          resource: context.resource,
          operation: context.operation,
          status: response.statusCode,
          cause: error,
        },
      );
    }
  }

  private tooLarge(response: Dispatcher.ResponseData, context: CallContext): EngineError {
    return new EngineError(
      'response_too_large',
      `the response body is larger than ${this.options.maxResponseBytes} bytes (maxResponseBytes); not read`,
      {
        provider: this.options.provider.id,
        resource: context.resource,
        operation: context.operation,
        status: response.statusCode,
      },
    );
  }

  private networkError(error: unknown, context: CallContext): EngineError {
    const isTimeout =
      error instanceof undiciErrors.HeadersTimeoutError ||
      error instanceof undiciErrors.BodyTimeoutError ||
      error instanceof undiciErrors.ConnectTimeoutError;
    const message = this.options.redact(error instanceof Error ? error.message : String(error));
    return new EngineError(
      isTimeout ? 'timeout' : 'network_error',
      isTimeout ? `timed out: ${message}` : `request failed: ${message}`,
      {
        provider: this.options.provider.id,
        resource: context.resource,
        operation: context.operation,
        cause: redactedCause(error, this.options.redact),
      },
    );
  }
}

/**
 * The connection's credentials are the only ones sent: a caller header that would replace or
 * double one of them is refused, and a credential a header cannot carry (an issued token with a
 * line break) fails before it is sent.
 */
function checkAuthHeaders(
  authHeaders: Record<string, string>,
  callerHeaders: Record<string, string> | undefined,
  context: { provider: string; resource?: string | undefined; operation: string },
): void {
  const authNames = new Set(Object.keys(authHeaders).map((name) => name.toLowerCase()));
  for (const name of Object.keys(callerHeaders ?? {})) {
    if (authNames.has(name.toLowerCase())) {
      throw new EngineError(
        'invalid_request',
        `the ${name} header is set by the connection's credentials and may not be given`,
        { ...context, retryable: false },
      );
    }
  }
  checkHeaders(authHeaders, 'credentials', context);
}

/** Runs `run`, aborting `controller` with `reason()` if it takes longer than `milliseconds`. */
async function withDeadline<T>(
  controller: AbortController,
  milliseconds: number,
  reason: () => Error,
  run: () => Promise<T>,
): Promise<T> {
  const timer = setTimeout(() => controller.abort(reason()), milliseconds);
  try {
    return await run();
  } finally {
    clearTimeout(timer);
  }
}
