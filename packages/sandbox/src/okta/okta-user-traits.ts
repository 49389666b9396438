import { Random } from '../random.js';
import { createIdCodec, type IdCodec, type JsonObject } from '../records.js';
import { DEPARTMENTS, USER_TYPES } from '../vocabulary/organization.js';
import { asciiSlug, FIRST_NAMES, LAST_NAMES } from '../vocabulary/people.js';
import { PLACE_SPELLINGS, PLACES } from '../vocabulary/places.js';

/** The eight values of Okta's `User.status`. */
export const OKTA_USER_STATUSES = [
  'ACTIVE',
  'STAGED',
  'PROVISIONED',
  'RECOVERY',
  'PASSWORD_EXPIRED',
  'LOCKED_OUT',
  'SUSPENDED',
  'DEPROVISIONED',
] as const;
export type OktaUserStatus = (typeof OKTA_USER_STATUSES)[number];

const STATUS_WEIGHTS: readonly (readonly [OktaUserStatus, number])[] = [
  ['ACTIVE', 70],
  ['STAGED', 3],
  ['PROVISIONED', 5],
  ['RECOVERY', 2],
  ['PASSWORD_EXPIRED', 3],
  ['LOCKED_OUT', 3],
  ['SUSPENDED', 6],
  ['DEPROVISIONED', 8],
];

/** Users 1 to 8 take the eight statuses in order, so even a tiny tenant shows every status. */
const SHOWCASE_STATUS_END = 1 + OKTA_USER_STATUSES.length;
/** Users 9 to 11 live at place 0, written three different ways. */
const SHOWCASE_PLACE_START = SHOWCASE_STATUS_END;

/** Most addresses use the canonical spelling; the others vary case and spacing. */
const SPELLING_WEIGHTS = [
  [0, 70],
  [1, 15],
  [2, 15],
] as const;

/** Seeded users are created in this period, independently of the wall clock, for determinism. */
export const DATA_START = Date.UTC(2016, 0, 4);
export const DATA_END = Date.UTC(2025, 9, 1);

/** What Okta records about a user created through the API, besides its profile. */
export interface CreatedUser {
  /** Epoch milliseconds. */
  created: number;
  activated: number | null;
  statusChanged: number | null;
  passwordChanged: number | null;
  /** The `credentials` object as Okta returns it: never a password value. */
  credentials: JsonObject;
}

/** Where a user's address points: a {@link PLACES} index and the spelling variant used. */
export interface PlaceChoice {
  place: number;
  variant: number;
}

/**
 * Remembers the last answer of a per-user function. Counting scans ask several group rules
 * about the same user in a row (ten department groups all need the department), so one entry
 * is enough to compute each trait once per user.
 */
function rememberLast<T>(compute: (index: number) => T): (index: number) => T {
  let lastIndex = -1;
  let lastValue: T;
  return (index) => {
    if (index !== lastIndex) {
      lastValue = compute(index);
      lastIndex = index;
    }
    return lastValue;
  };
}

/**
 * The cheap, independent traits of seeded users. Each trait comes from its own random stream
 * keyed by the user index, so questions such as "is user i deprovisioned?" or "where does user
 * i work?" never build the whole user, and scanning a million users for counts stays fast.
 * User 0 is the administrator behind the API token.
 */
export class OktaUserTraits {
  /** Encodes user indexes as `00u...` ids and back. */
  readonly ids: IdCodec;
  /** Statuses changed since the seed, by user index (see `OktaEdits`). */
  readonly statusChanges = new Map<number, OktaUserStatus>();
  /** Indexes of deleted users: they keep their index, so no other id moves. */
  readonly deleted = new Set<number>();
  /**
   * Users created through `POST /api/v1/users`, by index: their record comes from the request,
   * not from the seed, so no seeded trait (department, place, app assignment) applies to them.
   */
  readonly createdThroughApi = new Map<number, CreatedUser>();
  private total: number;

