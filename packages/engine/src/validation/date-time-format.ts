import type { Ajv2020, FormatDefinition } from 'ajv/dist/2020.js';

/**
 * The `date-time` format of the unified schemas, checked first on the one shape the engine
 * writes (`$toIsoUtc`: `YYYY-MM-DDTHH:mm:ss.sssZ`, or without milliseconds). Every record
 * carries a few such stamps, and ajv-formats reads each with two regular expressions and a
 * split. A stamp of that shape is accepted here exactly when ajv-formats accepts it (a real
 * calendar day, hours to 23, minutes and seconds to 59); anything else, leap seconds included,
 * goes to ajv-formats' own check, so the verdict is always the one it gives.
 */
export function useFastDateTime(ajv: Ajv2020): void {
  const original = ajv.formats['date-time'];
  const fallback =
    typeof original === 'object' && original !== null && 'validate' in original
      ? (original as FormatDefinition<string>).validate
      : undefined;
  if (typeof fallback !== 'function') throw new Error('ajv-formats did not register date-time');
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (text: string) => isCanonicalUtc(text) || (fallback(text) as boolean),
  });
}

// Not the mapping helpers' reader of the same shape (mapping/common-time-stamps.ts): that one
// follows Date.UTC, which counts years 0 to 99 as 1900 to 1999 (0000-02-29 is no day there),
// while this one must agree with RFC 3339 as ajv-formats reads it.
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
// Offsets of the digits of `YYYY-MM-DDTHH:mm:ss`, and of its separators with their codes.
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const SEPARATORS: ReadonlyArray<readonly [number, number]> = [
  [4, 45],
  [7, 45],
  [10, 84],
  [13, 58],
  [16, 58],
];

function isDigit(text: string, position: number): boolean {
  const code = text.charCodeAt(position);
  return code >= 48 && code <= 57;
}

function number(text: string, start: number, count: number): number {
  let value = 0;
  for (let position = start; position < start + count; position += 1) {
    value = value * 10 + text.charCodeAt(position) - 48;
  }
  return value;
}

/** True for a valid `YYYY-MM-DDTHH:mm:ssZ` or `YYYY-MM-DDTHH:mm:ss.sssZ`; false means "not sure". */
export function isCanonicalUtc(text: string): boolean {
  if (text.length === 24) {
    if (text.charCodeAt(19) !== 46 || !isDigit(text, 20) || !isDigit(text, 21) || !isDigit(text, 22)) {
      return false;
    }
  } else if (text.length !== 20) {
    return false;
  }
  if (text.charCodeAt(text.length - 1) !== 90) return false;
  for (const position of DIGITS) if (!isDigit(text, position)) return false;
  for (const [position, code] of SEPARATORS) if (text.charCodeAt(position) !== code) return false;
  const year = number(text, 0, 4);
  const month = number(text, 5, 2);
  const day = number(text, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS[month - 1] as number))) return false;
  return number(text, 11, 2) <= 23 && number(text, 14, 2) <= 59 && number(text, 17, 2) <= 59;
}
