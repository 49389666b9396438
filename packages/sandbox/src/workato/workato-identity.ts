import { Random } from '../random.js';
import { type JsonObject, seededUuid } from '../records.js';
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from '../vocabulary/people.js';
import { ENVIRONMENT_TYPES, type EnvironmentType } from '../vocabulary/workato-vocabulary.js';
import { workspaceTime } from './workato-catalog.js';

/** A Workato Identity user: one per person and workspace, whatever the environment. */
export interface IdentityUser {
  id: string;
  email: string;
  full_name: string;
  external_id: string | null;
  /** Epoch milliseconds. */
  created: number;
  updated: number;
}

/** A Workato Identity user group: it lives in one environment. */
export interface IdentityGroup {
  id: string;
  name: string;
  description: string | null;
  environment: EnvironmentType;
  created: number;
  updated: number;
  /** Ids of the member users. */
  members: Set<string>;
}

const DAY = 86_400_000;
const DATA_START = Date.UTC(2025, 0, 6);
const SEEDED_GROUPS: readonly (readonly [EnvironmentType, string, number])[] = [
  ['dev', 'Genie testers', 0.3],
  ['dev', 'MCP builders', 0.2],
  ['test', 'Genie testers', 0.25],
  ['prod', 'HR concierge users', 0.5],
  ['prod', 'Sales assistants', 0.3],
  ['prod', 'Offboarded', 0],
];

/**
 * The Workato Identity directory of a workspace (the identity of Agent Studio, Workato GO and
 * MCP servers), separate from collaborators: users belong to the workspace, user groups to one
 * environment, and which environment an API request sees is the one of its API client. Seeded
 * from `(seed, index)`, then changed by the IAM write endpoints; everything lives in memory.
 */
export class WorkatoIdentity {
  /** Environment ids as `environment_id` filters and group records carry them. */
  readonly environmentIds: Readonly<Record<EnvironmentType, number>>;
  private readonly users = new Map<string, IdentityUser>();
  readonly groups: IdentityGroup[] = [];
  private created = 0;

  constructor(
    private readonly seed: number,
    userCount: number,
    private readonly emailDomain: string,
  ) {
    const random = new Random(seed, 'identity');
    const base = 40_000 + random.integer(0, 9_000);
    this.environmentIds = { dev: base, test: base + 1, prod: base + 2 };
    for (let index = 0; index < userCount; index++) {
      const user = this.seededUser(index);
      this.users.set(user.id, user);
    }
    const userIds = [...this.users.keys()];
    SEEDED_GROUPS.forEach(([environment, name, share], index) => {
      const created = DATA_START + random.integer(0, 200) * DAY;
      const members = userIds.filter(() => random.chance(share));
      this.groups.push({
        id: seededUuid(seed, 7, index),
        name,
        description: index % 2 === 0 ? `People who use ${name.toLowerCase()}` : null,
        environment,
        created,
        updated: created + random.integer(0, 60) * DAY,
        members: new Set(members),
      });
    });
  }

  private seededUser(index: number): IdentityUser {
    const random = new Random(this.seed, 'identity.user', index);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const created = DATA_START + random.integer(0, 300) * DAY;
    return {
      id: seededUuid(this.seed, 5, index),
      email: `${asciiSlug(first)}.${asciiSlug(last)}${index}@${this.emailDomain}`,
      full_name: `${first} ${last}`,
      external_id: random.chance(0.4) ? `E${10_000 + index}` : null,
      created,
      updated: created + random.integer(0, 90) * DAY,
    };
  }

  /** Every user, in creation order. */
  allUsers(): IdentityUser[] {
    return [...this.users.values()];
  }

  user(id: string): IdentityUser | undefined {
    return this.users.get(id);
  }

  userByEmail(email: string): IdentityUser | undefined {
    const wanted = email.toLowerCase();
    return this.allUsers().find((user) => user.email.toLowerCase() === wanted);
  }

  /** A group of `environment`: the groups of other environments do not exist for its clients. */
  group(id: string, environment: EnvironmentType): IdentityGroup | undefined {
    return this.groups.find((group) => group.id === id && group.environment === environment);
  }

  createUser(fields: Pick<IdentityUser, 'email' | 'full_name' | 'external_id'>): IdentityUser {
    const now = Date.now();
    const user = { id: seededUuid(this.seed, 6, this.created++), ...fields, created: now, updated: now };
    this.users.set(user.id, user);
    return user;
  }

  updateUser(
    user: IdentityUser,
    changes: Partial<Pick<IdentityUser, 'email' | 'full_name' | 'external_id'>>,
  ) {
    Object.assign(user, changes, { updated: Date.now() });
  }

  /** Deletes a user for good, memberships included. */
  deleteUser(user: IdentityUser): void {
    this.users.delete(user.id);
    for (const group of this.groups) group.members.delete(user.id);
  }

  createGroup(name: string, description: string | null, environment: EnvironmentType): IdentityGroup {
    const now = Date.now();
    const group: IdentityGroup = {
      id: seededUuid(this.seed, 8, this.created++),
      name,
      description,
      environment,
      created: now,
      updated: now,
      members: new Set(),
    };
    this.groups.push(group);
    return group;
  }

  deleteGroup(group: IdentityGroup): void {
    this.groups.splice(this.groups.indexOf(group), 1);
  }

  setMembers(group: IdentityGroup, userIds: readonly string[], member: boolean): void {
    for (const id of userIds) {
      if (member) group.members.add(id);
      else group.members.delete(id);
    }
    group.updated = Date.now();
  }

  /**
   * The user object, with the groups it belongs to in `environment` only: a client never sees
   * the groups of another environment.
   */
  userJson(user: IdentityUser, environment: EnvironmentType): JsonObject {
    const groups = this.groups.filter(
      (group) => group.members.has(user.id) && group.environment === environment,
    );
    return {
      id: user.id,
      email: user.email,
      full_name: user.full_name,
      external_id: user.external_id,
      user_group_ids: groups.map((group) => group.id),
      created_at: workspaceTime(user.created),
      updated_at: workspaceTime(user.updated),
    };
  }

  groupJson(group: IdentityGroup): JsonObject {
    return {
      id: group.id,
      name: group.name,
      description: group.description,
      environment_id: this.environmentIds[group.environment],
      members_count: group.members.size,
      created_at: workspaceTime(group.created),
      updated_at: workspaceTime(group.updated),
    };
  }

  environmentOfId(id: string): EnvironmentType | undefined {
    return ENVIRONMENT_TYPES.find((environment) => String(this.environmentIds[environment]) === id);
  }
}
