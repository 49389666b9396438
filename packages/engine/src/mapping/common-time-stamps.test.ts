import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonTimeStampToUtc } from './common-time-stamps.js';

describe('commonTimeStampToUtc', () => {
  it('gives a UTC time stamp with milliseconds back as it is', () => {
    expect(commonTimeStampToUtc('2024-02-29T23:59:59.123Z')).toBe('2024-02-29T23:59:59.123Z');
  });

  it('converts a time stamp with an offset to UTC', () => {
    expect(commonTimeStampToUtc('2023-03-14T09:12:45.120-07:00')).toBe('2023-03-14T16:12:45.120Z');
    expect(commonTimeStampToUtc('2025-01-01T00:30:00.000+01:00')).toBe('2024-12-31T23:30:00.000Z');
  });

  it('agrees with Date.parse on every valid time stamp of both shapes', () => {
    const samples = [
      '1999-12-31T23:59:59.999+14:00',
      '2000-02-29T12:00:00.000-23:59',
      '0100-01-01T00:00:00.000+00:01',
      '9999-12-31T23:59:59.999Z',
      '2024-02-29T23:30:00.000-01:00',
      '2023-12-31T23:59:00.000-00:01',
      '2024-01-01T00:00:00.000+00:01',
      '2024-03-01T00:10:00.000+00:11',
    ];
    for (const sample of samples) {
      expect(commonTimeStampToUtc(sample)).toBe(new Date(Date.parse(sample)).toISOString());
    }
  });

  it('agrees with Date on generated time stamps with offsets, across day, month and year ends', () => {
    const two = (value: number) => String(value).padStart(2, '0');
    const stamp = fc
      .record({
        year: fc.oneof(fc.integer({ min: 100, max: 9999 }), fc.constantFrom(100, 1999, 2000, 2024, 9999)),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
        hour: fc.oneof(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 23)),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        millisecond: fc.integer({ min: 0, max: 999 }),
        sign: fc.constantFrom('+', '-'),
        offsetHours: fc.integer({ min: 0, max: 23 }),
        offsetMinutes: fc.integer({ min: 0, max: 59 }),
      })
      .map(
        (t) =>
          `${String(t.year).padStart(4, '0')}-${two(t.month)}-${two(t.day)}T${two(t.hour)}:${two(t.minute)}:${two(t.second)}.${String(t.millisecond).padStart(3, '0')}${t.sign}${two(t.offsetHours)}:${two(t.offsetMinutes)}`,
      );
    let converted = 0;
    fc.assert(
      fc.property(stamp, (text) => {
        const fast = commonTimeStampToUtc(text);
        // Undefined hands the stamp to the general parser (a day the month lacks, year 10000).
        if (fast === undefined) return;
        converted += 1;
        expect(fast).toBe(new Date(Date.parse(text)).toISOString());
      }),
      { numRuns: 20_000 },
    );
    expect(converted).toBeGreaterThan(15_000);
  });

  it('leaves every other shape and every out-of-range field to the general parser', () => {
    for (const text of [
      '2023-02-29T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z',
      '2023-13-01T00:00:00.000Z',
      '2023-01-01T24:00:00.000Z',
      '2023-01-01T00:60:00.000Z',
      '2023-01-01T00:00:00.000z',
      '2023-01-01T00:00:00Z',
      '2023-01-01 00:00:00.000Z',
      '2023-01-01T00:00:00.000+0100',
      '2023-01-01T00:00:00.000+24:00',
      '0099-01-01T00:00:00.000+01:00',
      ' 2023-01-01T00:00:00.000Z',
    ]) {
      expect(commonTimeStampToUtc(text)).toBeUndefined();
    }
  });
});
