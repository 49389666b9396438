import { createHash } from 'node:crypto';
import railsTimezone from 'rails-timezone';
import { RAILS_TIME_ZONE_SUPPLEMENT } from './rails-time-zones.js';

/**
 * The few helpers every mapping may call. They are general (no provider knowledge) and
 * documented in docs/authoring-providers.md.
 */

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;

function isEmpty(value: unknown): value is undefined | null | '' {
  return value === undefined || value === null || value === '';
}

/** Any ISO-8601 time stamp (with an offset; without one it is read as UTC) or epoch ms to UTC `Z`. */
export function toIsoUtc(value: unknown): string | undefined {
  if (isEmpty(value)) return undefined;
  let millis: number;
  if (typeof value === 'number') {
    millis = value;
  } else if (typeof value === 'string') {
    const text = value.trim();
    const normalised = DATE_ONLY.test(text) || HAS_ZONE.test(text) ? text : `${text}Z`;
    millis = Date.parse(normalised);
  } else {
    throw new Error(`$toIsoUtc: expected a time stamp, got ${typeof value}`);
  }
  if (Number.isNaN(millis)) throw new Error(`$toIsoUtc: not a time stamp: ${JSON.stringify(value)}`);
  return new Date(millis).toISOString();
}

/** A date or time stamp to `YYYY-MM-DD`. */
export function toDate(value: unknown): string | undefined {
  if (typeof value === 'string' && DATE_ONLY.test(value.trim())) return value.trim();
  return toIsoUtc(value)?.slice(0, 10);
}

const validZones = new Map<string, boolean>();
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

/** A Rails/ActiveSupport zone name or an IANA name to the IANA name; unknown names give undefined. */
export function ianaTimezone(value: unknown): string | undefined {
  if (isEmpty(value) || typeof value !== 'string') return undefined;
  const name = value.trim();
  const mapped = RAILS_TIME_ZONE_SUPPLEMENT[name] ?? railsTimezone.from(name);
  if (mapped && isIanaZone(mapped)) return mapped;
  return isIanaZone(name) ? name : undefined;
}

/** Normalises one part of a stable id: trimmed, spaces collapsed, lower case; empty when absent. */
function normalisePart(part: unknown): string {
  if (isEmpty(part)) return '';
  return String(part).trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A stable short id from parts, equal for parts that differ only in case and spacing. Used for
 * derived records (such as locations) that other records refer to.
 */
export function stableId(...parts: unknown[]): string {
  const flat = parts.flat();
  const digest = createHash('sha256').update(flat.map(normalisePart).join('\u001f')).digest('base64url');
  return digest.slice(0, 22);
}

/** Bindings passed to every mapping evaluation. */
export const MAPPING_HELPERS = {
  toIsoUtc,
  toDate,
  ianaTimezone,
  stableId,
} as const;
