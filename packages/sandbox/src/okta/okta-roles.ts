import { Random } from '../random.js';
import { createIdCodec, type JsonObject } from '../records.js';
import type { Company } from '../vocabulary/organization.js';
import { DATA_START } from './okta-user-traits.js';

/**
 * Okta's standard admin role types (RoleType without CUSTOM). They are not listed by any
 * endpoint: a provider definition declares them as static records.
 */
export const STANDARD_ROLE_TYPES: readonly string[] = [
  'SUPER_ADMIN',
  'ORG_ADMIN',
  'APP_ADMIN',
  'USER_ADMIN',
  'HELP_DESK_ADMIN',
  'READ_ONLY_ADMIN',
  'MOBILE_ADMIN',
  'API_ACCESS_MANAGEMENT_ADMIN',
  'REPORT_ADMIN',
  'GROUP_MEMBERSHIP_ADMIN',
  'ACCESS_CERTIFICATIONS_ADMIN',
  'ACCESS_REQUESTS_ADMIN',
  'WORKFLOWS_ADMIN',
];

const CUSTOM_ROLES: readonly (readonly [
  label: string,
  description: string,
  permissions: readonly string[],
])[] = [
  ['UserCreator', 'Create users', ['okta.users.create', 'okta.users.read']],
  [
    'Help Desk Tier 2',
    'Reset passwords and unlock users',
    ['okta.users.read', 'okta.users.credentials.resetPassword'],
  ],
  ['App Auditor', 'Read apps and their assignments', ['okta.apps.read', 'okta.apps.assignment.read']],
  [
    'Group Membership Manager',
    'Manage members of delegated groups',
    ['okta.groups.read', 'okta.groups.members.manage'],
  ],
  ['Report Viewer', 'Read reports and the System Log', ['okta.reports.read', 'okta.logs.read']],
  [
    'Gestion des accès – Europe',
    'Délégation RH pour l’Europe',
    ['okta.users.read', 'okta.users.lifecycle.manage'],
  ],
  ['Workflow Operator', 'Run delegated flows', ['okta.workflows.invoke']],
  ['Device Reviewer', 'Read registered devices', ['okta.devices.read']],
  ['Policy Reader', 'Read authentication policies', ['okta.policies.read']],
  ['Profile Editor', 'Edit user profiles', ['okta.users.read', 'okta.users.userprofile.manage']],
  [
    'Customer Support Read-only',
    'Read users and groups for support',
    ['okta.users.read', 'okta.groups.read'],
  ],
  [
    'Identity Governance Analyst',
    'Read access certifications',
    ['okta.governance.accessCertifications.read'],
  ],
  ['Token Revoker', 'Revoke sessions and tokens', ['okta.users.read', 'okta.users.lifecycle.clearSessions']],
  ['Brand Manager', 'Customise sign-in pages', ['okta.customizations.manage']],
];

/** A custom admin role of `/api/v1/iam/roles`. */
export interface OktaCustomRole {
  id: string;
  label: string;
  description: string;
  permissions: readonly string[];
  created: number;
  lastUpdated: number;
}

const DAY = 86_400_000;

/** The tenant's custom roles: more of them in larger tenants, up to the catalogue's size. */
export function createCustomRoles(seed: number, userCount: number): OktaCustomRole[] {
  const random = new Random(seed, 'roles');
  const count = Math.min(
    CUSTOM_ROLES.length,
    3 + random.integer(0, 5) + Math.floor(Math.log10(userCount + 1)),
  );
  const ids = createIdCodec(seed, 'cr0', count);
  return CUSTOM_ROLES.slice(0, count).map(([label, description, permissions], index) => {
    const created = DATA_START + random.integer(100, 1500) * DAY;
    return {
      id: ids.encode(index),
      label,
      description,
      permissions,
      created,
      lastUpdated: created + random.integer(0, 300) * DAY,
    };
  });
}

/** The IamRole object. */
export function customRoleJson(role: OktaCustomRole, baseUrl: string): JsonObject {
  const self = `${baseUrl}/api/v1/iam/roles/${role.id}`;
  return {
    id: role.id,
    label: role.label,
    description: role.description,
    created: new Date(role.created).toISOString(),
    lastUpdated: new Date(role.lastUpdated).toISOString(),
    _links: { permissions: { href: `${self}/permissions` }, self: { href: self } },
  };
}

/** The `{ permissions }` envelope of `/api/v1/iam/roles/{id}/permissions`. */
export function rolePermissionsJson(role: OktaCustomRole, baseUrl: string): JsonObject {
  return {
    permissions: role.permissions.map((label) => ({
      label,
      created: new Date(role.created).toISOString(),
      lastUpdated: new Date(role.lastUpdated).toISOString(),
      _links: { role: { href: `${baseUrl}/api/v1/iam/roles/${role.id}` } },
    })),
  };
}

/** The OrgSetting object of `/api/v1/org`: the company record of HRIS. */
export function orgJson(seed: number, company: Company, baseUrl: string): JsonObject {
  const random = new Random(seed, 'org');
  const created = DATA_START - random.integer(30, 400) * DAY;
  const json: JsonObject = {
    id: createIdCodec(seed, '00o', 1).encode(0),
    companyName: company.name,
    subdomain: company.subdomain,
    website: company.website,
    phoneNumber: company.phoneNumber,
    supportPhoneNumber: company.phoneNumber,
    endUserSupportHelpURL: `${company.website}/support`,
    address1: company.address1,
    address2: company.address2 ?? null,
    city: company.city,
    state: company.state ?? null,
    country: company.country,
    postalCode: company.postalCode,
    status: 'ACTIVE',
    created: new Date(created).toISOString(),
    lastUpdated: new Date(created + random.integer(300, 3000) * DAY).toISOString(),
    expiresAt: null,
    _links: { contacts: { href: `${baseUrl}/api/v1/org/contacts` } },
  };
  return json;
}
