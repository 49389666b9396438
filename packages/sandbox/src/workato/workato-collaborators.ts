import { Random } from '../random.js';
import type { JsonObject } from '../records.js';
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from '../vocabulary/people.js';
import {
  BUILT_IN_LEGACY_ROLES,
  ENVIRONMENT_TYPES,
  formatWithOffset,
  RAILS_TIME_ZONES,
} from '../vocabulary/workato-vocabulary.js';

/** Collaborator ids are sequential integers, as Workato's are, starting here. */
const FIRST_ID = 4941;
const ID_STEP = 17;
const DATA_START = Date.UTC(2019, 5, 1);
const DATA_END = Date.UTC(2025, 9, 1);

/** One environment role of a collaborator, as listed in `roles`. */
export interface CollaboratorRole {
  environment_type: (typeof ENVIRONMENT_TYPES)[number];
  role_name: string;
  role_type: 'privilege_group' | 'environment';
}

/**
 * The workspace's collaborators, derived from `(seed, index)`. Collaborator 1 is a workspace
 * moderator (`federation_manager`); every collaborator has a DEV role, TEST and PROD roles
 * are optional (a missing environment means no access there).
 */
export class WorkatoCollaborators {
  constructor(
    private readonly seed: number,
    readonly count: number,
    private readonly emailDomain: string,
    private readonly legacyRoleNames: readonly string[],
    private readonly environmentRoleNames: readonly string[],
  ) {}

  idOf(index: number): number {
    return FIRST_ID + index * ID_STEP;
  }

  indexOf(id: number): number | undefined {
    const offset = id - FIRST_ID;
    const index = offset / ID_STEP;
    return Number.isInteger(index) && index >= 0 && index < this.count ? index : undefined;
  }

  nameOf(index: number): { name: string; email: string } {
    const random = new Random(this.seed, 'collaborator.name', index);
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    return {
      name: `${first} ${last}`,
      email: `${asciiSlug(first)}.${asciiSlug(last)}${index}@${this.emailDomain}`,
    };
  }

  /** The roles of a collaborator; cheap enough for counting role members. */
  rolesOf(index: number): CollaboratorRole[] {
    const random = new Random(this.seed, 'collaborator.roles', index);
    const roles: CollaboratorRole[] = [];
    for (const environment of ENVIRONMENT_TYPES) {
      if (environment !== 'dev' && !random.chance(environment === 'test' ? 0.6 : 0.5)) continue;
      const legacy = random.chance(0.5) || this.environmentRoleNames.length === 0;
      const names = legacy ? [...BUILT_IN_LEGACY_ROLES, ...this.legacyRoleNames] : this.environmentRoleNames;
      roles.push({
        environment_type: environment,
        role_name: random.pick(names),
        role_type: legacy ? 'privilege_group' : 'environment',
      });
    }
    return roles;
  }

  /** The collaborator object of `GET /api/members`. */
  collaborator(index: number): JsonObject {
    const random = new Random(this.seed, 'collaborator', index);
    const { name, email } = this.nameOf(index);
    const zone = index === 0 ? RAILS_TIME_ZONES[0]! : random.pick(RAILS_TIME_ZONES);
    const created = DATA_START + Math.floor(random.next() * (DATA_END - DATA_START - 30 * 86_400_000));
    const roles = this.rolesOf(index);
    const moderator = index === 1 || (index > 1 && random.chance(0.08));
    const json: JsonObject = {
      id: this.idOf(index),
      grant_type: moderator ? 'federation_manager' : 'team',
      name,
      email,
      external_id: random.chance(0.6) ? `EMP-${String(100 + index).padStart(5, '0')}` : null,
      time_zone: zone.name,
      created_at: formatWithOffset(created, zone.offsetMinutes),
      roles,
      last_activity_log:
        index === 2 || random.chance(0.25)
          ? null
          : {
              id: 900_000 + index * 31 + random.integer(0, 30),
              event_type: random.pick([
                'user_login',
                'recipe_started',
                'connection_updated',
                'recipe_updated',
              ]),
              created_at: formatWithOffset(created + random.integer(1, 700) * 86_400_000, zone.offsetMinutes),
            },
    };
    // Some collaborators still carry the legacy single-environment `role_name`.
    if (index === 3 || random.chance(0.15)) json.role_name = roles[0]!.role_name;
    return json;
  }
}
