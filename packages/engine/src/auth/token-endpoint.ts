import { hostAllowed } from '../definition/allowed-hosts.js';
import type { Template } from '../definition/template.js';
import { isLoopbackHost } from '../http/network-address.js';
import { authError } from './auth-errors.js';
import type { AuthContext } from './auth-strategy.js';
import type { ClientAuthentication, TokenRequestParts } from './client-authentication.js';
import type { DpopProver } from './dpop-prover.js';
import {
  headerValue,
  type IssuedToken,
  oauthErrorCode,
  postTokenForm,
  readIssuedToken,
  tokenEndpointError,
} from './token-http.js';

/** When token requests carry a DPoP proof: never, once the server asks for one, or always. */
export type DpopMode = 'off' | 'auto' | 'required';

/** OAuth `error` codes with which a token endpoint says it wants a DPoP proof (RFC 9449). */
const DPOP_DEMANDS = new Set(['invalid_dpop_proof', 'use_dpop_nonce']);

export interface TokenEndpointOptions {
  url: URL;
  dpop: DpopMode;
  prover: DpopProver;
  clientAuthentication: ClientAuthentication;
  context: AuthContext;
  /** Every secret the strategy knows, redacted from error messages. */
  secrets: () => string[];
}

/**
 * One OAuth token endpoint as a strategy uses it: client authentication on every attempt, and the
 * DPoP handshake. In `auto` mode the first request goes without a proof; a 400 asking for DPoP
 * switches DPoP on for the life of the strategy. A 400 `use_dpop_nonce` is answered once with
 * the nonce from its `DPoP-Nonce` header.
 */
export class TokenEndpoint {
  readonly url: URL;
  readonly #options: TokenEndpointOptions;
  #usesDpop: boolean;
  #nonce: string | undefined;

  constructor(options: TokenEndpointOptions) {
    this.url = options.url;
    this.#options = options;
    this.#usesDpop = options.dpop === 'required';
  }

  /** Whether token requests now carry a DPoP proof. */
  get usesDpop(): boolean {
    return this.#usesDpop;
  }

  /** Requests a token with the grant's form fields, e.g. `{ grant_type: 'client_credentials' }`. */
  async requestToken(grant: Record<string, string>): Promise<IssuedToken> {
    const { prover, clientAuthentication, context } = this.#options;
    let retriedWithNonce = false;
    for (;;) {
      const parts: TokenRequestParts = { form: new URLSearchParams(grant), headers: {} };
      const secrets = [...this.#options.secrets(), ...(await clientAuthentication.apply(parts))];
      if (this.#usesDpop) {
        parts.headers.DPoP = await prover.proof({ method: 'POST', url: this.url, nonce: this.#nonce });
      }
      const answer = await postTokenForm(this.url, parts.form, parts.headers, context, secrets);
      // RFC 9449 section 8.2: a server may hand out the next nonce with any answer.
      const nonce = headerValue(answer.headers, 'dpop-nonce');
      if (nonce) this.#nonce = nonce;
      if (answer.status >= 200 && answer.status < 300) return readIssuedToken(answer, context);

      const error = answer.status === 400 ? oauthErrorCode(answer) : undefined;
      if (!this.#usesDpop && this.#options.dpop === 'auto' && error && DPOP_DEMANDS.has(error)) {
        this.#usesDpop = true;
        continue;
      }
      if (this.#usesDpop && error === 'use_dpop_nonce' && nonce && !retriedWithNonce) {
        retriedWithNonce = true;
        continue;
      }
      throw await tokenEndpointError(answer, context, secrets);
    }
  }
}

/**
 * The token endpoint of a method: `token_url` rendered, either absolute or a path joined to the
 * origin of the base URL. Plain http is refused except on loopback hosts, since the request
 * carries the client's credentials.
 */
export function resolveTokenUrl(template: Template, context: AuthContext): URL {
  const rendered = context.render(template).trim();
  const absolute = /^[a-z][a-z\d+.-]*:/i.test(rendered);
  let url: URL;
  try {
    url = absolute ? new URL(rendered) : new URL(rendered, context.baseUrl.origin);
  } catch {
    throw authError('invalid_auth', 'token_url does not render to a valid URL', context);
  }
  // "//host/x" or "/\host/x" would resolve to another host; a path must stay on the base URL's origin.
  if (!absolute && url.origin !== context.baseUrl.origin) {
    throw authError('invalid_auth', `token_url path must stay on ${context.baseUrl.origin}`, context);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) {
    throw authError('invalid_auth', 'token_url must use https (plain http only on a loopback host)', context);
  }
  if (absolute && context.tokenHosts && !hostAllowed(url.hostname, context.tokenHosts)) {
    throw authError(
      'invalid_auth',
      `token_url host ${url.hostname} is not allowed; expected ${context.tokenHosts.join(' or ')}`,
      context,
    );
  }
  return url;
}
