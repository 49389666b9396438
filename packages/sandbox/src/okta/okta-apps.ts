import { BASE62, hashLabel, Random, unitHash } from '../random.js';
import type { JsonObject } from '../records.js';
import { createIdCodec } from '../records.js';
import type { OktaGroup } from './okta-groups.js';
import { DATA_START, type OktaUserTraits } from './okta-user-traits.js';
import type { OktaUser } from './okta-users.js';

interface CatalogEntry {
  name: string;
  label: string;
  signOnMode: string;
  /** Apps with provisioning report `PROVISIONED` app users with a sync state. */
  provisioning: boolean;
}

const CATALOG: readonly CatalogEntry[] = [
  { name: 'salesforce', label: 'Salesforce.com', signOnMode: 'SAML_2_0', provisioning: true },
  { name: 'workday', label: 'Workday', signOnMode: 'SAML_2_0', provisioning: true },
  { name: 'bookmark', label: 'Company Wiki', signOnMode: 'BOOKMARK', provisioning: false },
  { name: 'template_basic_auth', label: 'Legacy Intranet', signOnMode: 'BASIC_AUTH', provisioning: false },
  { name: 'slack', label: 'Slack', signOnMode: 'SAML_2_0', provisioning: true },
  { name: 'oidc_client', label: 'Internal Portal', signOnMode: 'OPENID_CONNECT', provisioning: false },
  { name: 'template_swa', label: 'Expense Tool', signOnMode: 'AUTO_LOGIN', provisioning: false },
  {
    name: 'template_wsfed',
    label: 'SharePoint (On-Premises)',
    signOnMode: 'WS_FEDERATION',
    provisioning: false,
  },
  { name: 'template_sps', label: 'Payroll Portal', signOnMode: 'SECURE_PASSWORD_STORE', provisioning: false },
  { name: 'template_swa3field', label: 'Vendor Portal', signOnMode: 'BROWSER_PLUGIN', provisioning: false },
  { name: 'box', label: 'Box', signOnMode: 'SAML_1_1', provisioning: true },
  { name: 'google', label: 'Google Workspace', signOnMode: 'SAML_2_0', provisioning: true },
  { name: 'zoomus', label: 'Zoom', signOnMode: 'SAML_2_0', provisioning: false },
  { name: 'github_enterprise', label: 'GitHub Enterprise', signOnMode: 'SAML_2_0', provisioning: false },
  { name: 'atlassian', label: 'Atlassian Cloud', signOnMode: 'SAML_2_0', provisioning: true },
  { name: 'oidc_client', label: 'Tableau Analytics', signOnMode: 'OPENID_CONNECT', provisioning: false },
  { name: 'bookmark', label: 'Benefits Handbook – Ελληνικά', signOnMode: 'BOOKMARK', provisioning: false },
  { name: 'servicenow_ud', label: 'ServiceNow', signOnMode: 'SAML_2_0', provisioning: true },
];

const DAY = 86_400_000;

/** An app integration with its assignment rules. */
export interface OktaApp extends CatalogEntry {
  index: number;
  id: string;
  status: 'ACTIVE' | 'INACTIVE';
  /** Groups assigned to the app: their members are app users with scope GROUP. */
  groups: readonly OktaGroup[];
  /** Share of users assigned directly (scope USER). */
  directShare: number;
  /** Hash key of the app's direct-assignment draws, computed once rather than per user. */
  directKey: number;
  created: number;
  lastUpdated: number;
}

/**
 * The apps of a seeded tenant. The fourth app is always INACTIVE, the third (a bookmark) is
 * assigned to Everyone, and the others get up to two groups plus a share of direct assignments.
 */
export function createOktaApps(seed: number, userCount: number, groups: readonly OktaGroup[]): OktaApp[] {
  const random = new Random(seed, 'apps');
  const count = Math.min(CATALOG.length, 10 + random.integer(0, 4) + Math.floor(Math.log10(userCount + 1)));
  const ids = createIdCodec(seed, '0oa', count + 1);
  const assignable = groups.filter((group) => group.type !== 'BUILT_IN');
  return CATALOG.slice(0, count).map((entry, index) => {
    const created = DATA_START + random.integer(0, 1200) * DAY;
    const everyone = index === 2;
    const groupCount = everyone ? 0 : random.integer(0, 2);
    return {
      ...entry,
      index,
      id: ids.encode(index),
      status: index === 3 || (index > 4 && random.chance(0.1)) ? 'INACTIVE' : 'ACTIVE',
      groups: everyone
        ? groups.filter((group) => group.type === 'BUILT_IN')
        : sample(assignable, groupCount, random),
      directShare: everyone ? 0 : random.integer(0, 25) / 100,
      directKey: hashLabel(`app.direct.${index}`),
      created,
      lastUpdated: created + random.integer(0, 500) * DAY,
    };
  });
}

