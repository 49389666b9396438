import { Random } from '../random.js';
import type { JsonObject } from '../records.js';
import { COMPANIES } from '../vocabulary/organization.js';
import { ENVIRONMENT_ROLES, LEGACY_ROLE_NAMES } from '../vocabulary/workato-vocabulary.js';
import {
  createEnvironmentRoles,
  createGroups,
  createLegacyRoles,
  type EnvironmentRole,
  type WorkatoGroup,
  workspaceTime,
} from './workato-catalog.js';
import { WorkatoCollaborators } from './workato-collaborators.js';

/** Raw counts of what the workspace's endpoints serve. */
export interface WorkatoInventory {
  collaborators: number;
  groups: number;
  environmentRoles: number;
  legacyRoles: number;
}

/**
 * A seeded Workato workspace: collaborators (built on demand), collaborator groups,
 * environment roles, legacy roles with privilege maps, and the workspace record. Member
 * counts need a pass over every collaborator, so they are computed on first use.
 */
export class WorkatoWorkspace {
  readonly collaborators: WorkatoCollaborators;
  readonly groups: readonly WorkatoGroup[];
  readonly environmentRoles: readonly EnvironmentRole[];
  readonly legacyRoles: readonly JsonObject[];
  readonly me: JsonObject;
  private counts: { groups: Map<string, number>; environmentRoles: Map<string, number> } | undefined;

  constructor(
    readonly seed: number,
    collaboratorCount: number,
  ) {
    const random = new Random(seed, 'workspace');
    const company = random.pick(COMPANIES);
    const environmentRoleCount = 5 + random.integer(0, ENVIRONMENT_ROLES.length - 5);
    this.environmentRoles = createEnvironmentRoles(random, environmentRoleCount);
    const legacyRoleNames = LEGACY_ROLE_NAMES.slice(0, 4 + random.integer(0, LEGACY_ROLE_NAMES.length - 4));
    this.legacyRoles = createLegacyRoles(random, legacyRoleNames, environmentRoleCount);
    this.groups = createGroups(
      seed,
      random,
      1 + Math.min(300, Math.max(3, Math.ceil(collaboratorCount / 8))),
    );
    this.collaborators = new WorkatoCollaborators(
      seed,
      collaboratorCount,
      `${company.subdomain}.example.com`,
      legacyRoleNames,
      this.environmentRoles.map((role) => role.name),
    );
    this.me = {
      id: 17_293 + random.integer(0, 9999),
      name: `${company.subdomain.toUpperCase()}-API`,
      created_at: workspaceTime(Date.UTC(2019, 5, 20, 2, 53, 16, 886)),
      plan_id: 'enterprise_plan',
      current_billing_period_start: workspaceTime(Date.UTC(2025, 8, 23, 2, 15, 11, 372)),
      current_billing_period_end: workspaceTime(Date.UTC(2025, 9, 23, 2, 15, 11, 372)),
      expert: false,
      avatar_url: `https://workato-assets.example.com/profiles/avatars/${company.subdomain}/large/logo.png`,
      recipes_count: random.integer(10, 400),
      interested_applications: [],
      company_name: company.name,
      location: null,
      last_seen: workspaceTime(Date.UTC(2025, 9, 1, 6, 22, 24, 329)),
      contact_phone: null,
      contact_email: null,
      about_me: null,
      email: `api-1@${company.subdomain}.example.com`,
      phone: company.phoneNumber,
      active_recipes_count: random.integer(1, 60),
      root_folder_id: 10_294,
    };
  }

  group(id: string): WorkatoGroup | undefined {
    return this.groups.find((group) => group.id === id);
  }

  private memberCounts() {
    if (this.counts) return this.counts;
    const groups = new Map(this.groups.map((group) => [group.id, 0]));
    const environmentRoles = new Map(this.environmentRoles.map((role) => [role.name, 0]));
    for (let index = 0; index < this.collaborators.count; index++) {
      for (const group of this.groups)
        if (group.isMember(index)) groups.set(group.id, groups.get(group.id)! + 1);
      // A collaborator counts once per role, whatever the number of environments holding it.
      const names = new Set(
        this.collaborators
          .rolesOf(index)
          .filter((role) => role.role_type === 'environment')
          .map((role) => role.role_name),
      );
      for (const name of names) environmentRoles.set(name, (environmentRoles.get(name) ?? 0) + 1);
    }
    this.counts = { groups, environmentRoles };
    return this.counts;
  }

  groupMembersCount(group: WorkatoGroup): number {
    return this.memberCounts().groups.get(group.id) ?? 0;
  }

  environmentRoleMembersCount(role: EnvironmentRole): number {
    return this.memberCounts().environmentRoles.get(role.name) ?? 0;
  }

  inventory(): WorkatoInventory {
    return {
      collaborators: this.collaborators.count,
      groups: this.groups.length,
      environmentRoles: this.environmentRoles.length,
      legacyRoles: this.legacyRoles.length,
    };
  }

  /** How many records each unified resource must list. */
  expected(): Record<string, number> {
    const inventory = this.inventory();
    return {
      'user-directory/users': inventory.collaborators,
      'user-directory/me': 1,
      'user-directory/groups': inventory.groups,
      'user-directory/roles': inventory.environmentRoles + inventory.legacyRoles,
    };
  }
}
