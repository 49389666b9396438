import type { ObservedRequest, RequestObserver } from './request-observer.js';
import type { RunContext } from './run-context.js';

/**
 * `--verbose`: one stderr line per request, `GET /api/v1/users?limit=200 200 84ms` and the
 * response's rate-limit headers. Query values the run knows as credentials are redacted by
 * the context like everything else it writes; request headers are never logged.
 */
export function requestLog(context: RunContext): RequestObserver {
  return {
    requestStarted: () => undefined,
    requestEnded: (request: ObservedRequest) => {
      const limits = Object.entries(request.rateLimit).map(([name, value]) => `${name}=${value}`);
      const status = request.status === undefined ? 'no response' : String(request.status);
      context.warn(
        [`request ${request.method} ${request.path}`, status, `${request.milliseconds}ms`, ...limits].join(
          ' ',
        ),
      );
    },
  };
}
