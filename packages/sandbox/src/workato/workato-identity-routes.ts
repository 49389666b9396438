import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import type { EnvironmentType } from '../vocabulary/workato-vocabulary.js';
import { contains, jsonApiError, validationError, type WorkatoPrincipal } from './workato-http.js';
import type { IdentityGroup, IdentityUser, WorkatoIdentity } from './workato-identity.js';

/*
 * Workato documents these endpoints, their filters and their 60-a-minute limit, but no response
 * body. The shapes here are assumptions, consistent with what clients observed: `{ data }`
 * envelopes, 422 for a name or e-mail already taken, an error when adding a member twice. Paging
 * with `page`/`per_page` and the `{ result: 'ok' }` of deletions and membership changes are
 * assumed as well.
 */

const OK = { status: 200, body: { result: 'ok' } };
const EMAIL = /^[^\s@]+@[^\s@]+$/;

function body(request: SandboxRequest): Record<string, unknown> | SandboxResponse {
  try {
    const parsed: unknown = JSON.parse(request.body || '{}');
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // Answered below, like any body that is not an object.
  }
  return jsonApiError(400, 'Request body must be a JSON object');
}

const isResponse = (value: unknown): value is SandboxResponse =>
  typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

/** `page` (from 1) and `per_page` (1 to 100, default 100): `{ data, total }`. */
function page<T>(
  request: SandboxRequest,
  items: readonly T[],
  toJson: (item: T) => unknown,
): SandboxResponse {
  const read = (name: string, fallback: number, maximum: number) => {
    const value = Number(request.url.searchParams.get(name) ?? fallback);
    return Number.isInteger(value) && value >= 1 && value <= maximum ? value : undefined;
  };
  const number = read('page', 1, Number.MAX_SAFE_INTEGER);
  const size = read('per_page', 100, 100);
  if (number === undefined) return validationError('page', 'must be a whole number greater than 0');
  if (size === undefined) return validationError('per_page', 'must be a whole number from 1 to 100');
  const data = items.slice((number - 1) * size, number * size).map(toJson);
  return { status: 200, body: { data, total: items.length }, page: number };
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The Workato Identity (IAM) endpoints: users of the workspace, user groups per environment. */
export function workatoIdentityRoutes(identity: WorkatoIdentity): Route<WorkatoPrincipal>[] {
  const environmentOf = (principal: WorkatoPrincipal | undefined) => principal?.environment ?? 'dev';
  const userNotFound = (id: string) => jsonApiError(404, `User ${id} not found`);
  const groupNotFound = (id: string) => jsonApiError(404, `User group ${id} not found`);

  const listUsers = (request: SandboxRequest, principal: WorkatoPrincipal | undefined): SandboxResponse => {
    const query = request.url.searchParams;
    const emails = query.getAll('emails[]').map((email) => email.toLowerCase());
    const ids = query.getAll('user_ids[]');
    const groupIds = query.getAll('user_group_ids[]');
    const environmentId = query.get('environment_id');
    // Memberships are those of the client's environment unless environment_id names another.
    const environment =
      environmentId === null ? environmentOf(principal) : identity.environmentOfId(environmentId);
    if (!environment) return jsonApiError(404, `Environment ${environmentId} not found`);
    const users = identity
      .allUsers()
      .filter(
        (user) =>
          contains(query.get('query'), user.full_name, user.email) &&
          contains(query.get('name'), user.full_name) &&
          (emails.length === 0 || emails.includes(user.email.toLowerCase())) &&
          (ids.length === 0 || ids.includes(user.id)) &&
          (groupIds.length === 0 ||
            groupIds.some((id) => identity.group(id, environment)?.members.has(user.id))),
      );
    return page(request, users, (user) => identity.userJson(user, environment));
  };

  /** One user of a create request, checked; undefined fields keep their defaults. */
  const checkNewUser = (
    input: unknown,
    taken: Set<string>,
  ): Parameters<typeof identity.createUser>[0] | SandboxResponse => {
    const fields = (input ?? {}) as Record<string, unknown>;
    if (typeof fields.email !== 'string' || !EMAIL.test(fields.email))
      return jsonApiError(422, 'Email is invalid');
    const key = fields.email.toLowerCase();
    if (taken.has(key) || identity.userByEmail(fields.email))
      return jsonApiError(422, 'Email has already been taken');
    taken.add(key);
    return {
      email: fields.email,
      full_name: typeof fields.full_name === 'string' ? fields.full_name : '',
      external_id: typeof fields.external_id === 'string' ? fields.external_id : null,
    };
  };

  const createUsers = (request: SandboxRequest, principal: WorkatoPrincipal | undefined): SandboxResponse => {
    const input = body(request);
    if (isResponse(input)) return input;
    // One user as the object itself, or several under `users`: Workato creates "one or more".
    const bulk = Array.isArray(input.users);
    const entries = bulk ? (input.users as unknown[]) : [input];
    const taken = new Set<string>();
    const checked = [];
    for (const entry of entries) {
      const fields = checkNewUser(entry, taken);
      if (isResponse(fields)) return fields;
      const groups = strings((entry as Record<string, unknown>).user_group_ids);
      const unknown = groups.find((id) => !identity.group(id, environmentOf(principal)));
      if (unknown !== undefined) return groupNotFound(unknown);
      checked.push({ fields, groups });
    }
    const created = checked.map(({ fields, groups }) => {
      const user = identity.createUser(fields);
      for (const id of groups)
        identity.setMembers(identity.group(id, environmentOf(principal))!, [user.id], true);
      return identity.userJson(user, environmentOf(principal));
    });
    return { status: 200, body: { data: bulk ? created : created[0] } };
  };

  const withUser =
    (
      handle: (user: IdentityUser, request: SandboxRequest, principal?: WorkatoPrincipal) => SandboxResponse,
    ) =>
    (request: SandboxRequest, principal: WorkatoPrincipal | undefined) => {
      const user = identity.user(request.params.id!);
      return user ? handle(user, request, principal) : userNotFound(request.params.id!);
    };

  const withGroup =
    (handle: (group: IdentityGroup, request: SandboxRequest) => SandboxResponse) =>
    (request: SandboxRequest, principal: WorkatoPrincipal | undefined) => {
      const group = identity.group(request.params.id!, environmentOf(principal));
      return group ? handle(group, request) : groupNotFound(request.params.id!);
    };

  const updateUser = withUser((user, request, principal) => {
    const input = body(request);
    if (isResponse(input)) return input;
    if (input.email !== undefined) {
      if (typeof input.email !== 'string' || !EMAIL.test(input.email))
        return jsonApiError(422, 'Email is invalid');
      const owner = identity.userByEmail(input.email);
      if (owner && owner !== user) return jsonApiError(422, 'Email has already been taken');
    }
    const changes: Partial<IdentityUser> = {};
    if (typeof input.email === 'string') changes.email = input.email;
    if (typeof input.full_name === 'string') changes.full_name = input.full_name;
    if (input.external_id === null || typeof input.external_id === 'string')
      changes.external_id = input.external_id;
    identity.updateUser(user, changes);
    return { status: 200, body: { data: identity.userJson(user, environmentOf(principal)) } };
  });

  const changeGroupOfUser = (member: boolean) =>
    withUser((user, request, principal) => {
      const input = body(request);
      if (isResponse(input)) return input;
      const group = identity.group(String(input.user_group_id), environmentOf(principal));
      if (!group) return groupNotFound(String(input.user_group_id));
      if (member && group.members.has(user.id))
        return jsonApiError(422, 'User is already a member of this group');
      identity.setMembers(group, [user.id], member);
      return OK;
    });

  const changeUsersOfGroup = (member: boolean) =>
    withGroup((group, request) => {
      const input = body(request);
      if (isResponse(input)) return input;
      const ids = strings(input.user_ids);
      if (ids.length === 0) return jsonApiError(422, "User ids can't be blank");
      const unknown = ids.find((id) => !identity.user(id));
      if (unknown !== undefined) return userNotFound(unknown);
      identity.setMembers(group, ids, member);
      return OK;
    });

  const saveGroup = (
    group: IdentityGroup | undefined,
    request: SandboxRequest,
    environment: EnvironmentType,
  ) => {
    const input = body(request);
    if (isResponse(input)) return input;
    const name = input.name ?? group?.name;
    if (typeof name !== 'string' || name.trim() === '') return jsonApiError(422, "Name can't be blank");
    const clash = identity.groups.find((other) => other.environment === environment && other.name === name);
    if (clash && clash !== group) return jsonApiError(422, 'Name has already been taken');
    const description =
      typeof input.description === 'string' ? input.description : (group?.description ?? null);
    const saved = group ?? identity.createGroup(name, description, environment);
    Object.assign(saved, { name, description, updated: Date.now() });
    return { status: 200, body: { data: identity.groupJson(saved) } };
  };

  const iam = (
    method: Route<WorkatoPrincipal>['method'],
    path: string,
    handle: Route<WorkatoPrincipal>['handle'],
  ) => ({
    method,
    path: `/api/iam${path}`,
    family: 'iam',
    handle,
  });
  return [
    iam('GET', '/users', listUsers),
    iam(
      'GET',
      '/users/:id',
      withUser((user, _request, principal) => ({
        status: 200,
        body: { data: identity.userJson(user, environmentOf(principal)) },
      })),
    ),
    iam('POST', '/users', createUsers),
    iam('PUT', '/users/:id', updateUser),
    iam(
      'DELETE',
      '/users/:id',
      withUser((user) => {
        identity.deleteUser(user);
        return OK;
      }),
    ),
    iam('POST', '/users/:id/add_to_group', changeGroupOfUser(true)),
    iam('POST', '/users/:id/remove_from_group', changeGroupOfUser(false)),
    iam('GET', '/user_groups', (request, principal) => {
      const groups = identity.groups.filter(
        (group) =>
          group.environment === environmentOf(principal) &&
          contains(request.url.searchParams.get('query'), group.name),
      );
      return page(request, groups, (group) => identity.groupJson(group));
    }),
    iam(
      'GET',
      '/user_groups/:id',
      withGroup((group) => ({ status: 200, body: { data: identity.groupJson(group) } })),
    ),
    iam('POST', '/user_groups', (request, principal) =>
      saveGroup(undefined, request, environmentOf(principal)),
    ),
    iam('PUT', '/user_groups/:id', (request, principal) =>
      withGroup((group) => saveGroup(group, request, environmentOf(principal)))(request, principal),
    ),
    iam(
      'DELETE',
      '/user_groups/:id',
      withGroup((group) => {
        identity.deleteGroup(group);
        return OK;
      }),
    ),
    iam('POST', '/user_groups/:id/add_users', changeUsersOfGroup(true)),
    iam('DELETE', '/user_groups/:id/remove_users', changeUsersOfGroup(false)),
    iam(
      'GET',
      '/user_groups/:id/members',
      withGroup((group, request) =>
        page(
          request,
          identity.allUsers().filter((user) => group.members.has(user.id)),
          (user) => identity.userJson(user, group.environment),
        ),
      ),
    ),
  ];
}
