import type { JsonObject } from '../records.js';
import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import type { OktaPrincipal } from './okta-auth.js';
import type { OktaTenant } from './okta-data.js';
import { cursorPage, invalidParameter, oktaError, pageLimit, queryExpression } from './okta-http.js';
import { matchesScimFilter } from './scim-match.js';

const DAY = 86_400_000;
/** How far back `since` may reach. */
const LOG_RETENTION_DAYS = 180;
/** Slack on the retention check, so that `since` computed as "180 days ago" survives the trip. */
const CLOCK_SKEW_MS = 60_000;
/** The default window when `since` is absent. */
const DEFAULT_WINDOW_DAYS = 7;

function parseTime(text: string): number | undefined {
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * `GET /api/v1/logs`. Without `until` it is a polling request: every page, the empty last one
 * included, carries a `next` link, and an empty page's `next` repeats its own position. With
 * `until` it is bounded and the links stop at the end. Cursors are `<published ms>_<position>`.
 * Events published after the current time are not served yet, so an end time in the future
 * makes events arrive while a client polls.
 */
export function oktaLogRoutes(tenant: OktaTenant): Route<OktaPrincipal>[] {
  const { logs } = tenant;

  const listLogs = (request: SandboxRequest): SandboxResponse => {
    const parameters = request.url.searchParams;
    const limit = pageLimit(request, 100, 1000);
    if (typeof limit !== 'number') return limit;
    const { expression, error } = queryExpression(request);
    if (error) return error;
    const sortOrder = parameters.get('sortOrder');
    if (sortOrder !== null && sortOrder !== 'ASCENDING') {
      return invalidParameter('sortOrder', 'the sandbox serves ASCENDING order only');
    }
    const now = Date.now();
    const untilText = parameters.get('until');
    const until = untilText === null ? undefined : parseTime(untilText);
    if (untilText !== null && until === undefined)
      return invalidParameter('until', 'must be an ISO 8601 timestamp');
    const end = logs.positionAt(Math.min(until ?? now, now + 1));

    let position: number;
    const after = parameters.get('after');
    if (after !== null) {
      const match = /^(\d+)_(\d+)$/.exec(after);
      position = match ? Number(match[2]) : Number.NaN;
      if (!(position <= logs.count)) return invalidParameter('after', 'is not a cursor of this listing');
    } else {
      const sinceText = parameters.get('since');
      const since = sinceText === null ? (until ?? now) - DEFAULT_WINDOW_DAYS * DAY : parseTime(sinceText);
      if (since === undefined) return invalidParameter('since', 'must be an ISO 8601 timestamp');
      if (since < now - LOG_RETENTION_DAYS * DAY - CLOCK_SKEW_MS) {
        return oktaError(400, 'E0000053', 'Invalid parameter: since', [
          `since: must be within the last ${LOG_RETENTION_DAYS} days, got ${sinceText}`,
        ]);
      }
      position = logs.positionAt(since);
    }

    const records: JsonObject[] = [];
    let index = position;
    for (; index < end && records.length < limit; index++) {
      const event = logs.event(index);
      if (!expression || matchesScimFilter(expression, event)) records.push(event);
    }
    const polling = until === undefined;
    if (!polling && !(records.length === limit && index < end))
      return cursorPage(request, records, undefined, 'separate');
    const next = new URL(request.url.href);
    next.searchParams.delete('since');
    const cursorTime = index > 0 ? logs.publishedAt(index - 1) : logs.publishedAt(0) - 1;
    next.searchParams.set('after', `${cursorTime}_${index}`);
    return cursorPage(request, records, next, 'separate');
  };

  return [{ method: 'GET', path: '/api/v1/logs', family: 'logs', scope: 'okta.logs.read', handle: listLogs }];
}
