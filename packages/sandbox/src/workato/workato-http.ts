import type { SandboxRequest, SandboxResponse } from '../routes.js';
import type { EnvironmentType } from '../vocabulary/workato-vocabulary.js';

/** Who calls: an API client belongs to one environment (DEV for the sandbox's main token). */
export interface WorkatoPrincipal {
  environment: EnvironmentType;
}

/*
 * Workato's error bodies come in three shapes, and clients must read all of them: the sandbox
 * uses each one where Workato does (authentication and most errors, parameter validation, and
 * the newer access-control endpoints).
 */

/** `{ message }`: authentication failures, unknown collaborators, rate limits, server errors. */
export function simpleError(status: number, message: string): SandboxResponse {
  return { status, body: { message } };
}

/** `{ message, errors: { field: [problems] } }`: a 400 for a query parameter out of range. */
export function validationError(field: string, problem: string): SandboxResponse {
  return { status: 400, body: { message: 'Validation failed', errors: { [field]: [problem] } } };
}

/** `{ errors: [{ status, title }] }` (JSON:API): the collaborator-group endpoints. */
export function jsonApiError(status: number, title: string): SandboxResponse {
  return { status, body: { errors: [{ status: String(status), title }] } };
}

/** `page[number]` (from 1) and `page[size]` (1 to 100, default 100), or a validation error. */
function pageParameters(request: SandboxRequest): { number: number; size: number } | SandboxResponse {
  const read = (name: string, fallback: number, maximum: number) => {
    const text = request.url.searchParams.get(name);
    if (text === null || text === '') return fallback;
    const value = Number(text);
    return Number.isInteger(value) && value >= 1 && value <= maximum ? value : undefined;
  };
  const number = read('page[number]', 1, Number.MAX_SAFE_INTEGER);
  if (number === undefined) return validationError('page[number]', 'must be a whole number greater than 0');
  const size = read('page[size]', 100, 100);
  if (size === undefined) return validationError('page[size]', 'must be a whole number from 1 to 100');
  return { number, size };
}

/** A `{ data, total, page: { number, size } }` page of a page-numbered collection. */
export function numberedPage<T>(
  request: SandboxRequest,
  items: readonly T[],
  toJson: (item: T) => unknown,
): SandboxResponse {
  const page = pageParameters(request);
  if ('status' in page) return page;
  const data = items.slice((page.number - 1) * page.size, page.number * page.size).map(toJson);
  return { status: 200, body: { data, total: items.length, page }, page: page.number };
}

/** Case-insensitive substring filter; a null filter keeps everything. */
export function contains(text: string | null, ...values: string[]): boolean {
  return text === null || values.some((value) => value.toLowerCase().includes(text.toLowerCase()));
}
