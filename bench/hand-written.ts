/**
 * The hand-written contenders: what a careful developer writes to read each listing without the
 * engine. undici `request` over the caller's keep-alive agent, the provider's paging followed by
 * hand, each record mapped in plain TypeScript to the unified shape of the built-in mapping
 * (empty fields left out, as the engine prunes them; `remote_data` the raw object), no schema
 * validation. Okta users are in okta-baseline.ts. The benchmark checks, before timing, that each
 * one produces exactly the engine's records.
 */
import { createHash } from 'node:crypto';
import { type Dispatcher, request } from 'undici';
import { MAPPING_HELPERS } from '../packages/engine/src/index.js';
import { mapOktaUser, nextLink, type OktaUserJson } from './okta-baseline.js';

type Json = Record<string, unknown>;

export interface HandWrittenOptions {
  /** The provider's base URL (the sandbox's or the zero-cost server's). */
  baseUrl: string;
  token: string;
  dispatcher: Dispatcher;
  /** Receives every page of mapped records. */
  onPage: (records: readonly Json[]) => void;
}

/** GETs a JSON body, failing on any status but 200. */
async function getJson(url: URL, authorization: string, dispatcher: Dispatcher) {
  const response = await request(url, { dispatcher, headers: { authorization, accept: 'application/json' } });
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`GET ${url.pathname}: HTTP ${response.statusCode}`);
  }
  return { body: (await response.body.json()) as unknown, link: response.headers.link };
}

/** Every page of an Okta listing, following `Link: <...>; rel="next"`. */
async function eachOktaPage(
  first: URL,
  options: HandWrittenOptions,
  onPage: (items: Json[]) => void | Promise<void>,
): Promise<void> {
  let url: URL | undefined = first;
  while (url) {
    const { body, link } = await getJson(url, `SSWS ${options.token}`, options.dispatcher);
    await onPage(body as Json[]);
    const next = nextLink(link);
    url = next ? new URL(next, url) : undefined;
  }
}

const text = (value: unknown): string =>
  value === undefined || value === null
    ? ''
    : String(value)
        .replace(/[ \t\n\r]+/g, ' ')
        .trim();
const utc = (value: unknown) =>
  typeof value === 'string' && value ? new Date(value).toISOString() : undefined;

/** Sets `record[key]` only when there is a value. */
function put(record: Json, key: string, value: unknown): void {
  if (value !== undefined && value !== null && value !== '') record[key] = value;
}

export function listOktaUsers(options: HandWrittenOptions): Promise<void> {
  const first = new URL('/api/v1/users?search=status%20pr&limit=200', options.baseUrl);
  return eachOktaPage(first, options, (users) =>
    options.onPage(users.map((user) => mapOktaUser(user as unknown as OktaUserJson, true))),
  );
}

const EMPLOYMENT_STATUS: Record<string, string> = {
  ACTIVE: 'active',
  RECOVERY: 'active',
  PASSWORD_EXPIRED: 'active',
  LOCKED_OUT: 'active',
  STAGED: 'pending',
  PROVISIONED: 'pending',
  SUSPENDED: 'inactive',
  DEPROVISIONED: 'terminated',
};
const EMPLOYMENT_TYPE: Record<string, string> = {
  employee: 'employee',
  contractor: 'contractor',
  intern: 'intern',
  temporary: 'temporary',
  temp: 'temporary',
};

/** The id hris/locations gives an address: SHA-256 of its normalised parts. */
function locationId(parts: string[]): string {
  const normalised = parts.map((part) => part.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase());
  return createHash('sha256').update(normalised.join('\u001f')).digest('base64url').slice(0, 22);
}

export function mapOktaEmployee(user: Json): Json {
  const p = (user.profile ?? {}) as Json;
  const first = text(p.firstName);
  const last = text(p.lastName);
  const email = text(p.email);
  const second = text(p.secondEmail);
  const record: Json = { id: user.id };
  put(record, 'employee_number', text(p.employeeNumber));
  put(record, 'first_name', first);
  put(record, 'last_name', last);
  put(record, 'display_name', text(p.displayName) || [first, last].filter(Boolean).join(' '));
  put(record, 'work_email', email);
  if (second.toLowerCase() !== email.toLowerCase()) put(record, 'personal_email', second);
  const phones: Json[] = [];
  const mobile = text(p.mobilePhone);
  const phone = text(p.primaryPhone);
  if (mobile) phones.push({ number: mobile, type: 'mobile' });
  if (phone) phones.push({ number: phone, type: 'work' });
  if (phones.length > 0) record.phones = phones;
  put(record, 'job_title', text(p.title));
  put(record, 'department', text(p.department));
  put(record, 'division', text(p.division));
  put(record, 'cost_center', text(p.costCenter));
  put(record, 'organization', text(p.organization));
  put(record, 'employment_status', EMPLOYMENT_STATUS[user.status as string]);
  const userType = text(p.userType).toLowerCase();
  if (userType) record.employment_type = EMPLOYMENT_TYPE[userType] ?? 'other';
  const managerId = text(p.managerId);
  if (managerId) {
    const manager: Json = { id: managerId };
    put(manager, 'name', text(p.manager));
    record.manager = manager;
  }
  const address = [p.streetAddress, p.city, p.state, p.zipCode, p.countryCode].map(text);
  if (address.some(Boolean)) record.work_location = { id: locationId(address) };
  put(record, 'created_at', utc(user.created));
  put(record, 'updated_at', utc(user.lastUpdated));
  record.remote_data = user;
  return record;
}

