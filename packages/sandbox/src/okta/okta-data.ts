import { Random } from '../random.js';
import type { JsonObject } from '../records.js';
import { COMPANIES } from '../vocabulary/organization.js';
import { activeDirectoryAppId, assignmentScope, createOktaApps, type OktaApp } from './okta-apps.js';
import { OktaEdits } from './okta-edits.js';
import { createOktaGroups, type OktaGroup } from './okta-groups.js';
import { OktaLogs } from './okta-logs.js';
import { OktaMemberships } from './okta-memberships.js';
import { createCustomRoles, type OktaCustomRole, orgJson, STANDARD_ROLE_TYPES } from './okta-roles.js';
import { OktaUsers } from './okta-users.js';

/** Settings of a seeded Okta tenant. */
export interface OktaTenantSettings {
  seed: number;
  users: number;
  /** The sandbox origin, used in `_links`. */
  baseUrl: string;
  logEvents: number;
  /** Epoch milliseconds just after the last System Log event. */
  logsEndAt: number;
}

/** Raw counts of what the tenant's endpoints serve, computed by scanning every user once. */
export interface OktaInventory {
  users: number;
  deprovisionedUsers: number;
  /** Users listed by `GET /api/v1/users` without a status search: all but DEPROVISIONED. */
  usersListedByDefault: number;
  groups: number;
  /** Members of each group, by group id. */
  groupMembers: Readonly<Record<string, number>>;
  apps: number;
  activeApps: number;
  /** App users of each app, by app id. */
  appUsers: Readonly<Record<string, number>>;
  appUsersTotal: number;
  appUsersOfActiveApps: number;
  customRoles: number;
  standardRoles: number;
  logEvents: number;
  /** Distinct places in user addresses, deprovisioned users included. */
  locations: number;
  /** Distinct departments in user profiles. */
  departments: number;
}

/**
 * A seeded Okta tenant: users (built on demand), groups, apps, custom roles, the System Log
 * and the org record. Only the small collections live in memory.
 */
export class OktaTenant {
  readonly users: OktaUsers;
  /** The groups, in listing order; `edits` adds and removes some. */
  readonly groups: OktaGroup[];
  readonly apps: readonly OktaApp[];
  readonly customRoles: readonly OktaCustomRole[];
  readonly logs: OktaLogs;
  readonly org: JsonObject;
  readonly activeDirectoryAppId: string;
  /** Changes the data while the server runs: users and groups added, updated, deactivated, deleted. */
  readonly edits: OktaEdits;
  /** Group memberships added and removed since the seed. */
  readonly memberships: OktaMemberships;
  private cachedInventory: OktaInventory | undefined;

  constructor(readonly settings: OktaTenantSettings) {
    const { seed, baseUrl } = settings;
    const company = new Random(seed, 'company').pick(COMPANIES);
    this.users = new OktaUsers(
      seed,
      settings.users,
      `${company.subdomain}.example.com`,
      company.name,
      baseUrl,
    );
    this.memberships = new OktaMemberships(this.users);
    this.groups = createOktaGroups(seed, this.users).map((group) => this.memberships.track(group));
    this.apps = createOktaApps(seed, settings.users, this.groups);
    this.activeDirectoryAppId = activeDirectoryAppId(seed, this.apps.length);
    this.customRoles = createCustomRoles(seed, settings.users);
    this.logs = new OktaLogs(
      seed,
      settings.logEvents,
      settings.logsEndAt,
      this.users,
      this.groups,
      this.apps,
    );
    this.org = orgJson(seed, company, baseUrl);
    this.edits = new OktaEdits(this, () => {
      this.cachedInventory = undefined;
    });
  }

  group(id: string): OktaGroup | undefined {
    return this.groups.find((group) => group.id === id);
  }

  app(id: string): OktaApp | undefined {
    return this.apps.find((app) => app.id === id);
  }

  /** How `userIndex` is assigned to `app`, if at all. */
  assignment(app: OktaApp, userIndex: number): 'USER' | 'GROUP' | undefined {
    return assignmentScope(this.settings.seed, app, this.users, userIndex);
  }

  /**
   * Counts everything once, on first use: a million users take a couple of seconds, which only
   * the callers of `expected`, `inventory` or `expand=stats` pay.
   */
  inventory(): OktaInventory {
    if (this.cachedInventory) return this.cachedInventory;
    const { users, groups, apps } = this;
    let deprovisioned = 0;
    const places = new Set<number>();
    const departments = new Set<number>();
    const groupSlots = Math.max(0, ...groups.map((group) => group.index)) + 1;
    const groupMembers = new Array<number>(groupSlots).fill(0);
    let deleted = 0;
    const appUsers = new Array<number>(apps.length).fill(0);
    for (let index = 0; index < users.count; index++) {
      if (users.isDeleted(index)) {
        deleted++;
        continue;
      }
      if (users.statusOf(index) === 'DEPROVISIONED') deprovisioned++;
      // Users created through the API have the profile they were given, not seeded traits.
      if (!users.createdThroughApi.has(index)) {
        const place = users.placeOf(index);
        if (place) places.add(place.place);
        const department = users.departmentOf(index);
        if (department >= 0) departments.add(department);
      }
      for (const group of groups) if (group.isMember(index)) groupMembers[group.index]!++;
      for (const app of apps) if (this.assignment(app, index)) appUsers[app.index]!++;
    }
    const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
    this.cachedInventory = {
      users: users.count - deleted,
      deprovisionedUsers: deprovisioned,
      usersListedByDefault: users.count - deleted - deprovisioned,
      groups: groups.length,
      groupMembers: Object.fromEntries(groups.map((group) => [group.id, groupMembers[group.index]!])),
      apps: apps.length,
      activeApps: apps.filter((app) => app.status === 'ACTIVE').length,
      appUsers: Object.fromEntries(apps.map((app) => [app.id, appUsers[app.index]!])),
      appUsersTotal: sum(appUsers),
      appUsersOfActiveApps: sum(
        apps.filter((app) => app.status === 'ACTIVE').map((app) => appUsers[app.index]!),
      ),
      customRoles: this.customRoles.length,
      standardRoles: STANDARD_ROLE_TYPES.length,
      logEvents: this.logs.count,
      locations: places.size,
      departments: departments.size,
    };
    return this.cachedInventory;
  }

  /** How many records each unified resource must list (see the README for the rules). */
  expected(): Record<string, number> {
    const inventory = this.inventory();
    return {
      'user-directory/users': inventory.users,
      'user-directory/me': 1,
      'user-directory/groups': inventory.groups,
      'user-directory/roles': inventory.standardRoles + inventory.customRoles,
      'user-directory/activities': inventory.logEvents,
      'hris/employees': inventory.users,
      'hris/companies': 1,
      'hris/groups': inventory.groups,
      'hris/locations': inventory.locations,
      'sso/apps': inventory.apps,
      'sso/app-users': inventory.appUsersTotal,
    };
  }
}
