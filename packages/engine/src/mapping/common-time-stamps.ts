/**
 * The two time stamp shapes providers send most, read without a regular expression or a
 * `Date.parse` of rebuilt text: `YYYY-MM-DDTHH:mm:ss.sssZ` (already the answer) and the same
 * with a `±HH:mm` offset. Anything else, or any field out of range, is left to the general
 * parser (undefined here), so the result is always the one the general parser gives.
 */

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const SEPARATORS: Array<[number, number]> = [
  [4, 45 /* - */],
  [7, 45 /* - */],
  [10, 84 /* T */],
  [13, 58 /* : */],
  [16, 58 /* : */],
  [19, 46 /* . */],
];

function digitsAt(text: string, start: number, count: number): number {
  let value = 0;
  for (let index = start; index < start + count; index += 1) value = value * 10 + text.charCodeAt(index) - 48;
  return value;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The fields of `YYYY-MM-DDTHH:mm:ss.sss` at the start of `text`, when they name a real time. */
function fields(text: string): number[] | undefined {
  for (const position of DIGIT_POSITIONS) {
    const code = text.charCodeAt(position);
    if (code < 48 || code > 57) return undefined;
  }
  for (const [position, code] of SEPARATORS) if (text.charCodeAt(position) !== code) return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  // The general parser counts the days of years 0 to 99 as those of 1900 to 1999 (Date.UTC's
  // reading of two-digit years): so does this check, to reject exactly what it rejects.
  const leap = isLeap(year < 100 ? year + 1900 : year);
  if (day > (month === 2 && leap ? 29 : (DAYS[month - 1] as number))) return undefined;
  return [year, month, day, hour, minute, second, digitsAt(text, 20, 3)];
}

/** `text` in UTC as `YYYY-MM-DDTHH:mm:ss.sssZ` when it has one of the two common shapes, else undefined. */
export function commonTimeStampToUtc(text: string): string | undefined {
  if (text.length === 24) {
    return text.charCodeAt(23) === 90 /* Z */ && fields(text) !== undefined ? text : undefined;
  }
  if (text.length !== 29 || text.charCodeAt(26) !== 58 /* : */) return undefined;
  const sign = text.charCodeAt(23);
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return undefined;
  for (const position of [24, 25, 27, 28]) {
    const code = text.charCodeAt(position);
    if (code < 48 || code > 57) return undefined;
  }
  const parts = fields(text);
  const offsetHours = digitsAt(text, 24, 2);
  const offsetMinutes = digitsAt(text, 27, 2);
  // Date.UTC reads years below 100 as 19xx: those are left to the general parser.
  if (parts === undefined || (parts[0] as number) < 100 || offsetHours > 23 || offsetMinutes > 59)
    return undefined;
  const [year, month, day, hour, minute, second, millisecond] = parts as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offset).toISOString();
}
