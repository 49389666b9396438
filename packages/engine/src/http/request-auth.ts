/** A response the auth may react to (401, DPoP nonce challenge). */
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

/**
 * How the client authenticates its requests. Declared here, where it is used, so the HTTP layer
 * knows no auth method: the auth strategies implement it.
 */
export interface RequestAuth {
  /** Headers for this request; may fetch or refresh a token first (at most one refresh at a time). */
  headers(request: { method: string; url: URL }): Promise<Record<string, string>>;
  /**
   * Called when the API answers 401 (or asks for a DPoP nonce). Returns true when retrying the
   * request once may now succeed (token refreshed, nonce stored).
   */
  onUnauthorized?(challenge: AuthChallenge): Promise<boolean>;
}
