import type { JsonObject } from '../records.js';
import type { Route, SandboxRequest, SandboxResponse } from '../routes.js';
import { type OktaApp, oktaAppJson, oktaAppUserJson } from './okta-apps.js';
import type { OktaPrincipal } from './okta-auth.js';
import type { OktaTenant } from './okta-data.js';
import {
  cursorPage,
  linkHeader,
  notFound,
  pageLimit,
  queryExpression,
  startAfter,
  withQuery,
} from './okta-http.js';
import { customRoleJson, rolePermissionsJson } from './okta-roles.js';
import { matchesScimFilter, referencedAttributes } from './scim-match.js';

/** `/api/v1/iam/roles` has no documented page size; a small one makes its body links matter. */
const ROLES_PAGE_SIZE = 5;

/** Apps, app users, custom admin roles and the org record. */
export function oktaAppRoutes(tenant: OktaTenant): Route<OktaPrincipal>[] {
  const { users } = tenant;
  const orgId = String(tenant.org.id);

  const appUserJson = (
    request: SandboxRequest,
    app: OktaApp,
    index: number,
    scope: 'USER' | 'GROUP',
  ): JsonObject => {
    const user = users.user(index);
    const json = oktaAppUserJson(tenant.settings.seed, app, user, scope, index, request.url.origin);
    if (request.url.searchParams.get('expand') === 'user') json._embedded = { user };
    return json;
  };

  const listApps = (request: SandboxRequest): SandboxResponse => {
    const limit = pageLimit(request, 20, 200);
    if (typeof limit !== 'number') return limit;
    const { expression, error } = queryExpression(request);
    if (error) return error;
    const start = startAfter(request, (id) => tenant.app(id)?.index);
    if (typeof start !== 'number') return start;
    // Only ACTIVE apps unless asked for the others ("non-active, but not deleted").
    const withInactive =
      request.url.searchParams.get('includeNonDeleted') === 'true' ||
      (expression !== undefined && referencedAttributes(expression).has('status'));
    const prefix = request.url.searchParams.get('q')?.toLowerCase();
    const candidates = tenant.apps
      .slice(start)
      .filter((app) => withInactive || app.status === 'ACTIVE')
      .filter(
        (app) =>
          prefix === undefined || [app.name, app.label].some((text) => text.toLowerCase().startsWith(prefix)),
      )
      .map((app) => oktaAppJson(app, request.url.origin, orgId))
      .filter((json) => !expression || matchesScimFilter(expression, json));
    const records = candidates.slice(0, limit);
    const last = records.at(-1);
    const next =
      last && candidates.length > limit ? withQuery(request.url, { after: String(last.id) }) : undefined;
    return cursorPage(request, records, next, 'separate');
  };

  const listAppUsers = (request: SandboxRequest): SandboxResponse => {
    const app = tenant.app(request.params.id!);
    if (!app) return notFound(request.params.id!, 'AppInstance');
    const limit = pageLimit(request, 50, 500);
    if (typeof limit !== 'number') return limit;
    const start = startAfter(request, (id) => users.ids.decode(id));
    if (typeof start !== 'number') return start;
    const records: JsonObject[] = [];
    let index = start;
    for (; index < users.count && records.length < limit; index++) {
      const scope = tenant.assignment(app, index);
      if (scope) records.push(appUserJson(request, app, index, scope));
    }
    const last = records.at(-1);
    const more = last !== undefined && records.length === limit && index < users.count;
    return cursorPage(
      request,
      records,
      more ? withQuery(request.url, { after: String(last.id) }) : undefined,
      'joined',
    );
  };

  const getAppUser = (request: SandboxRequest): SandboxResponse => {
    const app = tenant.app(request.params.id!);
    if (!app) return notFound(request.params.id!, 'AppInstance');
    const index = users.ids.decode(request.params.userId!);
    const scope = index === undefined ? undefined : tenant.assignment(app, index);
    if (index === undefined || !scope) return notFound(request.params.userId!, 'AppUser');
    return { status: 200, body: appUserJson(request, app, index, scope) };
  };

  /** Custom roles in an envelope; the next link is in the body, the `link` header has only `self`. */
  const listRoles = (request: SandboxRequest): SandboxResponse => {
    const limit = pageLimit(request, ROLES_PAGE_SIZE, 100);
    if (typeof limit !== 'number') return limit;
    const start = startAfter(request, (id) => {
      const index = tenant.customRoles.findIndex((role) => role.id === id);
      return index < 0 ? undefined : index;
    });
    if (typeof start !== 'number') return start;
    const roles = tenant.customRoles.slice(start, start + limit);
    const last = roles.at(-1);
    const page = request.faults.pageOf(request.url, 'after');
    const more = last !== undefined && start + limit < tenant.customRoles.length;
    const next = more
      ? request.faults.nextLink(page, request.url, withQuery(request.url, { after: last.id }))
      : undefined;
    return {
      status: 200,
      headers: { link: linkHeader('joined', request.url, undefined) },
      body: {
        roles: roles.map((role) => customRoleJson(role, request.url.origin)),
        _links: next ? { next: { href: next.href } } : {},
      },
      page,
    };
  };

  const findRole = (request: SandboxRequest) =>
    tenant.customRoles.find((role) => role.id === request.params.id || role.label === request.params.id);
  /** A route answering one custom role (by id or label) as `toJson` shapes it, or Okta's 404. */
  const roleRoute = (
    path: string,
    toJson: (role: NonNullable<ReturnType<typeof findRole>>, origin: string) => unknown,
  ): Route<OktaPrincipal> => ({
    method: 'GET',
    path,
    family: 'iam',
    scope: 'okta.roles.read',
    handle: (request) => {
      const role = findRole(request);
      return role
        ? { status: 200, body: toJson(role, request.url.origin) as JsonObject }
        : notFound(request.params.id!, 'Role');
    },
  });

  return [
    { method: 'GET', path: '/api/v1/apps', family: 'apps', scope: 'okta.apps.read', handle: listApps },
    {
      method: 'GET',
      path: '/api/v1/apps/:id',
      family: 'app-by-id',
      scope: 'okta.apps.read',
      handle: (request) => {
        const app = tenant.app(request.params.id!);
        if (!app) return notFound(request.params.id!, 'AppInstance');
        return { status: 200, body: oktaAppJson(app, request.url.origin, orgId) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/apps/:id/users',
      family: 'apps',
      scope: 'okta.apps.read',
      handle: listAppUsers,
    },
    {
      method: 'GET',
      path: '/api/v1/apps/:id/users/:userId',
      family: 'apps',
      scope: 'okta.apps.read',
      handle: getAppUser,
    },
    { method: 'GET', path: '/api/v1/iam/roles', family: 'iam', scope: 'okta.roles.read', handle: listRoles },
    roleRoute('/api/v1/iam/roles/:id', customRoleJson),
    roleRoute('/api/v1/iam/roles/:id/permissions', rolePermissionsJson),
    {
      method: 'GET',
      path: '/api/v1/org',
      family: 'org',
      scope: 'okta.orgs.read',
      handle: () => ({ status: 200, body: tenant.org }),
    },
  ];
}
