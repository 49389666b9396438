/**
 * `@org/sandbox`: local Okta- and Workato-compatible API servers with deterministic seeded
 * data and fault injection, to try `@org/engine` and test it end to end without a real tenant.
 *
 * @example
 * ```ts
 * import { createEngine } from '@org/engine';
 * import { startSandbox } from '@org/sandbox';
 *
 * const sandbox = await startSandbox({ provider: 'okta', users: 5000, seed: 42 });
 * const okta = createEngine().connect('okta', sandbox.connection);
 * let users = 0;
 * for await (const _user of okta.iterate('user-directory', 'users')) users++;
 * // users === sandbox.expected['user-directory/users']
 * await sandbox.close();
 * ```
 *
 * @packageDocumentation
 */

export type { SandboxFaults } from './faults.js';
export { type OktaAccount, oktaAccountToken } from './okta/okta-accounts.js';
export { OKTA_READ_SCOPES } from './okta/okta-auth.js';
export type { OktaInventory, OktaTenant } from './okta/okta-data.js';
export type { ChurnCounts, ChurnResult, OktaEdits } from './okta/okta-edits.js';
export { STANDARD_ROLE_TYPES } from './okta/okta-roles.js';
export { OKTA_RATE_LIMITS } from './okta/okta-routes.js';
export { OKTA_USER_STATUSES, type OktaUserStatus } from './okta/okta-user-traits.js';
export type { OktaUser } from './okta/okta-users.js';
export type { RateLimitOptions } from './rate-limiter.js';
export type {
  OktaSandbox,
  OktaServiceApp,
  Sandbox,
  SandboxConnection,
  SandboxOptions,
  SandboxProvider,
  WorkatoSandbox,
} from './sandbox-types.js';
export { startSandbox } from './start-sandbox.js';
export type { EnvironmentType } from './vocabulary/workato-vocabulary.js';
export { WORKATO_RATE_LIMITS } from './workato/workato-api.js';
export type { WorkatoInventory, WorkatoWorkspace } from './workato/workato-data.js';
export type { PendingInvitation, WorkatoDirectory } from './workato/workato-directory.js';
export type { IdentityGroup, IdentityUser, WorkatoIdentity } from './workato/workato-identity.js';
