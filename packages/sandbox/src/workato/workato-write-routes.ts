import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import { groupJson } from './workato-catalog.js';
import type { WorkatoWorkspace } from './workato-data.js';
import type { WorkatoDirectory } from './workato-directory.js';
import {
  contains,
  jsonApiError,
  numberedPage,
  simpleError,
  validationError,
  type WorkatoPrincipal,
} from './workato-http.js';

/** What the write endpoints answer on success; Workato documents no body (an assumption). */
const OK = { status: 200, body: { result: 'ok' } };

function parseBody(request: SandboxRequest): Record<string, unknown> | SandboxResponse {
  try {
    const body: unknown = JSON.parse(request.body || '{}');
    if (body !== null && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // Answered below, like any body that is not an object.
  }
  return simpleError(400, 'Request body must be a JSON object');
}

const isResponse = (value: unknown): value is SandboxResponse =>
  typeof value === 'object' && value !== null && 'status' in value && typeof value.status === 'number';

/**
 * The collaborator write endpoints, and the reads that must see their changes. Declared before
 * the seeded routes, so these answer the paths they share.
 */
export function workatoWriteRoutes(
  workspace: WorkatoWorkspace,
  directory: WorkatoDirectory,
): Route<WorkatoPrincipal>[] {
  const collaboratorId = (request: SandboxRequest) => {
    const id = Number(request.params.id);
    return Number.isInteger(id) && directory.collaborator(id) ? id : undefined;
  };

  function* members(): Generator<string> {
    yield '{"data":[';
    let total = 0;
    for (const id of directory.ids()) {
      yield (total === 0 ? '' : ',') + JSON.stringify(directory.collaborator(id));
      total++;
    }
    yield `],"total":${total}}`;
  }

  const invite = (request: SandboxRequest): SandboxResponse => {
    const body = parseBody(request);
    if (isResponse(body)) return body;
    // RBAC 2.0: the single-environment role_name is refused; env_roles names every role.
    if (body.role_name !== undefined)
      return validationError('role_name', 'is no longer supported; use env_roles');
    if (typeof body.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(body.email))
      return validationError('email', 'is invalid');
    if (typeof body.name !== 'string' || body.name.trim() === '')
      return validationError('name', "can't be blank");
    const roles = directory.checkRoles(body.env_roles);
    if (!Array.isArray(roles)) return jsonApiError(400, roles?.title ?? 'env_roles is invalid');
    const groupIds = Array.isArray(body.user_group_ids) ? body.user_group_ids.map(String) : [];
    const unknownGroup = groupIds.find((id) => !workspace.group(id));
    if (unknownGroup !== undefined) return jsonApiError(400, `Collaborator group ${unknownGroup} not found`);
    if (directory.idOfEmail(body.email) !== undefined)
      return simpleError(409, 'User is already a collaborator');
    const wait = directory.inviteWait(body.email);
    if (wait > 0)
      return simpleError(
        429,
        `This email was invited less than 20 minutes ago; try again in ${Math.ceil(wait / 1000)} s`,
      );
    directory.invite({ name: body.name, email: body.email, roles, userGroupIds: groupIds });
    return OK;
  };

  const updateRoles = (request: SandboxRequest): SandboxResponse => {
    const id = collaboratorId(request);
    if (id === undefined) return simpleError(404, 'Not found');
    const body = parseBody(request);
    if (isResponse(body)) return body;
    if (body.role_name !== undefined)
      return validationError('role_name', 'is no longer supported; use env_roles');
    const roles = directory.checkRoles(body.env_roles);
    if (!Array.isArray(roles)) return jsonApiError(400, roles?.title ?? 'env_roles is invalid');
    directory.updateRoles(id, roles);
    return OK;
  };

  const changeMembers =
    (member: boolean) =>
    (request: SandboxRequest): SandboxResponse => {
      const group = workspace.group(request.params.id!);
      if (!group) return jsonApiError(404, 'Collaborator group not found');
      if (group.system) return jsonApiError(400, 'The members of a system group cannot be changed');
      const ids = request.url.searchParams.getAll('user_ids').map(Number);
      if (ids.length === 0) return validationError('user_ids', "can't be blank");
      // Only collaborators (who accepted their invitation) can join a group.
      const unknown = ids.find((id) => !Number.isInteger(id) || !directory.collaborator(id));
      if (unknown !== undefined) return jsonApiError(404, `Collaborator ${unknown} not found`);
      for (const id of ids) directory.setMember(group.id, id, member);
      return OK;
    };

  const groupMembers = (request: SandboxRequest): SandboxResponse => {
    const group = workspace.group(request.params.id!);
    if (!group) return jsonApiError(404, 'Collaborator group not found');
    const text = request.url.searchParams.get('text');
    const ids = [...directory.ids()].filter((id) => {
      const collaborator = directory.collaborator(id)!;
      return (
        directory.isMember(group, id) && contains(text, String(collaborator.name), String(collaborator.email))
      );
    });
    return numberedPage(request, ids, (id) => {
      const { name, email } = directory.collaborator(id)!;
      return { id, name, email };
    });
  };

  const count = (group: Parameters<typeof groupJson>[0]) =>
    directory.changed ? directory.membersCount(group) : workspace.groupMembersCount(group);

  return [
    { method: 'POST', path: '/api/member_invitations', family: 'collaborators', handle: invite },
    {
      method: 'GET',
      path: '/api/members',
      family: 'collaborators',
      handle: () => ({ status: 200, chunks: members() }),
    },
    {
      method: 'GET',
      path: '/api/members/:id',
      family: 'collaborators',
      handle: (request) => {
        const id = collaboratorId(request);
        return id === undefined
          ? simpleError(404, 'Not found')
          : { status: 200, body: directory.collaborator(id) };
      },
    },
    { method: 'PUT', path: '/api/members/:id', family: 'collaborators', handle: updateRoles },
    {
      method: 'DELETE',
      path: '/api/members/:id',
      family: 'collaborators',
      handle: (request) => {
        const id = collaboratorId(request);
        if (id === undefined) return simpleError(404, 'Not found');
        directory.remove(id);
        return OK;
      },
    },
    {
      method: 'GET',
      path: '/api/user_groups',
      family: 'collaborator-groups',
      handle: (request) => {
        const name = request.url.searchParams.get('name');
        const groups = workspace.groups.filter((group) => contains(name, group.name));
        return numberedPage(request, groups, (group) => groupJson(group, count(group)));
      },
    },
    {
      method: 'GET',
      path: '/api/user_groups/:id',
      family: 'collaborator-groups',
      handle: (request) => {
        const group = workspace.group(request.params.id!);
        if (!group) return jsonApiError(404, 'Collaborator group not found');
        return { status: 200, body: groupJson(group, count(group)) };
      },
    },
    {
      method: 'GET',
      path: '/api/user_groups/:id/members',
      family: 'collaborator-groups',
      handle: groupMembers,
    },
    {
      method: 'POST',
      path: '/api/user_groups/:id/members',
      family: 'collaborator-groups',
      handle: changeMembers(true),
    },
    {
      method: 'DELETE',
      path: '/api/user_groups/:id/members',
      family: 'collaborator-groups',
      handle: changeMembers(false),
    },
  ];
}
