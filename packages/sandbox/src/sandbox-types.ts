import type { JWK } from 'jose';
import type { SandboxFaults } from './faults.js';
import type { OktaAccount } from './okta/okta-accounts.js';
import type { OktaInventory, OktaTenant } from './okta/okta-data.js';
import type { RateLimitOptions } from './rate-limiter.js';
import type { EnvironmentType } from './vocabulary/workato-vocabulary.js';
import type { WorkatoInventory, WorkatoWorkspace } from './workato/workato-data.js';
import type { WorkatoDirectory } from './workato/workato-directory.js';
import type { WorkatoIdentity } from './workato/workato-identity.js';

/** The providers the sandbox imitates. */
export type SandboxProvider = 'okta' | 'workato';

/** Options of {@link startSandbox}. Options marked "Okta" or "Workato" apply to that provider only. */
export interface SandboxOptions {
  provider: SandboxProvider;
  /** Users (Okta) or collaborators (Workato), from 1 to 10,000,000. Default: 1,000 for Okta, 40 for Workato. */
  users?: number;
  /** Seed of all generated data and faults. The same seed gives the same data. Default: 1. */
  seed?: number;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on. Default: `127.0.0.1`. */
  host?: string;
  /** Faults to inject. Default: none. */
  faults?: SandboxFaults;
  /** Rate-limit windows and budgets per endpoint family, or `false` to disable rate limiting. */
  rateLimit?: RateLimitOptions | false;
  /** The API token (Okta `SSWS`) or API client token (Workato `Bearer`). Default: derived from the seed. */
  apiToken?: string;
  /** Okta: number of System Log events. Default: three per user, between 30 and 50,000. */
  logEvents?: number;
  /**
   * Okta: the System Log's events are spread over the 90 days before this time. Default: when
   * the sandbox starts. Events after the current time are served only once their time has come.
   */
  logsEndAt?: Date | number;
  /** Okta: require DPoP-bound access tokens, with the `use_dpop_nonce` round trip. Default: false. */
  dpop?: boolean;
  /** Okta: the service app. Default: a generated client id and RS256 key pair with all read scopes. */
  serviceApp?: {
    clientId?: string;
    /** A public key to verify client assertions with; no private key is generated then. */
    publicJwk?: JWK;
    /** Scopes granted to the app. Default: the six `okta.*.read` scopes the engine uses. */
    scopes?: readonly string[];
  };
  /** Okta: lifetime of issued access tokens in seconds. Default: 3600. */
  tokenLifetimeSeconds?: number;
  /** Workato: users of Workato Identity (`/api/iam/users`), 0 to 100,000. Default: 25. */
  identityUsers?: number;
  /** Workato: send `Retry-After` on 429 responses (Workato documents none). Default: false. */
  retryAfter?: boolean;
  /** Receives errors thrown while handling a request (answered with 500). Default: `console.error`. */
  onError?: (error: unknown) => void;
}

/**
 * What `createEngine().connect(provider, connection)` needs to reach the sandbox: connection
 * parameters, credentials under an auth method id of the built-in provider definition, and the
 * sandbox as base URL.
 */
export interface SandboxConnection {
  params: Record<string, string>;
  auth: { method: string; [field: string]: string };
  baseUrl: string;
}

/** The Okta service app (OAuth 2.0 client credentials with `private_key_jwt`). */
export interface OktaServiceApp {
  clientId: string;
  /** The private key to sign client assertions with (absent when `serviceApp.publicJwk` was given). */
  privateJwk?: JWK;
  /** The registered public key the token endpoint verifies assertions with. */
  publicJwk: JWK;
  /** Scopes the app may request. */
  scopes: readonly string[];
  /** The token endpoint, also the `aud` a client assertion must carry. */
  tokenUrl: string;
}

interface SandboxBase {
  /** The origin, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  /** The API base URL of the provider: the origin for Okta, `<origin>/api` for Workato. */
  readonly baseUrl: string;
  readonly port: number;
  readonly seed: number;
  /** The token to call the API with. */
  readonly credentials: { readonly apiToken: string };
  /** Ready-made connection settings for the engine, using the API token. */
  readonly connection: SandboxConnection;
  /**
   * How many records each unified resource (`'<model>/<resource>'`) must list, computed from
   * the seeded data. Computed on first access (a pass over every user).
   */
  readonly expected: Readonly<Record<string, number>>;
  /** Requests received so far, faulty ones included. */
  requestCount(): number;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** A running Okta sandbox. */
export interface OktaSandbox extends SandboxBase {
  readonly provider: 'okta';
  readonly serviceApp: OktaServiceApp;
  /**
   * Connection settings for the service app (auth method `oauth2_service_app`, the private key
   * as JWK JSON); undefined when the sandbox was given a public key and holds no private key.
   */
  readonly serviceAppConnection: SandboxConnection | undefined;
  /** Raw counts per endpoint (computed on first access). */
  readonly inventory: OktaInventory;
  /** The seeded tenant, for tests that compare individual records, and its `edits`. */
  readonly tenant: OktaTenant;
  /**
   * Account `index` (from 0) of the many the sandbox serves besides its main tenant: another
   * Okta org with its own seeded data (as many users as `users`) and API token
   * ({@link oktaAccountToken}). Made on first use, by this call or by a request with its token.
   */
  account(index: number): OktaAccount;
}

/** A running Workato sandbox. */
export interface WorkatoSandbox extends SandboxBase {
  readonly provider: 'workato';
  /** Raw counts per endpoint. */
  readonly inventory: WorkatoInventory;
  /** The seeded workspace, for tests that compare individual records. */
  readonly workspace: WorkatoWorkspace;
  /**
   * The collaborators as the write endpoints changed them; `acceptInvitation(email)` does what
   * the invitee would do from Workato's email.
   */
  readonly directory: WorkatoDirectory;
  /** Workato Identity: its users, and its user groups per environment, as the IAM endpoints changed them. */
  readonly identity: WorkatoIdentity;
  /**
   * An API client token per environment; `credentials.apiToken` is the DEV one. Workato Identity
   * endpoints see the user groups of the token's environment; the other endpoints ignore it.
   */
  readonly environmentTokens: Readonly<Record<EnvironmentType, string>>;
}

/** A running sandbox of either provider. */
export type Sandbox = OktaSandbox | WorkatoSandbox;