  constructor(
    protected readonly seed: number,
    count: number,
    protected readonly emailDomain: string,
  ) {
    this.total = count;
    this.ids = createIdCodec(seed, '00u', () => this.total);
  }

  /** Users ever created, deleted ones included: every index below this is a user or a deleted one. */
  get count(): number {
    return this.total;
  }

  /** Adds a user at the next index, built from the seed like every other one. */
  grow(): number {
    return this.total++;
  }

  isDeleted(index: number): boolean {
    return this.deleted.has(index);
  }

  statusOf(index: number): OktaUserStatus {
    return this.statusChanges.get(index) ?? this.seededStatusOf(index);
  }

  private readonly seededStatusOf = rememberLast((index): OktaUserStatus => {
    if (index === 0) return 'ACTIVE';
    if (index < SHOWCASE_STATUS_END) return OKTA_USER_STATUSES[index - 1]!;
    return new Random(this.seed, 'user.status', index).weighted(STATUS_WEIGHTS);
  });

  /** Index into {@link DEPARTMENTS}, or -1 for a user without a department. */
  readonly departmentOf = rememberLast((index): number => {
    if (index === 0) return DEPARTMENTS.findIndex((department) => department.name === 'IT');
    const random = new Random(this.seed, 'user.department', index);
    return random.chance(0.06) ? -1 : random.integer(0, DEPARTMENTS.length - 1);
  });

  /** `profile.userType`, in one of its many spellings, or undefined when absent. */
  readonly userTypeOf = rememberLast((index): string | undefined => {
    if (index === 0) return 'Employee';
    return new Random(this.seed, 'user.type', index).weighted(USER_TYPES);
  });

  /** The place a user's address fields describe; undefined for users without an address. */
  readonly placeOf = rememberLast((index): PlaceChoice | undefined => {
    if (index >= SHOWCASE_PLACE_START && index < SHOWCASE_PLACE_START + PLACE_SPELLINGS) {
      return { place: 0, variant: index - SHOWCASE_PLACE_START };
    }
    const random = new Random(this.seed, 'user.place', index);
    if (random.chance(0.15)) return undefined;
    const place = random.integer(0, PLACES.length - 1);
    return { place, variant: random.weighted(SPELLING_WEIGHTS) };
  });

  /** The manager's index: a tree with fan-out 8, and about one user in ten without manager. */
  managerOf(index: number): number | undefined {
    if (index === 0 || new Random(this.seed, 'user.manager', index).chance(0.1)) return undefined;
    return Math.floor((index - 1) / 8);
  }

  /** The name the user was seeded with, whatever edits changed since. */
  seededNameOf(index: number): { firstName: string; lastName: string } {
    const random = new Random(this.seed, 'user.name', index);
    return { firstName: random.pick(FIRST_NAMES), lastName: random.pick(LAST_NAMES) };
  }

  /** The user's current first and last name. */
  nameOf(index: number): { firstName: string; lastName: string } {
    return this.seededNameOf(index);
  }

  /** The login and primary e-mail; the index suffix keeps every address unique. */
  loginOf(index: number): string {
    const { firstName, lastName } = this.seededNameOf(index);
    return `${asciiSlug(firstName)}.${asciiSlug(lastName)}${index}@${this.emailDomain}`;
  }

  /** The index behind an id or a login (Okta accepts both in `/users/{idOrLogin}`). */
  indexOf(idOrLogin: string): number | undefined {
    const byId = this.ids.decode(idOrLogin);
    if (byId !== undefined) return this.isDeleted(byId) ? undefined : byId;
    const match = /(\d+)@/.exec(idOrLogin);
    if (!match) return undefined;
    const index = Number(match[1]);
    return index < this.count && !this.isDeleted(index) && this.loginOf(index) === idOrLogin.toLowerCase()
      ? index
      : undefined;
  }
}
