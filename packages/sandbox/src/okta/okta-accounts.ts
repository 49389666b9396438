import { BASE62, hashLabel, mix, normaliseSeed, Random } from '../random.js';
import type { ProviderApi, SandboxRequest } from '../routes.js';
import type { SandboxConnection } from '../sandbox-types.js';
import { AccessTokens, OktaAuthenticator, type OktaPrincipal } from './okta-auth.js';
import { OktaTenant, type OktaTenantSettings } from './okta-data.js';
import { ReplayGuard } from './okta-dpop.js';
import { createOktaApi } from './okta-routes.js';
import type { OktaTokenEndpoint } from './okta-token-endpoint.js';

/** One of the many accounts (Okta orgs) a sandbox serves, each behind its own API token. */
export interface OktaAccount {
  /** The account number, from 0. */
  readonly index: number;
  readonly token: string;
  readonly connection: SandboxConnection;
  /** The account's own tenant: its seeded data and `edits`. */
  readonly tenant: OktaTenant;
}

const ACCOUNT_TOKEN = /^00acct(\d{1,9})_([0-9A-Za-z]{32})$/;

/**
 * The API token of account `index` of a sandbox started with `seed`: `00acct<index>_` and 32
 * characters derived from both (`seed` as given to `startSandbox`), so any process can compute the credentials of an account (a
 * benchmark's workers do) while a made-up token is still rejected.
 */
export function oktaAccountToken(seed: number, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 999_999_999) {
    throw new RangeError(`account must be a whole number from 0 to 999999999, got ${index}`);
  }
  const random = new Random(normaliseSeed(seed), 'okta.account-token', index);
  return `00acct${index}_${random.characters(32, BASE62)}`;
}

/** The principal of a request to a multi-account sandbox: whose API answers, and who asks. */
export interface AccountPrincipal {
  api: ProviderApi<OktaPrincipal>;
  inner: OktaPrincipal;
}

/**
 * The accounts of a sandbox, made on first use: account `index` is a tenant seeded from the
 * sandbox seed and the index, with the sandbox's user count. The same seed gives the same data.
 */
export class OktaAccounts {
  private readonly accounts = new Map<number, OktaAccount & { api: ProviderApi<OktaPrincipal> }>();

  /** `seed` is the sandbox seed as the caller gave it. */
  constructor(
    private readonly seed: number,
    private readonly settings: Omit<OktaTenantSettings, 'seed'>,
    private readonly tokenEndpoint: OktaTokenEndpoint,
  ) {}

  account(index: number): OktaAccount & { api: ProviderApi<OktaPrincipal> } {
    const known = this.accounts.get(index);
    if (known) return known;
    const token = oktaAccountToken(this.seed, index);
    const tenant = new OktaTenant({
      ...this.settings,
      seed: mix(normaliseSeed(this.seed), hashLabel('account'), index),
    });
    const authenticator = new OktaAuthenticator(token, new AccessTokens(), new ReplayGuard());
    const { baseUrl } = this.settings;
    const account = {
      index,
      token,
      tenant,
      connection: {
        params: { domain: `${String(tenant.org.subdomain)}-${index}.okta.com` },
        auth: { method: 'api_token', token },
        baseUrl,
      },
      api: createOktaApi(tenant, authenticator, this.tokenEndpoint),
    };
    this.accounts.set(index, account);
    return account;
  }

  /** The account an `Authorization: SSWS` header names, if its token is an account token. */
  fromAuthorization(header: string | undefined): ReturnType<OktaAccounts['account']> | undefined {
    const match = /^SSWS\s+(\S+)$/i.exec(header ?? '');
    const parts = match && ACCOUNT_TOKEN.exec(match[1]!);
    if (!parts) return undefined;
    const index = Number(parts[1]);
    return oktaAccountToken(this.seed, index) === match![1] ? this.account(index) : undefined;
  }
}

/**
 * Serves the main tenant and every account on one server: the token picks the tenant, and each
 * route runs on that tenant's API. Routes are the same list, in the same order, for every tenant.
 */
export function multiAccountApi(
  main: ProviderApi<OktaPrincipal>,
  accounts: OktaAccounts,
): ProviderApi<AccountPrincipal> {
  const routes = main.routes.map((route, position) => ({
    ...route,
    handle: (request: SandboxRequest, principal: AccountPrincipal | undefined) =>
      principal
        ? principal.api.routes[position]!.handle(request, principal.inner)
        : route.handle(request, undefined),
  }));
  return {
    ...main,
    routes,
    async authenticate(request, route) {
      const account = accounts.fromAuthorization(request.headers.authorization);
      const api = account?.api ?? main;
      const outcome = await api.authenticate(request, api.routes[routes.indexOf(route)]!);
      return 'response' in outcome ? outcome : { principal: { api, inner: outcome.principal } };
    },
  };
}
