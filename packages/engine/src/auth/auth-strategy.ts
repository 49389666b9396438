import type { Dispatcher } from 'undici';
import type { AuthMethodDefinition } from '../definition/schema-auth.js';

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
  /** Renders `{{params.x}}` / `{{auth.x}}` templates of the definition. */
  render: (template: string) => string;
  /** Called after every token refresh of an `oauth2_refresh` method. */
  onTokenRefresh?: ((tokens: RefreshedTokens) => void | Promise<void>) | undefined;
  /** Clock in epoch milliseconds; injectable for tests. */
  now?: (() => number) | undefined;
  /** Timeout of a token request in milliseconds. */
  timeoutMs?: number | undefined;
}

/** A response the strategy may react to (401, DPoP nonce challenge). */
export interface AuthChallenge {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /**
   * The headers `headers()` gave the rejected request. With them a strategy tells a request sent
   * with an already replaced token (retry with the new one) from a rejection of the newest token
   * (renew once), so concurrent 401s cause a single renewal.
   */
  requestHeaders?: Record<string, string> | undefined;
}

/** Applies one auth method to outgoing requests. One instance per connection. */
export interface AuthStrategy {
  /** Headers for this request; may fetch or refresh a token first (at most one refresh at a time). */
  headers(request: { method: string; url: URL }): Promise<Record<string, string>>;
  /**
   * Called when the API answers 401 (or asks for a DPoP nonce). Returns true when retrying the
   * request once may now succeed (token refreshed, nonce stored).
   */
  onUnauthorized?(challenge: AuthChallenge): Promise<boolean>;
  /** Every secret value this strategy holds or obtained, for redaction. */
  secrets(): string[];
}

export type CreateAuthStrategy = (
  method: AuthMethodDefinition,
  credentials: Record<string, string>,
  context: AuthContext,
) => AuthStrategy;
