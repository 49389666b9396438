/**
 * Every error code the engine can raise, with whether a caller may retry the same call.
 * Codes are stable: applications branch on them, so a code is never renamed or reused.
 */
export const ERROR_CODES = {
  invalid_definition: { retryable: false, description: 'A provider definition failed validation.' },
  duplicate_provider: { retryable: false, description: 'Two provider definitions share one id.' },
  unknown_provider: { retryable: false, description: 'No provider with that id is registered.' },
  invalid_params: { retryable: false, description: 'Connection params are missing or invalid.' },
  invalid_auth: { retryable: false, description: 'The auth method or its fields are missing or invalid.' },
  invalid_base_url: { retryable: false, description: 'The base URL is not allowed for this provider.' },
  unsupported_resource: { retryable: false, description: 'The provider does not serve this model/resource.' },
  unsupported_operation: { retryable: false, description: 'The resource does not support this operation.' },
  unsupported_filter: { retryable: false, description: 'The resource does not declare this filter.' },
  invalid_filter: {
    retryable: false,
    description: 'A filter value is malformed or outside what the provider can answer.',
  },
  invalid_cursor: { retryable: false, description: 'The cursor was changed, or belongs to another listing.' },
  invalid_request: {
    retryable: false,
    description: 'The call itself is malformed (for example a bad limit).',
  },
  unauthorized: { retryable: false, description: 'The provider rejected the credentials (HTTP 401).' },
  forbidden: { retryable: false, description: 'The credentials lack a permission (HTTP 403).' },
  not_found: { retryable: false, description: 'The record does not exist (HTTP 404).' },
  rate_limited: {
    retryable: true,
    description: 'The provider kept answering 429 past the retry bound or wait cap.',
  },
  provider_error: { retryable: false, description: 'The provider answered with an error status.' },
  provider_unavailable: { retryable: true, description: 'The provider answered 5xx past the retry bound.' },
  network_error: { retryable: true, description: 'The connection failed or was reset.' },
  timeout: { retryable: true, description: 'Connecting, or waiting for headers or body, took too long.' },
  invalid_response: {
    retryable: false,
    description: 'The provider answered with a body the definition cannot read.',
  },
  foreign_origin: { retryable: false, description: 'A next link or redirect pointed at another origin.' },
  token_error: { retryable: false, description: 'An OAuth token request failed.' },
  mapping_error: { retryable: false, description: 'A JSONata mapping failed on a record.' },
  schema_violation: { retryable: false, description: 'A mapped record does not match the unified schema.' },
  pagination_loop: {
    retryable: false,
    description:
      'The listing cannot end: a page or next request repeats (a cursor ignored), empty pages go on past the bound, or max_pages is reached.',
  },
  response_too_large: {
    retryable: false,
    description: 'A response body exceeded the size cap (`maxResponseBytes`).',
  },
  aborted: { retryable: false, description: "The caller's AbortSignal cancelled the call." },
  invalid_input: {
    retryable: false,
    description: 'A write input does not match its unified input schema; nothing was sent.',
  },
  unsupported_field: {
    retryable: false,
    description: 'A write input sets a field the provider cannot change; nothing was sent.',
  },
  conflict: {
    retryable: false,
    description: 'The record already exists (HTTP 409 or an equivalent) and cannot be read back.',
  },
  not_accepted: {
    retryable: false,
    description: 'The user has not accepted the invitation yet; the change is possible only afterwards.',
  },
  write_outcome_unknown: {
    retryable: false,
    description:
      'A write was sent but its answer was lost (network error, timeout or 5xx): it may have happened. Read the record back before trying again.',
  },
  internal_error: {
    retryable: false,
    description: 'An unexpected failure inside the engine (a bug): see the cause.',
  },
} as const satisfies Record<string, { retryable: boolean; description: string }>;

/** A stable, snake_case error code. */
export type EngineErrorCode = keyof typeof ERROR_CODES;
