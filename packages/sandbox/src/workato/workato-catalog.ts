import { hashLabel, type Random, unitHash } from '../random.js';
import type { JsonObject } from '../records.js';
import {
  ENVIRONMENT_ROLES,
  formatWithOffset,
  GROUP_NAMES,
  PRIVILEGE_RESOURCES,
} from '../vocabulary/workato-vocabulary.js';

const DAY = 86_400_000;
/** The workspace's own records are stamped in Workato's home time zone. */
const PACIFIC = -420;
const CATALOG_START = Date.UTC(2019, 5, 19);
const GROUP_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Formats a time the way Workato stamps workspace records. */
export function workspaceTime(time: number): string {
  return formatWithOffset(time, PACIFIC);
}

/** An environment role (`/api/environment_roles`); `members_count` is added when listed. */
export interface EnvironmentRole {
  id: number;
  name: string;
  type: string;
  created_at: string;
  updated_at: string;
}

/** The first `count` environment roles: the three system roles, then custom and inherited ones. */
export function createEnvironmentRoles(random: Random, count: number): EnvironmentRole[] {
  return ENVIRONMENT_ROLES.slice(0, count).map(([name, type], index) => {
    const created = CATALOG_START + random.integer(0, 900) * DAY;
    const updated = created + random.integer(0, 90) * DAY;
    return {
      id: index + 1,
      name,
      type,
      created_at: workspaceTime(created),
      updated_at: workspaceTime(updated),
    };
  });
}

/**
 * Legacy custom roles (`/api/roles`) with privilege maps. The first one reuses the last
 * environment role's id: the two id spaces overlap on Workato, which is why unified role ids
 * carry a source prefix.
 */
export function createLegacyRoles(random: Random, names: readonly string[], firstId: number): JsonObject[] {
  let id = firstId;
  return names.map((name, index) => {
    if (index > 0) id += random.integer(1, 40);
    const created = CATALOG_START + random.integer(0, 1200) * DAY;
    const privileges: Record<string, string[]> = {};
    for (const [resource, actions] of PRIVILEGE_RESOURCES) {
      if (!random.chance(0.6)) continue;
      privileges[resource] = actions.filter((_, position) => position === 0 || random.chance(0.5));
    }
    return {
      id,
      name,
      inheritable: random.chance(0.3),
      folder_ids: Array.from({ length: random.integer(0, 3) }, () => 10_000 + random.integer(0, 999)),
      created_at: workspaceTime(created),
      updated_at: workspaceTime(created + random.integer(0, 200) * DAY),
      privileges,
    };
  });
}

/** A collaborator group and the rule deciding its members. */
export interface WorkatoGroup {
  id: string;
  name: string;
  description: string | null;
  system: boolean;
  created_at: string;
  updated_at: string;
  isMember(collaboratorIndex: number): boolean;
}

/**
 * "All collaborators" (a system group holding everyone), then named groups holding about a
 * third of the collaborators each; the third named group is empty on purpose.
 */
export function createGroups(seed: number, random: Random, count: number): WorkatoGroup[] {
  const ids = new Set<string>();
  const groups: WorkatoGroup[] = [];
  for (let index = 0; index < count; index++) {
    let id: string;
    do {
      const letters = random.characters(2, 'abcdefghijklmnopqrstuvwxyz');
      id = `${letters}-${random.characters(8, GROUP_ID_ALPHABET)}-${random.characters(6, GROUP_ID_ALPHABET)}`;
    } while (ids.has(id));
    ids.add(id);
    const system = index === 0;
    const name = system ? 'All collaborators' : (GROUP_NAMES[index - 1] ?? `Squad ${index}`);
    const key = hashLabel(`group.${index}`);
    const created = CATALOG_START + random.integer(0, 1500) * DAY;
    groups.push({
      id,
      name,
      description: system ? null : random.chance(0.5) ? `Group for ${name.toLowerCase()}` : null,
      system,
      created_at: workspaceTime(created),
      updated_at: workspaceTime(created + random.integer(0, 100) * DAY),
      isMember: system
        ? () => true
        : index === 3
          ? () => false
          : (member) => unitHash(seed, key, member) < 0.3,
    });
  }
  return groups;
}

/** The collaborator group object. */
export function groupJson(group: WorkatoGroup, membersCount: number): JsonObject {
  const { id, name, description, system, created_at, updated_at } = group;
  return { id, name, description, members_count: membersCount, system, created_at, updated_at };
}
