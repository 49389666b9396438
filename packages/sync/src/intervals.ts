import { syncError } from './sync-errors.js';

const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;
const MAX_MINUTES = 366 * 1440;

/**
 * Parses an interval such as `'15m'`, `'2h'` or `'1d'` into whole minutes: schedules have
 * one-minute granularity, so seconds are refused rather than rounded.
 */
export function parseInterval(name: string, text: unknown): number {
  const match = typeof text === 'string' ? /^(\d{1,6})(m|h|d)$/.exec(text) : null;
  const minutes = match ? Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES] : 0;
  if (!match || minutes < 1 || minutes > MAX_MINUTES) {
    throw syncError(
      'invalid_request',
      `${name} must be a whole number of minutes, hours or days from 1m to 366d, such as '15m', '1h' or '1d'; got ${JSON.stringify(text)}`,
    );
  }
  return minutes;
}

/** The shortest text for a number of minutes: 1440 -> '1d', 90 -> '90m'. */
export function formatInterval(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440}d`;
  if (minutes % 60 === 0) return `${minutes / 60}h`;
  return `${minutes}m`;
}
