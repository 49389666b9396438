import type { JsonObject } from '../records.js';
import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import type { OktaPrincipal } from './okta-auth.js';
import type { OktaTenant } from './okta-data.js';
import type { OktaGroup } from './okta-groups.js';
import { notFound, oktaError } from './okta-http.js';
import {
  checkProfile,
  isResponse,
  loginTaken,
  requestObject,
  requestProfile,
  validationFailed,
} from './okta-profile-rules.js';
import type { OktaUserStatus } from './okta-user-traits.js';

const OKTA_PROVIDER = { type: 'OKTA', name: 'OKTA' };
/** Providers that hold no password in Okta: their users are ACTIVE as soon as activated. */
const EXTERNAL_PROVIDERS = ['FEDERATION', 'SOCIAL'];

/**
 * The status and stored credentials of a new user, after Okta's creation table: `activate=false`
 * gives STAGED; otherwise a password (or a FEDERATION/SOCIAL provider) gives ACTIVE and no
 * credential gives PROVISIONED (the user finishes activation from the e-mail). The password value
 * is never stored nor returned, as Okta returns `password: {}`.
 */
function creationOutcome(
  credentials: unknown,
  activate: boolean,
): { status: OktaUserStatus; credentials: JsonObject } {
  const given = (credentials ?? {}) as JsonObject;
  const password = given.password as JsonObject | undefined;
  const provider = given.provider as JsonObject | undefined;
  const external = typeof provider?.type === 'string' && EXTERNAL_PROVIDERS.includes(provider.type);
  const stored: JsonObject = { provider: external ? provider : OKTA_PROVIDER };
  if (!external && typeof password?.value === 'string') stored.password = {};
  const question = (given.recovery_question as JsonObject | undefined)?.question;
  if (!external && typeof question === 'string') stored.recovery_question = { question };
  if (!activate) return { status: 'STAGED', credentials: stored };
  return { status: stored.password || external ? 'ACTIVE' : 'PROVISIONED', credentials: stored };
}

/**
 * User creation, profile updates, deactivation and group membership, with state: every change
 * shows in the listings (users, a user, group members, `expand=stats` counts).
 */
