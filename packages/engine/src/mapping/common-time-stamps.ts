/**
 * The two time stamp shapes providers send most, read without a regular expression or a
 * `Date.parse` of rebuilt text: `YYYY-MM-DDTHH:mm:ss.sssZ` (already the answer) and the same
 * with a `±HH:mm` offset. Anything else, or any field out of range, is left to the general
 * parser (undefined here), so the result is always the one the general parser gives.
 */

const DIGIT_POSITIONS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const OFFSET_DIGITS = [24, 25, 27, 28];
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

/** True when `text` has a digit at each of `DIGIT_POSITIONS` and the separators between them. */
function hasShape(text: string): boolean {
  for (let index = 0; index < DIGIT_POSITIONS.length; index += 1) {
    const code = text.charCodeAt(DIGIT_POSITIONS[index] as number);
    if (code < 48 || code > 57) return false;
  }
  for (let index = 0; index < SEPARATORS.length; index += 1) {
    const [position, code] = SEPARATORS[index] as [number, number];
    if (text.charCodeAt(position) !== code) return false;
  }
  return true;
}

/** True when the `YYYY-MM-DDTHH:mm:ss` at the start of `text` (shape checked) names a real time. */
function inRange(text: string): boolean {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  if (digitsAt(text, 11, 2) > 23 || digitsAt(text, 14, 2) > 59 || digitsAt(text, 17, 2) > 59) return false;
  // The general parser counts the days of years 0 to 99 as those of 1900 to 1999 (Date.UTC's
  // reading of two-digit years): so does this check, to reject exactly what it rejects.
  const leap = isLeap(year < 100 ? year + 1900 : year);
  return day <= (month === 2 && leap ? 29 : (DAYS[month - 1] as number));
}

/** `text` in UTC as `YYYY-MM-DDTHH:mm:ss.sssZ` when it has one of the two common shapes, else undefined. */
export function commonTimeStampToUtc(text: string): string | undefined {
  if (text.length === 24) {
    return text.charCodeAt(23) === 90 /* Z */ && hasShape(text) && inRange(text) ? text : undefined;
  }
  if (text.length !== 29 || text.charCodeAt(26) !== 58 /* : */) return undefined;
  const sign = text.charCodeAt(23);
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return undefined;
  for (const position of OFFSET_DIGITS) {
    const code = text.charCodeAt(position);
    if (code < 48 || code > 57) return undefined;
  }
  const offsetHours = digitsAt(text, 24, 2);
  const offsetMinutes = digitsAt(text, 27, 2);
  let year = digitsAt(text, 0, 4);
  // Date.UTC reads years below 100 as 19xx: those are left to the general parser.
  if (!hasShape(text) || !inRange(text) || year < 100 || offsetHours > 23 || offsetMinutes > 59)
    return undefined;
  let month = digitsAt(text, 5, 2);
  let day = digitsAt(text, 8, 2);
  // The clock time in UTC, in minutes of the day; an offset moves it at most one day either way.
  const offset = (sign === 45 ? -1 : 1) * (offsetHours * 60 + offsetMinutes);
  let minutes = digitsAt(text, 11, 2) * 60 + digitsAt(text, 14, 2) - offset;
  if (minutes < 0) {
    minutes += 1440;
    day -= 1;
    if (day === 0) {
      month -= 1;
      if (month === 0) {
        month = 12;
        year -= 1;
      }
      day = daysIn(year, month);
    }
  } else if (minutes >= 1440) {
    minutes -= 1440;
    day += 1;
    if (day > daysIn(year, month)) {
      day = 1;
      month += 1;
      if (month === 13) {
        month = 1;
        year += 1;
      }
    }
  }
  // Date#toISOString writes years past 9999 with a sign and six digits: left to the general parser.
  if (year > 9999) return undefined;
  // Built from the fields rather than through a Date: Date#toISOString costs about 1.5 µs.
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}T${pad(Math.floor(minutes / 60), 2)}:${pad(minutes % 60, 2)}:${text.slice(17, 23)}Z`;
}

function daysIn(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] as number);
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