export function listOktaEmployees(options: HandWrittenOptions): Promise<void> {
  const first = new URL('/api/v1/users?search=status%20pr&limit=200', options.baseUrl);
  return eachOktaPage(first, options, (users) => options.onPage(users.map(mapOktaEmployee)));
}

const APP_USER_STATUS: Record<string, string> = {
  ACTIVE: 'active',
  PROVISIONED: 'active',
  IMPLICIT: 'active',
  STAGED: 'pending',
  PENDING: 'pending',
  APPROVED: 'pending',
  MATCHED: 'pending',
  IMPORTED: 'pending',
  INACTIVE: 'inactive',
  SUSPENDED: 'inactive',
  DEPROVISIONED: 'inactive',
  REVOKED: 'inactive',
  UNASSIGNED: 'inactive',
};
const ASSIGNED_VIA: Record<string, string> = { USER: 'user', GROUP: 'group' };

export function mapOktaAppUser(app: Json, assignment: Json): Json {
  const appId = String(app.id);
  const record: Json = { id: `${appId}:${assignment.id}` };
  const appRecord: Json = { id: appId };
  put(appRecord, 'name', text(app.label) === '' ? undefined : app.label);
  record.app = appRecord;
  record.user = { id: assignment.id };
  put(record, 'username', (assignment.credentials as Json | undefined)?.userName);
  put(record, 'email', (assignment.profile as Json | undefined)?.email);
  put(record, 'status', APP_USER_STATUS[assignment.status as string]);
  put(record, 'assigned_via', ASSIGNED_VIA[assignment.scope as string]);
  put(record, 'created_at', utc(assignment.created));
  put(record, 'updated_at', utc(assignment.lastUpdated));
  record.remote_data = assignment;
  return record;
}

/** The apps (200 a page), then each app's assignments (500 a page), one app after the other. */
export async function listOktaAppUsers(options: HandWrittenOptions): Promise<void> {
  const apps = new URL('/api/v1/apps?includeNonDeleted=true&limit=200', options.baseUrl);
  await eachOktaPage(apps, options, async (page) => {
    for (const app of page) {
      const users = new URL(
        `/api/v1/apps/${encodeURIComponent(String(app.id))}/users?limit=500`,
        options.baseUrl,
      );
      await eachOktaPage(users, options, (assignments) =>
        options.onPage(assignments.map((assignment) => mapOktaAppUser(app, assignment))),
      );
    }
  });
}

export function mapWorkatoUser(member: Json): Json {
  const record: Json = { id: String(member.id) };
  put(record, 'name', typeof member.name === 'string' && member.name.trim() === '' ? undefined : member.name);
  if (member.email) record.emails = [{ email: member.email, type: 'work', is_primary: true }];
  record.status = 'active';
  const roles = Array.isArray(member.roles)
    ? (member.roles as Json[])
        .filter((role) => role.role_name !== undefined)
        .map((role) => {
          const unified: Json = {};
          put(unified, 'name', role.role_name);
          put(unified, 'environment', role.environment_type);
          return unified;
        })
    : [];
  if (roles.length > 0) record.roles = roles;
  else if (member.role_name) record.roles = [{ name: member.role_name, environment: 'dev' }];
  if (member.external_id !== undefined && member.external_id !== null)
    put(record, 'external_id', String(member.external_id));
  put(record, 'timezone', MAPPING_HELPERS.ianaTimezone(member.time_zone));
  put(record, 'last_active_at', utc((member.last_activity_log as Json | null)?.created_at));
  put(record, 'created_at', utc(member.created_at));
  record.remote_data = member;
  return record;
}

/** Every collaborator in one response (`GET /members`, `{ data: [...] }`). */
export async function listWorkatoUsers(options: HandWrittenOptions): Promise<void> {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const { body } = await getJson(new URL('members', base), `Bearer ${options.token}`, options.dispatcher);
  options.onPage(((body as { data: Json[] }).data ?? []).map(mapWorkatoUser));
}
