/**
 * The hand-written baseline: what a careful developer writes to list Okta users without the
 * engine. undici `request` over a keep-alive agent, `search=status pr`, 200 per page, the
 * `Link: <...>; rel="next"` header parsed and followed, and each user mapped in plain TypeScript
 * to the unified shape of providers/okta/mappings/users.jsonata (empty fields left out, as the
 * engine prunes them). No schema validation.
 */
import { type Dispatcher, request } from 'undici';

export interface OktaUserJson {
  id: string;
  status: string;
  created?: string | null;
  lastUpdated?: string | null;
  lastLogin?: string | null;
  profile?: Record<string, unknown>;
}

/** How much of the work to do: read the bytes only, also parse the JSON, or also map the users. */
export type BaselineMode = 'drain' | 'parse' | 'map';

const STATUS: Record<string, string> = {
  STAGED: 'invited',
  PROVISIONED: 'invited',
  ACTIVE: 'active',
  RECOVERY: 'active',
  PASSWORD_EXPIRED: 'active',
  LOCKED_OUT: 'active',
  SUSPENDED: 'suspended',
  DEPROVISIONED: 'inactive',
};

/** Trimmed text with runs of whitespace collapsed (JSONata's `$trim`), '' when absent. */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value)
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();
}

const utc = (value: unknown) => (typeof value === 'string' && value ? new Date(value).toISOString() : '');

const zones = new Map<string, boolean>();
function timezone(name: string): string {
  let valid = zones.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      valid = name.includes('/') || name === 'UTC';
    } catch {
      valid = false;
    }
    zones.set(name, valid);
  }
  return valid ? name : '';
}

/** Sets `record[key]` only when there is a value, so records carry no empty fields. */
function put(record: Record<string, unknown>, key: string, value: string | undefined): void {
  if (value) record[key] = value;
}

/** One Okta user to a unified user-directory user. */
export function mapOktaUser(user: OktaUserJson, remoteData: boolean): Record<string, unknown> {
  const p = user.profile ?? {};
  const first = text(p.firstName);
  const last = text(p.lastName);
  const email = text(p.email);
  const second = text(p.secondEmail);
  const mobile = text(p.mobilePhone);
  const phone = text(p.primaryPhone);
  const locale = text(p.locale) || text(p.preferredLanguage);
  const record: Record<string, unknown> = { id: user.id };
  put(record, 'username', text(p.login));
  put(record, 'name', text(p.displayName) || [first, last].filter(Boolean).join(' '));
  put(record, 'first_name', first);
  put(record, 'last_name', last);
  put(record, 'title', text(p.title));
  const emails = [];
  if (email) emails.push({ email, type: 'work', is_primary: true });
  if (second && second.toLowerCase() !== email.toLowerCase())
    emails.push({ email: second, type: 'personal', is_primary: false });
  if (emails.length > 0) record.emails = emails;
  const phones = [];
  if (mobile) phones.push({ number: mobile, type: 'mobile' });
  if (phone) phones.push({ number: phone, type: 'work' });
  if (phones.length > 0) record.phones = phones;
  put(record, 'status', STATUS[user.status]);
  const zone = text(p.timezone);
  put(record, 'timezone', zone && timezone(zone));
  put(record, 'locale', locale.replaceAll('_', '-'));
  put(record, 'last_login_at', utc(user.lastLogin));
  put(record, 'created_at', utc(user.created));
  put(record, 'updated_at', utc(user.lastUpdated));
  if (remoteData) record.remote_data = user;
  return record;
}

/** The `rel="next"` target of one or more Link headers (RFC 8288, comma-joined or repeated). */
export function nextLink(header: string | string[] | undefined): string | undefined {
  for (const value of [header ?? []].flat()) {
    for (const [, target, params] of value.matchAll(/<([^>]*)>([^<]*)/g)) {
      const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params ?? '');
      if (rel && (rel[1] ?? rel[2] ?? '').split(/\s+/).includes('next')) return target;
    }
  }
  return undefined;
}

/** Lists every user; calls `onRecord` with each mapped user (mode 'map'). Returns the record count. */
export async function listUsersByHand(options: {
  baseUrl: string;
  token: string;
  dispatcher: Dispatcher;
  mode: BaselineMode;
  remoteData?: boolean;
  onPage?: (records: readonly unknown[]) => void;
}): Promise<number> {
  let url: URL | undefined = new URL('/api/v1/users?search=status%20pr&limit=200', options.baseUrl);
  let count = 0;
  while (url) {
    const response = await request(url, {
      dispatcher: options.dispatcher,
      headers: { authorization: `SSWS ${options.token}`, accept: 'application/json' },
    });
    if (response.statusCode !== 200) throw new Error(`GET ${url.pathname}: HTTP ${response.statusCode}`);
    if (options.mode === 'drain') {
      for await (const _chunk of response.body);
    } else {
      const users = (await response.body.json()) as OktaUserJson[];
      const records =
        options.mode === 'map' ? users.map((user) => mapOktaUser(user, options.remoteData ?? true)) : users;
      count += records.length;
      options.onPage?.(records);
    }
    const next = nextLink(response.headers.link);
    url = next ? new URL(next, url) : undefined;
  }
  return count;
}
