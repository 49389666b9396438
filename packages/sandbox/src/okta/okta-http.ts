import { randomBytes } from 'node:crypto';
import type { SandboxRequest, SandboxResponse } from '../routes.js';
import { parseScimFilter, type ScimExpression, ScimFilterError } from './scim-filter.js';

/**
 * An Okta error response: `{ errorCode, errorSummary, errorLink, errorId, errorCauses }`.
 * `errorLink` repeats the code, as Okta's current responses do.
 */
export function oktaError(
  status: number,
  errorCode: string,
  errorSummary: string,
  causes: string[] = [],
): SandboxResponse {
  return {
    status,
    body: {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: `oae${randomBytes(16).toString('base64url').slice(0, 22)}`,
      errorCauses: causes.map((cause) => ({ errorSummary: cause })),
    },
  };
}

/** 404 E0000007 for an id that names nothing, e.g. `Not found: Resource not found: 00u1 (User)`. */
export function notFound(id: string, type: string): SandboxResponse {
  return oktaError(404, 'E0000007', `Not found: Resource not found: ${id} (${type})`);
}

/** 400 E0000001 for a query parameter with an unusable value. */
export function invalidParameter(name: string, problem: string): SandboxResponse {
  return oktaError(400, 'E0000001', `Api validation failed: ${name}`, [`${name}: ${problem}`]);
}

/**
 * How `self` and `next` links travel. Okta sends one `link` header per link, but proxies and
 * some responses join them with commas; the sandbox uses each form on different endpoints so
 * that clients handle both.
 */
export type LinkHeaderForm = 'separate' | 'joined';

/** The `link` header value(s) for a page. */
export function linkHeader(form: LinkHeaderForm, self: URL, next: URL | undefined): string | string[] {
  const links = [`<${self.href}>; rel="self"`];
  if (next) links.push(`<${next.href}>; rel="next"`);
  return form === 'separate' ? links : links.join(', ');
}

/** A copy of `url` with some query parameters replaced. */
export function withQuery(url: URL, changes: Readonly<Record<string, string>>): URL {
  const copy = new URL(url.href);
  for (const [name, value] of Object.entries(changes)) copy.searchParams.set(name, value);
  return copy;
}

/**
 * The page size asked for: the default when absent, capped at the maximum (Okta caps rather
 * than rejects), an error response for anything that is not a whole number.
 */
export function pageLimit(
  request: SandboxRequest,
  defaultLimit: number,
  maximum: number,
): number | SandboxResponse {
  const text = request.url.searchParams.get('limit');
  if (text === null || text === '') return defaultLimit;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 0)
    return invalidParameter('limit', `must be a whole number, got "${text}"`);
  return Math.min(limit, maximum);
}

/**
 * A page of a cursor listing (a bare JSON array). `next` is the URL of the following page,
 * passed through the page-fault tracker, which may record it or repeat the current URL.
 */
export function cursorPage(
  request: SandboxRequest,
  records: readonly unknown[],
  next: URL | undefined,
  form: LinkHeaderForm,
): SandboxResponse {
  const page = request.faults.pageOf(request.url, 'after');
  const nextLink = next && request.faults.nextLink(page, request.url, next);
  return { status: 200, headers: { link: linkHeader(form, request.url, nextLink) }, body: records, page };
}

/** The `search` and `filter` parameters as one expression (both must hold when both are given). */
export function queryExpression(request: SandboxRequest): {
  expression?: ScimExpression;
  error?: SandboxResponse;
} {
  const texts = ['search', 'filter']
    .map((name) => request.url.searchParams.get(name))
    .filter((text) => text !== null);
  try {
    const [first, second] = texts.map((text) => parseScimFilter(text));
    return { expression: first && second ? { kind: 'and', left: first, right: second } : first };
  } catch (error) {
    if (!(error instanceof ScimFilterError)) throw error;
    return { error: oktaError(400, 'E0000031', 'Invalid search criteria.', [error.message]) };
  }
}

/** `after` cursors are the id of the last record of the previous page, as on Okta. */
export function startAfter(
  request: SandboxRequest,
  decode: (id: string) => number | undefined,
): number | SandboxResponse {
  const after = request.url.searchParams.get('after');
  if (after === null) return 0;
  const index = decode(after);
  return index === undefined ? invalidParameter('after', 'is not a cursor of this listing') : index + 1;
}
