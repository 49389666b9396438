import railsTimezone from 'rails-timezone';
import { BoundedCache } from './bounded-cache.js';
import { commonTimeStampToUtc } from './common-time-stamps.js';
import { RAILS_TIME_ZONE_SUPPLEMENT } from './rails-time-zones.js';
import { sha256Base64url } from './sha256.js';

/**
 * The few helpers every mapping may call. They are general (no provider knowledge) and
 * documented in docs/authoring-providers.md.
 */

/**
 * An ISO-8601 date, or date and time with an optional offset. Only this shape is parsed:
 * `Date.parse` alone also accepts text such as "12" (read as December 2001).
 */
const ISO_TIME_STAMP =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[T ](?<time>\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(?<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

function isEmpty(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/** Milliseconds of an ISO-8601 text, NaN when it is not one or names a day that does not exist. */
function parseIsoTimeStamp(text: string): number {
  const groups = ISO_TIME_STAMP.exec(text)?.groups;
  if (!groups) return Number.NaN;
  const year = Number(groups.year);
  const month = Number(groups.month);
  const day = Number(groups.day);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth) return Number.NaN;
  const date = `${groups.year}-${groups.month}-${groups.day}`;
  if (groups.time === undefined) return Date.parse(date);
  // No offset: read as UTC. An hours-only offset (+02) gets its minutes.
  const zone = groups.zone === undefined ? 'Z' : groups.zone.length === 3 ? `${groups.zone}:00` : groups.zone;
  return Date.parse(`${date}T${groups.time}${zone.toUpperCase()}`);
}

/** Any ISO-8601 time stamp (with an offset; without one it is read as UTC) or epoch ms to UTC `Z`. */
export function toIsoUtc(value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  let millis: number;
  if (typeof value === 'number') {
    millis = value;
  } else if (typeof value === 'string') {
    // Called several times a record: the shapes most providers send are read directly.
    const common = commonTimeStampToUtc(value);
    if (common !== undefined) return common;
    millis = parseIsoTimeStamp(value.trim());
  } else {
    throw new Error(`$toIsoUtc: expected a time stamp, got ${typeof value}`);
  }
  const date = new Date(millis);
  if (Number.isNaN(date.getTime())) throw new Error(`$toIsoUtc: not a time stamp: ${JSON.stringify(value)}`);
  return date.toISOString();
}

/** A date or time stamp to `YYYY-MM-DD` (a time stamp's date in UTC). */
export function toDate(value: unknown): string | undefined {
  return toIsoUtc(value)?.slice(0, 10);
}

/** Zone names already checked (there are about 600 IANA names; the rest are a provider's typos). */
export const validZones = new BoundedCache<string, boolean>(1_000);
function isIanaZone(name: string): boolean {
  let valid = validZones.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      valid = name.includes('/') || name === 'UTC';
    } catch {
      valid = false;
    }
    validZones.set(name, valid);
  }
  return valid;
}

/**
 * Names already resolved (null: not a zone), read on every record: a plain map emptied when full,
 * cheaper per hit than the least-recently-used order kept for the zone checks above.
 */
const resolvedZones = new Map<string, string | null>();
const RESOLVED_ZONES_LIMIT = 1_000;

/** A Rails/ActiveSupport zone name or an IANA name to the IANA name; unknown names give undefined. */
export function ianaTimezone(value: unknown): string | undefined {
  if (isEmpty(value) || typeof value !== 'string') return undefined;
  const known = resolvedZones.get(value);
  if (known !== undefined) return known ?? undefined;
  const name = value.trim();
  const mapped = RAILS_TIME_ZONE_SUPPLEMENT[name] ?? railsTimezone.from(name);
  const resolved = mapped && isIanaZone(mapped) ? mapped : isIanaZone(name) ? name : undefined;
  if (resolvedZones.size >= RESOLVED_ZONES_LIMIT) resolvedZones.clear();
  resolvedZones.set(value, resolved ?? null);
  return resolved;
}

/**
 * Normalises one part of a stable id: one Unicode form (a composed or decomposed ü is one
 * letter), trimmed, spaces collapsed, lower case; empty when absent.
 */
function normalisePart(part: string): string {
  return part.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A stable short id from parts, equal for parts that differ only in case and spacing. Used for
 * derived records (such as locations) that other records refer to.
 */
export function stableId(...parts: unknown[]): string {
  // Arrays among the parts count item by item (one level, holes skipped, as Array#flat does).
  const raws: string[] = [];
  for (const part of parts) {
    if (Array.isArray(part)) {
      part.forEach((item) => {
        raws.push(rawPart(item));
      });
    } else raws.push(rawPart(part));
  }
  // Records repeat the same parts (an office's address on every employee): ids are remembered
  // by the raw texts, as JSON so that no two lists of texts share a key.
  const key = JSON.stringify(raws);
  let id = stableIds.get(key);
  if (id === undefined) {
    id = sha256Base64url(raws.map(normalisePart).join('\u001f')).slice(0, 22);
    if (stableIds.size >= STABLE_IDS_LIMIT) stableIds.clear();
    stableIds.set(key, id);
  }
  return id;
}

/** Ids already made, by their raw parts: a plain map emptied when full, as for the zones. */
const stableIds = new Map<string, string>();
const STABLE_IDS_LIMIT = 1_000;

/** One part of a stable id as text, before normalising; empty when absent. */
function rawPart(part: unknown): string {
  return isEmpty(part) ? '' : String(part);
}

/**
 * A value as text with whitespace runs collapsed and the ends trimmed (like JSONata's
 * `$trim($string(v))`), and `""` when absent. Native, because mappings call it many times per
 * record and a JSONata lambda costs several times more.
 */
export function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  const raw =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return isTidy(raw) ? raw : raw.replace(/[ \t\r\n]+/g, ' ').trim();
}

/**
 * True when `text` is left as it is by the collapsing and trimming above: no tab, CR or LF, no
 * two spaces in a row, and a printable ASCII character at each end (`trim` also removes Unicode
 * spaces there; any non-ASCII end takes the general way).
 */
function isTidy(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first <= 32 || first >= 127 || last <= 32 || last >= 127) return false;
  for (let index = 1; index < text.length - 1; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 9 || code === 10 || code === 13) return false;
    if (code === 32 && text.charCodeAt(index + 1) === 32) return false;
  }
  return true;
}

/** Bindings passed to every mapping evaluation. */
export const MAPPING_HELPERS = {
  text,
  toIsoUtc,
  toDate,
  ianaTimezone,
  stableId,
} as const;
