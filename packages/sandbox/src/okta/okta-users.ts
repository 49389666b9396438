import { Random } from '../random.js';
import { createIdCodec, type JsonObject } from '../records.js';
import { DEPARTMENTS } from '../vocabulary/organization.js';
import { asciiSlug, NICK_NAMES, PERSONAL_EMAIL_DOMAINS } from '../vocabulary/people.js';
import { PLACES, phoneNumber, spellPlace } from '../vocabulary/places.js';
import {
  type CreatedUser,
  DATA_END,
  DATA_START,
  type OktaUserStatus,
  OktaUserTraits,
} from './okta-user-traits.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** An Okta User object as the Management API returns it. */
export interface OktaUser extends JsonObject {
  id: string;
  status: OktaUserStatus;
  created: string;
  lastUpdated: string;
  profile: JsonObject;
}

const CREDENTIAL_PROVIDERS: readonly (readonly [{ type: string; name: string }, number])[] = [
  [{ type: 'OKTA', name: 'OKTA' }, 85],
  [{ type: 'ACTIVE_DIRECTORY', name: 'corp.example.com' }, 10],
  [{ type: 'FEDERATION', name: 'FEDERATION' }, 5],
];

/** What changed on a user after seeding: profile values, and when (the new `lastUpdated`). */
export interface UserEdit {
  profile: JsonObject;
  /** Epoch milliseconds of the last change. */
  at: number;
  /** Epoch milliseconds of creation, for users added after seeding. */
  created?: number;
  /**
   * The profile stands alone instead of adding to the seeded one: users created through the
   * API, and profiles replaced by `PUT /api/v1/users/{id}`, which drops every attribute it omits.
   */
  replacesProfile?: boolean;
}

const ADDRESS_KEYS = ['streetAddress', 'city', 'state', 'zipCode', 'countryCode'] as const;

/**
 * The seeded user population of an Okta tenant: {@link OktaUserTraits} plus the full User
 * object, built on demand. Optional attributes are sometimes absent and, for `mobilePhone` and
 * `secondEmail`, sometimes `null`, as Okta returns them.
 */
export class OktaUsers extends OktaUserTraits {
  private readonly userTypeId: string;
  /** Changes made since the seed, by user index (see `OktaEdits`). */
  readonly edits = new Map<number, UserEdit>();

  constructor(
    seed: number,
    count: number,
    emailDomain: string,
    private readonly organization: string,
    private readonly baseUrl: string,
  ) {
    super(seed, count, emailDomain);
    this.userTypeId = createIdCodec(seed, 'oty', 1).encode(0);
  }

  private profileOf(index: number, random: Random): JsonObject {
    const { firstName, lastName } = this.seededNameOf(index);
    const login = this.loginOf(index);
    const choice = this.placeOf(index);
    const place = choice ? spellPlace(PLACES[choice.place]!, choice.variant) : undefined;
    // People without an address still have a locale and a time zone.
    const home = place ?? PLACES[random.integer(0, PLACES.length - 1)]!;
    const department = DEPARTMENTS[this.departmentOf(index)];
    const userType = this.userTypeOf(index);
    const managerIndex = this.managerOf(index);

    const profile: JsonObject = {
      firstName,
      lastName,
      mobilePhone: random.chance(0.6) ? phoneNumber(random, home.countryCode) : null,
      secondEmail: random.chance(0.3)
        ? `${asciiSlug(firstName)}${random.integer(1, 99)}@${random.pick(PERSONAL_EMAIL_DOMAINS)}`
        : null,
      login,
      email: login,
      displayName: `${firstName} ${lastName}`,
    };
    if (random.chance(0.1)) profile.nickName = random.pick(NICK_NAMES);
    if (random.chance(0.4)) profile.primaryPhone = phoneNumber(random, home.countryCode);
    if (index === 0) profile.title = 'IT Administrator';
    else if (department && random.chance(0.95)) profile.title = random.pick(department.titles);
    if (userType !== undefined) profile.userType = userType;
    if (random.chance(0.92)) {
      const contractor = /contractor/i.test(userType ?? '');
      profile.employeeNumber = contractor ? `C-${10_000 + index}` : String(1000 + index);
    }
    profile.organization = this.organization;
    if (department) {
      profile.division = department.division;
      profile.department = department.name;
      profile.costCenter = department.costCenter;
    }
    if (managerIndex !== undefined) {
      profile.managerId = this.ids.encode(managerIndex);
      if (random.chance(0.6)) {
        const manager = this.seededNameOf(managerIndex);
        profile.manager = `${manager.firstName} ${manager.lastName}`;
      }
    }
    for (const key of ADDRESS_KEYS) {
      if (place?.[key] !== undefined) profile[key] = place[key];
    }
    profile.locale = home.locale;
    profile.preferredLanguage = home.locale.replace('_', '-');
    profile.timezone = home.timezone;
    return profile;
  }

