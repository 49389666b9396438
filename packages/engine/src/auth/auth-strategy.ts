import type { Dispatcher } from 'undici';
import type { CompiledAuthMethod } from '../definition/compiled-types.js';
import type { Template } from '../definition/template.js';
import type { RequestAuth } from '../http/request-auth.js';
import type { ErrorFields } from '../http/response-error.js';
import type { Credentials } from './credentials.js';

/** Tokens handed to `onTokenRefresh` so the caller can persist rotated credentials. */
export interface RefreshedTokens {
  access_token: string;
  refresh_token?: string | undefined;
  /** Epoch milliseconds. */
  expires_at?: number | undefined;
  token_type?: string | undefined;
  scope?: string | undefined;
}

/** What an auth strategy needs from the connection that owns it. */
export interface AuthContext {
  /** Provider id, for error messages. */
  provider: string;
  /** The resolved API base URL of the connection. */
  baseUrl: URL;
  /** Used for token requests too, so a proxy or MockAgent sees every call. */
  dispatcher: Dispatcher;
  /**
   * Hosts an absolute token URL may resolve to (the definition's allowed hosts); a token request
   * carries the client's secret, so any other host is refused. Absent: not restricted.
   */
  tokenHosts?: readonly string[] | undefined;
  /**
   * The definition's `errors` expressions, read from a failed token answer too. Absent, or when
   * they yield nothing, the RFC 6749 `error` and `error_description` are quoted.
   */
  errorFields?: ErrorFields | undefined;
  /** Renders `{{params.x}}` / `{{auth.x}}` templates of the definition. */
  render: (template: Template) => string;
  /** Called after every token refresh of an `oauth2_refresh` method. */
  onTokenRefresh?: ((tokens: RefreshedTokens) => void | Promise<void>) | undefined;
  /** Clock in epoch milliseconds; injectable for tests. */
  now?: (() => number) | undefined;
  /** Timeout of a token request in milliseconds. */
  timeoutMs?: number | undefined;
}

/** Applies one auth method to outgoing requests. One instance per connection. */
export interface AuthStrategy extends RequestAuth {
  /** Every secret value this strategy holds or obtained, for redaction. */
  secrets(): string[];
  /**
   * Names of the headers `headers()` adds, known without a network request: a dry run shows
   * them, values redacted, without fetching a token.
   */
  headerNames(): string[];
}

export type CreateAuthStrategy = (
  method: CompiledAuthMethod,
  credentials: Credentials,
  context: AuthContext,
) => AuthStrategy;
