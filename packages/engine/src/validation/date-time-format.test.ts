import { fullFormats } from 'ajv-formats/dist/formats.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCanonicalUtc } from './date-time-format.js';

const ajvDateTime = (fullFormats['date-time'] as { validate: (text: string) => boolean }).validate;

/** Stamps of the canonical shape with every field anywhere in 0-99 (or 0-9999), valid or not. */
const canonicalLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }),
  )
  .map(([year, month, day, hour, minute, second, millisecond]) => {
    const two = (value: number) => String(value).padStart(2, '0');
    const fraction = millisecond === undefined ? '' : `.${String(millisecond).padStart(3, '0')}`;
    return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}${fraction}Z`;
  });

describe('the fast date-time check', () => {
  it('accepts a canonical stamp only when ajv-formats accepts it', () => {
    fc.assert(
      fc.property(canonicalLike, (text) => {
        if (isCanonicalUtc(text)) expect(ajvDateTime(text)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('takes every valid canonical stamp itself', () => {
    fc.assert(
      fc.property(canonicalLike, (text) => {
        if (ajvDateTime(text) && !text.includes(':60')) expect(isCanonicalUtc(text)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('leaves every other shape to ajv-formats', () => {
    for (const text of [
      '2024-02-29T23:59:59.999Z',
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2000-02-29T00:00:00Z',
      '2024-05-01T17:03:11+02:00',
      '2024-05-01t17:03:11z',
      '2024-05-01 17:03:11Z',
      '2024-05-01T17:03:11.1Z',
      '2016-12-31T23:59:60Z',
      '２024-05-01T17:03:11Z',
      '',
    ]) {
      expect(isCanonicalUtc(text) ? true : ajvDateTime(text)).toBe(ajvDateTime(text));
    }
    expect(isCanonicalUtc('2024-02-29T23:59:59.999Z')).toBe(true);
    expect(isCanonicalUtc('2023-02-29T00:00:00Z')).toBe(false);
    expect(isCanonicalUtc('2024-05-01T17:03:11+02:00')).toBe(false);
  });
});
