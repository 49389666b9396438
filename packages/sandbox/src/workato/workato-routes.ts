import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import { groupJson } from './workato-catalog.js';
import type { WorkatoWorkspace } from './workato-data.js';
import {
  contains,
  jsonApiError,
  numberedPage,
  simpleError,
  validationError,
  type WorkatoPrincipal,
} from './workato-http.js';

/** The Workato Developer API routes of a workspace. */
export function workatoRoutes(workspace: WorkatoWorkspace): Route<WorkatoPrincipal>[] {
  const { collaborators } = workspace;

  /** Everything at once, streamed: `/members` has no pagination however large the workspace. */
  function* members(): Generator<string> {
    yield '{"data":[';
    for (let index = 0; index < collaborators.count; index++) {
      yield (index === 0 ? '' : ',') + JSON.stringify(collaborators.collaborator(index));
    }
    yield `],"total":${collaborators.count}}`;
  }

  const groupMembers = (request: SandboxRequest): SandboxResponse => {
    const group = workspace.group(request.params.id!);
    if (!group) return jsonApiError(404, 'Collaborator group not found');
    const text = request.url.searchParams.get('text');
    const indexes: number[] = [];
    for (let index = 0; index < collaborators.count; index++) {
      if (!group.isMember(index)) continue;
      const { name, email } = collaborators.nameOf(index);
      if (contains(text, name, email)) indexes.push(index);
    }
    return numberedPage(request, indexes, (index) => ({
      id: collaborators.idOf(index),
      ...collaborators.nameOf(index),
    }));
  };

  const legacyRoles = (request: SandboxRequest): SandboxResponse => {
    const read = (name: string, fallback: number) => {
      const value = Number(request.url.searchParams.get(name) ?? fallback);
      return Number.isInteger(value) && value >= 1 ? value : undefined;
    };
    const page = read('page', 1);
    const perPage = read('per_page', 100);
    if (page === undefined) return validationError('page', 'must be a whole number greater than 0');
    if (perPage === undefined) return validationError('per_page', 'must be a whole number greater than 0');
    return { status: 200, body: workspace.legacyRoles.slice((page - 1) * perPage, page * perPage), page };
  };

  return [
    {
      method: 'GET',
      path: '/api/users/me',
      family: 'workspace',
      handle: () => ({ status: 200, body: workspace.me }),
    },
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
        const index = collaborators.indexOf(Number(request.params.id));
        return index === undefined
          ? simpleError(404, 'Not found')
          : { status: 200, body: collaborators.collaborator(index) };
      },
    },
    {
      method: 'GET',
      path: '/api/user_groups',
      family: 'collaborator-groups',
      handle: (request) => {
        const name = request.url.searchParams.get('name');
        const groups = workspace.groups.filter((group) => contains(name, group.name));
        return numberedPage(request, groups, (group) => groupJson(group, workspace.groupMembersCount(group)));
      },
    },
    {
      method: 'GET',
      path: '/api/user_groups/:id',
      family: 'collaborator-groups',
      handle: (request) => {
        const group = workspace.group(request.params.id!);
        if (!group) return jsonApiError(404, 'Collaborator group not found');
        return { status: 200, body: groupJson(group, workspace.groupMembersCount(group)) };
      },
    },
    {
      method: 'GET',
      path: '/api/user_groups/:id/members',
      family: 'collaborator-groups',
      handle: groupMembers,
    },
    {
      method: 'GET',
      path: '/api/environment_roles',
      family: 'environment-roles',
      handle: (request) => {
        const name = request.url.searchParams.get('name');
        const roles = workspace.environmentRoles.filter((role) => contains(name, role.name));
        return numberedPage(request, roles, (role) => ({
          ...role,
          members_count: workspace.environmentRoleMembersCount(role),
        }));
      },
    },
    { method: 'GET', path: '/api/roles', family: 'roles', handle: legacyRoles },
  ];
}