/** The id of the Active Directory integration that APP_GROUPs come from (not an SSO app). */
export function activeDirectoryAppId(seed: number, appCount: number): string {
  return createIdCodec(seed, '0oa', appCount + 1).encode(appCount);
}

function sample<T>(items: readonly T[], count: number, random: Random): T[] {
  const chosen = new Set<T>();
  while (chosen.size < Math.min(count, items.length)) chosen.add(random.pick(items));
  return [...chosen];
}

/** How user `userIndex` is assigned to `app`: USER (directly), GROUP, or not at all. */
export function assignmentScope(seed: number, app: OktaApp, users: OktaUserTraits, userIndex: number) {
  if (users.isDeleted(userIndex) || users.statusOf(userIndex) === 'DEPROVISIONED') return undefined;
  // Direct assignments are seeded; users created through the API have none.
  if (!users.createdThroughApi.has(userIndex) && unitHash(seed, app.directKey, userIndex) < app.directShare)
    return 'USER' as const;
  return app.groups.some((group) => group.isMember(userIndex)) ? ('GROUP' as const) : undefined;
}

/** The Okta Application object. */
export function oktaAppJson(app: OktaApp, baseUrl: string, orgId: string): JsonObject {
  const self = `${baseUrl}/api/v1/apps/${app.id}`;
  const links: JsonObject = {
    appLinks: [{ name: 'login', href: `${baseUrl}/home/${app.name}/${app.id}/30`, type: 'text/html' }],
    users: { href: `${self}/users` },
    groups: { href: `${self}/groups` },
    logo: [{ name: 'medium', href: `${baseUrl}/assets/img/logos/${app.name}.png`, type: 'image/png' }],
  };
  if (app.signOnMode.startsWith('SAML')) {
    links.metadata = { href: `${self}/sso/saml/metadata`, type: 'application/xml' };
  }
  return {
    id: app.id,
    orn: `orn:okta:idp:${orgId}:apps:${app.name}:${app.id}`,
    name: app.name,
    label: app.label,
    status: app.status,
    created: new Date(app.created).toISOString(),
    lastUpdated: new Date(app.lastUpdated).toISOString(),
    signOnMode: app.signOnMode,
    accessibility: { selfService: false, errorRedirectUrl: null, loginRedirectUrl: null },
    visibility: { autoSubmitToolbar: false, hide: { iOS: false, web: false }, appLinks: { login: true } },
    features: app.provisioning ? ['IMPORT_NEW_USERS', 'PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES'] : [],
    // Okta's own Expression Language template, not a JavaScript template literal.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text `${source.login}` is the value.
    credentials: { userNameTemplate: { template: '${source.login}', type: 'BUILT_IN' } },
    settings: {
      app: {},
      notifications: { vpn: { network: { connection: 'DISABLED' }, message: null, helpUrl: null } },
    },
    _links: links,
  };
}

/** The AppUser object of a user assigned to an app. */
export function oktaAppUserJson(
  seed: number,
  app: OktaApp,
  user: OktaUser,
  scope: 'USER' | 'GROUP',
  userIndex: number,
  baseUrl: string,
): JsonObject {
  const random = new Random(seed, `app-user.${app.index}`, userIndex);
  const assigned = Math.max(app.created, Date.parse(user.created)) + random.integer(0, 300) * DAY;
  const status = user.status === 'SUSPENDED' ? 'SUSPENDED' : app.provisioning ? 'PROVISIONED' : 'ACTIVE';
  const syncState = app.provisioning
    ? random.weighted([
        ['SYNCHRONIZED', 90],
        ['ERROR', 5],
        ['OUT_OF_SYNC', 5],
      ] as const)
    : 'DISABLED';
  const profile = user.profile;
  // Bookmarks sign nobody in: no credentials and an empty app profile.
  const bookmark = app.signOnMode === 'BOOKMARK';
  const json: JsonObject = {
    id: user.id,
    externalId: app.provisioning ? `00u${random.characters(17, BASE62)}` : null,
    created: new Date(assigned).toISOString(),
    lastUpdated: new Date(assigned + random.integer(0, 50) * DAY).toISOString(),
    scope,
    status,
    statusChanged: new Date(assigned + DAY).toISOString(),
    passwordChanged: null,
    syncState,
    lastSync: app.provisioning ? new Date(assigned + 2 * DAY).toISOString() : null,
  };
  if (!bookmark) json.credentials = { userName: profile.login };
  json.profile = bookmark
    ? {}
    : {
        email: profile.email,
        firstName: profile.firstName,
        lastName: profile.lastName,
        displayName: profile.displayName,
      };
  json._links = {
    app: { href: `${baseUrl}/api/v1/apps/${app.id}` },
    user: { href: `${baseUrl}/api/v1/users/${user.id}` },
  };
  return json;
}