export function oktaWriteRoutes(tenant: OktaTenant): Route<OktaPrincipal>[] {
  const { users, edits, logs } = tenant;

  /** Changes a membership and logs it as Okta does, when it changes anything. */
  const setMember = (group: OktaGroup, index: number, member: boolean) => {
    const changes = group.isMember(index) !== member;
    edits.setGroupMember(group.id, users.ids.encode(index), member);
    if (!changes) return;
    if (member) logs.record('group.user_membership.add', 'Add user to group membership', index, group);
    else logs.record('group.user_membership.remove', 'Remove user from group membership', index, group);
  };

  /** The index of a user a write may touch: DEPROVISIONED users answer 404 like unknown ones. */
  const writableUser = (request: SandboxRequest): number | SandboxResponse => {
    const index = users.indexOf(request.params.id!);
    // Okta answers E0000007 when a DEPROVISIONED user is updated or deactivated again (seen with
    // the Java SDK, okta-sdk-java#721), unless the org allows editing deactivated profiles.
    if (index === undefined || users.statusOf(index) === 'DEPROVISIONED') {
      return notFound(request.params.id!, 'User');
    }
    return index;
  };

  const loginUsedByAnother = (profile: JsonObject, index?: number) => {
    const other = typeof profile.login === 'string' ? users.indexOf(profile.login) : undefined;
    return other !== undefined && other !== index;
  };

  const createUser = (request: SandboxRequest): SandboxResponse => {
    const body = requestObject(request);
    if (isResponse(body)) return body;
    const profile = requestProfile(body);
    if (isResponse(profile)) return profile;
    const invalid = checkProfile(profile);
    if (invalid) return invalid;
    if (loginUsedByAnother(profile)) return loginTaken();
    const groupIds = Array.isArray(body.groupIds) ? body.groupIds.map(String) : [];
    const groups = groupIds.map((id) => tenant.group(id));
    const missing = groups.findIndex((group) => group === undefined || group.type !== 'OKTA_GROUP');
    if (missing >= 0)
      return validationFailed([['groupIds', `Group ${groupIds[missing]} is not an Okta group`]]);
    const outcome = creationOutcome(body.credentials, request.url.searchParams.get('activate') !== 'false');
    const index = users.indexOf(edits.createUser(profile, outcome.status, outcome.credentials))!;
    logs.record('user.lifecycle.create', 'Create Okta user', index);
    if (outcome.status !== 'STAGED') logs.record('user.lifecycle.activate', 'Activate Okta user', index);
    for (const group of groups) setMember(group!, index, true);
    return { status: 200, body: users.user(index) };
  };

  /** POST merges the given attributes into the profile; PUT replaces the whole profile. */
  const updateUser =
    (replace: boolean) =>
    (request: SandboxRequest): SandboxResponse => {
      const index = writableUser(request);
      if (isResponse(index)) return index;
      const body = requestObject(request);
      if (isResponse(body)) return body;
      const profile = requestProfile(body);
      if (isResponse(profile)) return profile;
      const result = replace ? profile : { ...users.user(index).profile, ...profile };
      const invalid = checkProfile(result);
      if (invalid) return invalid;
      if (loginUsedByAnother(result, index)) return loginTaken();
      const id = users.ids.encode(index);
      if (replace) edits.replaceProfile(id, profile);
      else edits.updateUser(id, profile);
      logs.record('user.account.update_profile', 'Update user profile for Okta', index);
      return { status: 200, body: users.user(index) };
    };

  const deactivate = (request: SandboxRequest): SandboxResponse => {
    const index = writableUser(request);
    if (isResponse(index)) return index;
    edits.setUserStatus(users.ids.encode(index), 'DEPROVISIONED');
    logs.record('user.lifecycle.deactivate', 'Deactivate Okta user', index);
    // Okta answers 200 with no body.
    return { status: 200 };
  };

  const changeMembership =
    (member: boolean) =>
    (request: SandboxRequest): SandboxResponse => {
      const group = tenant.group(request.params.groupId!);
      if (!group) return notFound(request.params.groupId!, 'UserGroup');
      const index = users.indexOf(request.params.userId!);
      if (index === undefined) return notFound(request.params.userId!, 'User');
      // Only OKTA_GROUP memberships can change: APP_GROUPs belong to their directory import
      // (E0000006, terraform-provider-okta#118) and Everyone to Okta ("Unsupported operation.",
      // terraform-provider-okta#903; the code and status are assumed, not seen).
      if (group.type === 'APP_GROUP')
        return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action');
      if (group.type === 'BUILT_IN') return oktaError(400, 'E0000060', 'Unsupported operation.');
      setMember(group, index, member);
      return { status: 204 };
    };

  const usersScope = 'okta.users.manage';
  const groupsScope = 'okta.groups.manage';
  const membersPath = '/api/v1/groups/:groupId/users/:userId';
  return [
    { method: 'POST', path: '/api/v1/users', family: 'users', scope: usersScope, handle: createUser },
    {
      method: 'POST',
      path: '/api/v1/users/:id',
      family: 'user-by-id',
      scope: usersScope,
      handle: updateUser(false),
    },
    {
      method: 'PUT',
      path: '/api/v1/users/:id',
      family: 'user-by-id',
      scope: usersScope,
      handle: updateUser(true),
    },
    {
      method: 'POST',
      path: '/api/v1/users/:id/lifecycle/deactivate',
      family: 'user-by-id',
      scope: usersScope,
      handle: deactivate,
    },
    {
      method: 'PUT',
      path: membersPath,
      family: 'groups',
      scope: groupsScope,
      handle: changeMembership(true),
    },
    {
      method: 'DELETE',
      path: membersPath,
      family: 'groups',
      scope: groupsScope,
      handle: changeMembership(false),
    },
  ];
}
