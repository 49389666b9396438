import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import type { OktaPrincipal } from './okta-auth.js';
import type { OktaTenant } from './okta-data.js';
import { oktaGroupJson } from './okta-groups.js';
import { cursorPage, notFound, pageLimit, queryExpression, startAfter, withQuery } from './okta-http.js';
import type { OktaUser } from './okta-users.js';
import { matchesScimFilter, referencedAttributes } from './scim-match.js';

/** Users, user by id or login, the token's admin, groups and group members. */
export function oktaUserRoutes(tenant: OktaTenant): Route<OktaPrincipal>[] {
  const { users } = tenant;

  /** `q`: starts-with on first name, last name or e-mail; one page only, default 10 records. */
  const quickSearch = (request: SandboxRequest, text: string): SandboxResponse => {
    const limit = pageLimit(request, 10, 200);
    if (typeof limit !== 'number') return limit;
    const prefix = text.toLowerCase();
    const records: OktaUser[] = [];
    for (let index = 0; index < users.count && records.length < limit; index++) {
      if (users.isDeleted(index) || users.statusOf(index) === 'DEPROVISIONED') continue;
      const { firstName, lastName } = users.nameOf(index);
      if (
        [firstName, lastName, users.loginOf(index)].some((value) => value.toLowerCase().startsWith(prefix))
      ) {
        records.push(users.user(index));
      }
    }
    return cursorPage(request, records, undefined, 'separate');
  };

  const listUsers = (request: SandboxRequest): SandboxResponse => {
    const q = request.url.searchParams.get('q');
    if (q !== null) return quickSearch(request, q);
    const limit = pageLimit(request, 200, 200);
    if (typeof limit !== 'number') return limit;
    const { expression, error } = queryExpression(request);
    if (error) return error;
    const start = startAfter(request, (id) => users.ids.decode(id));
    if (typeof start !== 'number') return start;
    const attributes = expression ? referencedAttributes(expression) : new Set<string>();
    // Okta leaves DEPROVISIONED users out unless the query is about status.
    const includeDeprovisioned = attributes.has('status');
    // Expressions on id and status alone are answered without building each user.
    const cheap = [...attributes].every((attribute) => attribute === 'id' || attribute === 'status');
    const records: OktaUser[] = [];
    let index = start;
    for (; index < users.count && records.length < limit; index++) {
      if (users.isDeleted(index)) continue;
      const status = users.statusOf(index);
      if (status === 'DEPROVISIONED' && !includeDeprovisioned) continue;
      if (expression && cheap && !matchesScimFilter(expression, { id: users.ids.encode(index), status }))
        continue;
      const user = users.user(index);
      if (expression && !cheap && !matchesScimFilter(expression, user)) continue;
      records.push(user);
    }
    const last = records.at(-1);
    const more = last !== undefined && records.length === limit && index < users.count;
    return cursorPage(
      request,
      records,
      more ? withQuery(request.url, { after: last.id }) : undefined,
      'separate',
    );
  };

  const getUser = (request: SandboxRequest, principal: OktaPrincipal | undefined): SandboxResponse => {
    const id = request.params.id!;
    if (id === 'me') {
      // `me` is the admin who created the API token; no user stands behind a service app's token.
      return principal?.kind === 'api_token' ? { status: 200, body: users.user(0) } : notFound('me', 'User');
    }
    const index = users.indexOf(id);
    return index === undefined ? notFound(id, 'User') : { status: 200, body: users.user(index) };
  };

  const groupJson = (request: SandboxRequest, group: (typeof tenant.groups)[number]) => {
    const withStats = request.url.searchParams.get('expand')?.split(',').includes('stats');
    const stats = withStats
      ? {
          usersCount: tenant.inventory().groupMembers[group.id] ?? 0,
          appsCount: tenant.apps.filter((app) => app.groups.includes(group)).length,
        }
      : undefined;
    return oktaGroupJson(group, request.url.origin, tenant.activeDirectoryAppId, stats);
  };

  const listGroups = (request: SandboxRequest): SandboxResponse => {
    const limit = pageLimit(request, 10_000, 10_000);
    if (typeof limit !== 'number') return limit;
    const { expression, error } = queryExpression(request);
    if (error) return error;
    // Groups can be deleted, so the cursor is a position in the current list, not a seeded index.
    const start = startAfter(request, (id) => {
      const position = tenant.groups.findIndex((group) => group.id === id);
      return position < 0 ? undefined : position;
    });
    if (typeof start !== 'number') return start;
    const prefix = request.url.searchParams.get('q')?.toLowerCase();
    const candidates = tenant.groups
      .slice(start)
      .filter((group) => prefix === undefined || group.name.toLowerCase().startsWith(prefix))
      .map((group) => groupJson(request, group))
      .filter((json) => !expression || matchesScimFilter(expression, json));
    const records = candidates.slice(0, limit);
    const last = records.at(-1);
    const next =
      last && candidates.length > limit ? withQuery(request.url, { after: String(last.id) }) : undefined;
    return cursorPage(request, records, next, 'joined');
  };

  const listGroupUsers = (request: SandboxRequest): SandboxResponse => {
    const group = tenant.group(request.params.id!);
    if (!group) return notFound(request.params.id!, 'UserGroup');
    const limit = pageLimit(request, 1000, 1000);
    if (typeof limit !== 'number') return limit;
    const start = startAfter(request, (id) => users.ids.decode(id));
    if (typeof start !== 'number') return start;
    const records: OktaUser[] = [];
    let index = start;
    for (; index < users.count && records.length < limit; index++) {
      if (!users.isDeleted(index) && group.isMember(index)) records.push(users.user(index));
    }
    const last = records.at(-1);
    const more = last !== undefined && records.length === limit && index < users.count;
    return cursorPage(
      request,
      records,
      more ? withQuery(request.url, { after: last.id }) : undefined,
      'joined',
    );
  };

  return [
    { method: 'GET', path: '/api/v1/users', family: 'users', scope: 'okta.users.read', handle: listUsers },
    {
      method: 'GET',
      path: '/api/v1/users/:id',
      family: 'user-by-id',
      scope: 'okta.users.read',
      handle: getUser,
    },
    {
      method: 'GET',
      path: '/api/v1/groups',
      family: 'groups',
      scope: 'okta.groups.read',
      handle: listGroups,
    },
    {
      method: 'GET',
      path: '/api/v1/groups/:id',
      family: 'groups',
      scope: 'okta.groups.read',
      handle: (request) => {
        const group = tenant.group(request.params.id!);
        return group
          ? { status: 200, body: groupJson(request, group) }
          : notFound(request.params.id!, 'UserGroup');
      },
    },
    {
      method: 'GET',
      path: '/api/v1/groups/:id/users',
      family: 'groups',
      scope: 'okta.groups.read',
      handle: listGroupUsers,
    },
  ];
}
