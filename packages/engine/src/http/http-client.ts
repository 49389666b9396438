import { type Dispatcher, request, errors as undiciErrors } from 'undici';
import type { AuthStrategy } from '../auth/auth-strategy.js';
import type { CompiledProvider } from '../definition/compiled-types.js';
import { EngineError } from '../errors/engine-error.js';
import { redactedCause } from '../errors/redacted-cause.js';
import { checkHeaders, mergeHeaders } from './header-values.js';
import type { RateLimiter } from './rate-limiter.js';
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
}

export interface IncomingResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  url: URL;
}

/** Timeouts in milliseconds. */
export interface HttpTimeouts {
  headersMs: number;
  bodyMs: number;
}

export interface HttpClientOptions {
  provider: CompiledProvider;
  /** The connection's origin: the only one credentials are ever sent to. */
  origin: string;
  /** Whose rate-limit budget this connection spends: its origin, or its origin and credentials. */
  budgetKey: string;
  dispatcher: Dispatcher;
  auth: AuthStrategy;
  defaultHeaders: Record<string, string>;
  rateLimiter: RateLimiter;
  timeouts: HttpTimeouts;
  redact: (text: string) => string;
  /** Errors whose status is listed here are returned instead of thrown (proxy returns them raw). */
  returnErrors?: boolean;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const MAX_REDIRECTS = 5;

/**
 * Sends requests with auth, rate limits, retries and error mapping applied. Credentials are
 * only ever sent to the connection's origin: a redirect elsewhere fails with foreign_origin.
 */
export class HttpClient {
  constructor(private readonly options: HttpClientOptions) {}

  async send(outgoing: OutgoingRequest, returnErrors = false): Promise<IncomingResponse> {
    const { provider, rateLimiter } = this.options;
    const policy = provider.definition.rate_limit;
    const retry = provider.definition.retry;
    const origin = outgoing.url.origin;
    const bucket = `${this.options.budgetKey}|${outgoing.family}`;
    const idempotent = IDEMPOTENT.has(outgoing.method);
    if (origin !== this.options.origin) {
      // A last line of defence: every caller already keeps to the origin.
      throw new EngineError(
        'foreign_origin',
        `refused to send a request to another origin (${outgoing.url.host})`,
        {
          provider: provider.id,
          resource: outgoing.context.resource,
          operation: outgoing.context.operation,
        },
      );
    }
    const errorContext = {
      provider: provider.id,
      resource: outgoing.context.resource,
      operation: outgoing.context.operation,
    };
    const requestHeaders = mergeHeaders(this.options.defaultHeaders, outgoing.headers);
    checkHeaders(requestHeaders, 'request headers', errorContext);
    let url = outgoing.url;
    let redirects = 0;
    let reauthenticated = false;
    for (let attempt = 1; ; attempt += 1) {
      await rateLimiter.acquire(bucket, policy);
      let response: Dispatcher.ResponseData;
      let authHeaders: Record<string, string> = {};
      // The engine enforces its timeouts itself: a dispatcher (a mock, a custom one) may not.
      const controller = new AbortController();
      try {
        authHeaders = await this.options.auth.headers({ method: outgoing.method, url });
        checkAuthHeaders(authHeaders, outgoing.headers, errorContext);
        const target = url;
        response = await withDeadline(
          controller,
          this.options.timeouts.headersMs,
          () =>
            new undiciErrors.HeadersTimeoutError(`no response within ${this.options.timeouts.headersMs} ms`),
          () =>
            request(target, {
              dispatcher: this.options.dispatcher,
              method: outgoing.method,
              headers: mergeHeaders(requestHeaders, authHeaders),
              body: outgoing.body,
              headersTimeout: this.options.timeouts.headersMs,
              bodyTimeout: this.options.timeouts.bodyMs,
              signal: controller.signal,
            }),
        );
      } catch (error) {
        if (EngineError.isInstance(error)) throw error;
        if (idempotent && attempt < retry.max_attempts) {
          await sleep(backoffDelay(attempt, retry.base_delay_ms, retry.max_delay_ms));
          continue;
        }
        throw this.networkError(error, outgoing.context);
      }
      const headers = response.headers as IncomingResponse['headers'];
      rateLimiter.update(bucket, policy, headers);
      const body = await this.readBody(response, controller, outgoing.context);
      const status = response.statusCode;
      if (status === 401 && !reauthenticated && this.options.auth.onUnauthorized) {
        reauthenticated = true;
        if (await this.options.auth.onUnauthorized({ status, headers, body, requestHeaders: authHeaders })) {
          attempt -= 1;
          continue;
        }
      }
      if (status >= 300 && status < 400 && typeof headers.location === 'string') {
        redirects += 1;
        url = this.followRedirect(url, headers.location, outgoing, redirects);
        attempt -= 1;
        continue;
      }
      if (policy.rate_limited_statuses.includes(status)) {
        const wait =
          rateLimiter.resetDelay(policy, headers) ??
          backoffDelay(attempt, retry.base_delay_ms, retry.max_delay_ms);
        if (attempt < retry.max_attempts && wait <= policy.max_wait_seconds * 1000) {
          // A little jitter so many syncs waiting on one reset do not all fire at the same instant.
          await sleep(wait + Math.round(Math.random() * 250));
          continue;
        }
      } else if (
        status >= 400 &&
        idempotent &&
        retry.statuses.includes(status) &&
        attempt < retry.max_attempts
      ) {
        await sleep(backoffDelay(attempt, retry.base_delay_ms, retry.max_delay_ms));
        continue;
      }
      if (status >= 400 && !returnErrors) {
        throw await errorFromResponse(provider, status, body, outgoing.context, this.options.redact);
      }
      return { status, headers, body, url };
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
    let text: string;
    try {
      text = await withDeadline(
        controller,
        this.options.timeouts.bodyMs,
        () =>
          new undiciErrors.BodyTimeoutError(
            `the body did not arrive within ${this.options.timeouts.bodyMs} ms`,
          ),
        () => response.body.text(),
      );
    } catch (error) {
      throw this.networkError(error, context);
    }
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
