import { hashLabel, Random, unitHash } from '../random.js';
import type { JsonObject } from '../records.js';
import { createIdCodec } from '../records.js';
import { DEPARTMENTS } from '../vocabulary/organization.js';
import { DATA_START, type OktaUserTraits } from './okta-user-traits.js';

type OktaGroupType = 'OKTA_GROUP' | 'APP_GROUP' | 'BUILT_IN';

/** A group and the rule that decides which users belong to it. */
export interface OktaGroup {
  index: number;
  id: string;
  type: OktaGroupType;
  name: string;
  description: string | null;
  isMember(userIndex: number): boolean;
  /** Extra `profile` attributes, such as the Active Directory ones of APP_GROUPs. */
  profileExtras?: JsonObject;
  created: number;
  lastUpdated: number;
  lastMembershipUpdated: number;
}

const PROJECT_NAMES = [
  'Apollo',
  'Borealis',
  'Čerešňa',
  'Delta',
  'Éclair',
  'Fjord',
  'Gemini',
  'Hōkū',
  'Ibis',
  'Juno',
];
const DAY = 86_400_000;

interface GroupDraft {
  type: OktaGroupType;
  name: string;
  description: string | null;
  isMember(userIndex: number): boolean;
  profileExtras?: JsonObject;
}

function activeDirectoryProfile(name: string, random: Random): JsonObject {
  return {
    groupType: 'Security',
    samAccountName: name,
    objectSid: `S-1-5-21-717838489-685202119-709183397-${random.integer(1100, 9999)}`,
    groupScope: 'Global',
    dn: `CN=${name},OU=Groups,DC=corp,DC=example,DC=com`,
    windowsDomainQualifiedName: `CORP\\${name}`,
    externalId: Buffer.from(random.characters(16, 'abcdef0123456789')).toString('base64'),
  };
}

/**
 * The groups of a seeded tenant: the built-in Everyone group, one group per department,
 * a few rule-like groups, Active Directory APP_GROUPs, an empty group and, for larger tenants,
 * project groups. Memberships are rules over user attributes or seeded hashes, never lists.
 */
export function createOktaGroups(seed: number, users: OktaUserTraits): OktaGroup[] {
  const random = new Random(seed, 'groups');
  const sampled = (label: string, share: number) => {
    const key = hashLabel(label);
    return (userIndex: number) => unitHash(seed, key, userIndex) < share;
  };
  const engineering = DEPARTMENTS.findIndex((department) => department.name === 'Engineering');
  const inEngineering = sampled('group.engineering-users', 0.8);
  const drafts: GroupDraft[] = [
    {
      type: 'BUILT_IN',
      name: 'Everyone',
      description: 'All users in your organization',
      isMember: () => true,
    },
    ...DEPARTMENTS.map((department, departmentIndex) => ({
      type: 'OKTA_GROUP' as const,
      name: department.name,
      description: `All users in the ${department.name} department`,
      isMember: (userIndex: number) => users.departmentOf(userIndex) === departmentIndex,
    })),
    {
      type: 'OKTA_GROUP',
      name: 'Contractors',
      description: null,
      isMember: (userIndex) => /contractor/i.test(users.userTypeOf(userIndex) ?? ''),
    },
    {
      type: 'OKTA_GROUP',
      name: 'West Coast users',
      description: 'All users West of The Rockies',
      isMember: (userIndex) => [0, 1, 4].includes(users.placeOf(userIndex)?.place ?? -1),
    },
    {
      type: 'OKTA_GROUP',
      name: 'VPN Users',
      description: 'Remote access',
      isMember: sampled('group.vpn', 0.3),
    },
    {
      type: 'OKTA_GROUP',
      name: 'Okta Administrators',
      description: 'Admins of this org',
      isMember: (userIndex) => userIndex < 4,
    },
    {
      type: 'OKTA_GROUP',
      name: 'Legacy Contractors 2019',
      description: 'Kept for audits',
      isMember: () => false,
    },
    {
      type: 'APP_GROUP',
      name: 'Engineering users',
      description: 'All users in the engineering department',
      isMember: (userIndex) => users.departmentOf(userIndex) === engineering && inEngineering(userIndex),
    },
    {
      type: 'APP_GROUP',
      name: 'Domain Users',
      description: null,
      isMember: sampled('group.domain-users', 0.45),
    },
  ];
  for (
    let project = 0;
    project < Math.min(PROJECT_NAMES.length, Math.floor(Math.log2(users.count + 1) / 2));
    project++
  ) {
    const name = `Project ${PROJECT_NAMES[project]}`;
    drafts.push({ type: 'OKTA_GROUP', name, description: null, isMember: sampled(`group.${name}`, 0.05) });
  }
  const ids = createIdCodec(seed, '00g', drafts.length);
  return drafts.map((draft, index) => {
    const created = DATA_START + random.integer(0, 700) * DAY;
    const lastUpdated = created + random.integer(0, 900) * DAY;
    return {
      ...draft,
      index,
      id: ids.encode(index),
      profileExtras: draft.type === 'APP_GROUP' ? activeDirectoryProfile(draft.name, random) : undefined,
      created,
      lastUpdated,
      lastMembershipUpdated: lastUpdated + random.integer(0, 200) * DAY,
    };
  });
}

/** The Okta Group object; `stats` is embedded when the request asked for `expand=stats`. */
export function oktaGroupJson(
  group: OktaGroup,
  baseUrl: string,
  activeDirectoryAppId: string,
  stats?: { usersCount: number; appsCount: number },
): JsonObject {
  const json: JsonObject = {
    id: group.id,
    created: new Date(group.created).toISOString(),
    lastUpdated: new Date(group.lastUpdated).toISOString(),
    lastMembershipUpdated: new Date(group.lastMembershipUpdated).toISOString(),
    objectClass: [group.type === 'APP_GROUP' ? 'okta:windows_security_principal' : 'okta:user_group'],
    type: group.type,
    profile: { name: group.name, description: group.description, ...group.profileExtras },
  };
  const self = `${baseUrl}/api/v1/groups/${group.id}`;
  if (group.type === 'APP_GROUP') {
    json.source = { id: activeDirectoryAppId };
    json._links = {
      source: { href: `${baseUrl}/api/v1/apps/${activeDirectoryAppId}` },
      users: { href: `${self}/users` },
    };
  } else {
    json._links = {
      logo: [{ name: 'medium', href: `${baseUrl}/img/logos/groups/okta-medium.png`, type: 'image/png' }],
      users: { href: `${self}/users` },
      apps: { href: `${self}/apps` },
    };
  }
  if (stats) {
    json._embedded = {
      stats: { ...stats, groupPushMappingsCount: 0, hasAdminPrivilege: group.name === 'Okta Administrators' },
    };
  }
  return json;
}