  /** First and last name as edits left them (a replaced profile may have none). */
  override nameOf(index: number): { firstName: string; lastName: string } {
    const edit = this.edits.get(index);
    if (!edit) return super.nameOf(index);
    const before = edit.replacesProfile ? { firstName: '', lastName: '' } : super.nameOf(index);
    const text = (value: unknown, fallback: string) => (typeof value === 'string' ? value : fallback);
    return {
      firstName: text(edit.profile.firstName, before.firstName),
      lastName: text(edit.profile.lastName, before.lastName),
    };
  }

  override loginOf(index: number): string {
    const login = this.edits.get(index)?.profile.login;
    return typeof login === 'string' ? login : super.loginOf(index);
  }

  /** Also finds users by a login that edits gave them (created users, changed logins). */
  override indexOf(idOrLogin: string): number | undefined {
    if (this.ids.decode(idOrLogin) !== undefined) return super.indexOf(idOrLogin);
    const wanted = idOrLogin.toLowerCase();
    for (const [index, edit] of this.edits) {
      const login = edit.profile.login;
      if (typeof login === 'string' && login.toLowerCase() === wanted && !this.isDeleted(index)) return index;
    }
    return super.indexOf(idOrLogin);
  }

  /** The User object of a user created through the API: everything comes from its requests. */
  private createdUser(index: number, created: CreatedUser, edit: UserEdit | undefined): OktaUser {
    const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
    const id = this.ids.encode(index);
    return {
      id,
      status: this.statusOf(index),
      created: new Date(created.created).toISOString(),
      activated: iso(created.activated),
      statusChanged: iso(created.statusChanged),
      lastLogin: null,
      lastUpdated: new Date(edit?.at ?? created.created).toISOString(),
      passwordChanged: iso(created.passwordChanged),
      type: { id: this.userTypeId },
      profile: { ...edit?.profile },
      credentials: created.credentials,
      _links: { self: { href: `${this.baseUrl}/api/v1/users/${id}` } },
    };
  }

  /** The complete Okta User object of user `index`. */
  user(index: number): OktaUser {
    const createdThroughApi = this.createdThroughApi.get(index);
    if (createdThroughApi) return this.createdUser(index, createdThroughApi, this.edits.get(index));
    const status = this.statusOf(index);
    const random = new Random(this.seed, 'user.details', index);
    const profile = this.profileOf(index, random);
    const neverActivated = status === 'STAGED' || status === 'PROVISIONED';

    const created = DATA_START + Math.floor(random.next() * (DATA_END - DATA_START - 400 * DAY));
    if (random.chance(0.7)) {
      // A custom attribute: Okta has no base hire date, tenants add their own.
      profile.hireDate = new Date(created - random.integer(0, 30) * DAY).toISOString().slice(0, 10);
    }
    const activated = neverActivated ? null : created + random.integer(1, 48) * HOUR;
    const since = activated ?? created;
    const statusChanged = status === 'STAGED' ? null : since + random.integer(0, 380) * DAY;
    const lastLogin = neverActivated || random.chance(0.1) ? null : since + random.integer(1, 390) * DAY;
    const provider = random.weighted(CREDENTIAL_PROVIDERS);
    const hasPassword = !neverActivated && provider.type === 'OKTA';
    const passwordChanged = hasPassword ? since + random.integer(0, 300) * DAY : null;
    const lastUpdated =
      Math.max(created, statusChanged ?? 0, passwordChanged ?? 0) + random.integer(0, 9) * DAY;
    const credentials: JsonObject = hasPassword
      ? { password: {}, recovery_question: { question: "What's my childhood elementary school?" }, provider }
      : { provider };

    const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());
    const id = this.ids.encode(index);
    const edit = this.edits.get(index);
    if (edit) {
      if (edit.replacesProfile) for (const key of Object.keys(profile)) delete profile[key];
      Object.assign(profile, edit.profile);
    }
    return {
      id,
      status,
      created: new Date(edit?.created ?? created).toISOString(),
      activated: iso(activated),
      statusChanged: iso(edit && this.statusChanges.has(index) ? edit.at : statusChanged),
      lastLogin: iso(lastLogin),
      lastUpdated: new Date(edit?.at ?? lastUpdated).toISOString(),
      passwordChanged: iso(passwordChanged),
      type: { id: this.userTypeId },
      profile,
      credentials,
      _links: { self: { href: `${this.baseUrl}/api/v1/users/${id}` } },
    };
  }
}
