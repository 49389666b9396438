import jsonata from 'jsonata';
import { describe, expect, it } from 'vitest';
import { ianaTimezone, MAPPING_HELPERS, stableId, text, toDate, toIsoUtc } from './jsonata-helpers.js';

describe('$toIsoUtc', () => {
  it('turns any offset into UTC with a Z and milliseconds', () => {
    expect(toIsoUtc('2024-05-01T19:03:11+02:00')).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc('2024-05-01T10:03:11.5-07:00')).toBe('2024-05-01T17:03:11.500Z');
    expect(toIsoUtc('2024-05-01T19:03:11+0200')).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc('2024-05-01T19:03:11+02')).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc('2024-05-01T17:03:11Z')).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc('2024-05-01t17:03:11z')).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc('2024-05-01T17:03:11.123456Z')).toBe('2024-05-01T17:03:11.123Z');
    expect(toIsoUtc('2024-05-01 19:03:11+02:00')).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc('2024-05-01T00:30:00+01:00')).toBe('2024-04-30T23:30:00.000Z');
  });

  it('reads a time stamp without an offset as UTC', () => {
    expect(toIsoUtc('2024-05-01T17:03:11')).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc('2024-05-01T17:03')).toBe('2024-05-01T17:03:00.000Z');
  });

  it('turns epoch milliseconds into UTC', () => {
    expect(toIsoUtc(1_714_582_991_000)).toBe('2024-05-01T17:03:11.000Z');
    expect(toIsoUtc(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('reads a date without a time as midnight UTC', () => {
    expect(toIsoUtc('2024-05-01')).toBe('2024-05-01T00:00:00.000Z');
    expect(toIsoUtc(' 2024-05-01 ')).toBe('2024-05-01T00:00:00.000Z');
  });

  it('gives nothing for nothing', () => {
    expect(toIsoUtc(undefined)).toBeUndefined();
    expect(toIsoUtc(null)).toBeUndefined();
    expect(toIsoUtc('')).toBeUndefined();
  });

  it.each([
    'garbage',
    'yesterday',
    '1',
    '12',
    '1714582991000',
    '2024-02-30',
    '2024-02-31T10:00:00Z',
    '2024-13-01',
    '2024-05-01T25:00:00Z',
    'May 1, 2024 10:00',
    'Wed, 01 May 2024 17:03:11 GMT',
  ])('throws on %j, which is not an ISO-8601 time stamp', (value) => {
    expect(() => toIsoUtc(value)).toThrow(/\$toIsoUtc/);
  });

  it('throws on values that are neither text nor numbers', () => {
    expect(() => toIsoUtc(true)).toThrow(/\$toIsoUtc/);
    expect(() => toIsoUtc({ at: '2024-05-01' })).toThrow(/\$toIsoUtc/);
    expect(() => toIsoUtc(Number.NaN)).toThrow(/\$toIsoUtc/);
    expect(() => toIsoUtc(Number.POSITIVE_INFINITY)).toThrow(/\$toIsoUtc/);
  });

  it('accepts the last day of February in a leap year only', () => {
    expect(toIsoUtc('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(() => toIsoUtc('2023-02-29')).toThrow(/\$toIsoUtc/);
  });
});

describe('$toDate', () => {
  it('keeps a date, and takes the UTC date of a time stamp or epoch milliseconds', () => {
    expect(toDate('2024-05-01')).toBe('2024-05-01');
    expect(toDate(' 2024-05-01 ')).toBe('2024-05-01');
    expect(toDate('2024-05-01T17:03:11Z')).toBe('2024-05-01');
    expect(toDate('2024-05-01T17:03:11.000+00:00')).toBe('2024-05-01');
    expect(toDate(1_714_582_991_000)).toBe('2024-05-01');
  });

  it('gives nothing for nothing and throws on garbage, impossible dates included', () => {
    expect(toDate(undefined)).toBeUndefined();
    expect(toDate(null)).toBeUndefined();
    expect(toDate('')).toBeUndefined();
    expect(() => toDate('soon')).toThrow();
    expect(() => toDate('2024-02-31')).toThrow();
    expect(() => toDate('2024-00-10')).toThrow();
  });
});

describe('$ianaTimezone', () => {
  it('maps Rails zone names, parentheses included, to IANA names', () => {
    expect(ianaTimezone('Pacific Time (US & Canada)')).toBe('America/Los_Angeles');
    expect(ianaTimezone('Eastern Time (US & Canada)')).toBe('America/New_York');
    expect(ianaTimezone('Central Time (US & Canada)')).toBe('America/Chicago');
    expect(ianaTimezone('London')).toBe('Europe/London');
    expect(ianaTimezone('Tokyo')).toBe('Asia/Tokyo');
    expect(ianaTimezone('  Berlin ')).toBe('Europe/Berlin');
  });

  it('passes IANA names through', () => {
    expect(ianaTimezone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaTimezone('America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(ianaTimezone('UTC')).toMatch(/^(Etc\/)?UTC$/);
  });

  it('gives undefined for unknown names and non-text', () => {
    expect(ianaTimezone('Atlantis/Lost_City')).toBeUndefined();
    expect(ianaTimezone('Pacific Time')).toBeUndefined();
    expect(ianaTimezone('+02:00')).toBeUndefined();
    expect(ianaTimezone('')).toBeUndefined();
    expect(ianaTimezone(undefined)).toBeUndefined();
    expect(ianaTimezone(42)).toBeUndefined();
  });
});

describe('$stableId', () => {
  it('is equal for parts that differ only in case and spacing', () => {
    const id = stableId('1 Main Street', 'Springfield', 'IL', '62701', 'US');

    expect(stableId('  1  main street ', 'SPRINGFIELD', 'il', ' 62701', 'us')).toBe(id);
    expect(stableId('1\tMain\nStreet', 'Springfield', 'IL', '62701', 'US')).toBe(id);
  });

  it('differs for different addresses and for parts that move between fields', () => {
    const id = stableId('1 Main Street', 'Springfield');

    expect(stableId('2 Main Street', 'Springfield')).not.toBe(id);
    expect(stableId('1 Main Street', 'Shelbyville')).not.toBe(id);
    expect(stableId('1 Main', 'Street Springfield')).not.toBe(id);
    expect(stableId('1 Main Street', undefined, 'Springfield')).not.toBe(id);
  });

  it('treats a missing part like an empty one', () => {
    expect(stableId('a', undefined, 'c')).toBe(stableId('a', '', 'c'));
    expect(stableId('a', null, 'c')).toBe(stableId('a', '  ', 'c'));
  });

  it('gives the same id remembered as made afresh, and never one list of parts for another', () => {
    const first = stableId('a \u001f', 'b');
    const other = stableId('a ', '\u001fb');
    expect(stableId('a \u001f', 'b')).toBe(first);
    expect(stableId('a ', '\u001fb')).toBe(other);
    expect(other).not.toBe(first);
    // More distinct parts than are remembered: the earliest are made again, alike.
    const ids = Array.from({ length: 1_500 }, (_, index) => stableId(`${index} Main Street`, 'Springfield'));
    expect(new Set(ids).size).toBe(1_500);
    expect(stableId('0 Main Street', 'Springfield')).toBe(ids[0]);
    expect(stableId(['1 Main Street', 'Springfield'])).toBe(ids[1]);
  });

  it('is a short URL-safe value that stays the same from release to release', () => {
    const id = stableId('1 Main Street', 'Springfield', 'IL', '62701', 'US');

    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(id).toBe('ePwdP5--VGoIJGgszRhgcF');
  });
});

describe('the helpers inside JSONata', () => {
  const run = (expression: string, input: unknown) =>
    jsonata(expression).evaluate(input, { ...MAPPING_HELPERS });

  it('are callable from a mapping, and absent fields give absent results', async () => {
    expect(
      await run(
        '{ "at": $toIsoUtc(at), "day": $toDate(at), "zone": $ianaTimezone(zone), "id": $stableId(street, city), "none": $toIsoUtc(missing) }',
        { at: '2024-05-01T19:03:11+02:00', zone: 'Pacific Time (US & Canada)', street: '1 Main', city: 'X' },
      ),
    ).toEqual({
      at: '2024-05-01T17:03:11.000Z',
      day: '2024-05-01',
      zone: 'America/Los_Angeles',
      id: stableId('1 main', 'x'),
    });
  });

  it('fail the evaluation on garbage', async () => {
    await expect(run('$toIsoUtc(at)', { at: 'not a date' })).rejects.toThrow(/\$toIsoUtc/);
  });
});

describe('$text', () => {
  it('trims and collapses whitespace, stringifies values, and gives "" when absent', () => {
    expect(text('  Jane \t\n  Doe  ')).toBe('Jane Doe');
    expect(text(undefined)).toBe('');
    expect(text(null)).toBe('');
    expect(text(42)).toBe('42');
    expect(text(false)).toBe('false');
    expect(text({ a: 1 })).toBe('{"a":1}');
  });
});

describe('$stableId and Unicode', () => {
  it('gives one id for a composed and a decomposed spelling of the same letters', () => {
    const composed = 'Z\u00fcrich';
    const decomposed = 'Zu\u0308rich';
    expect(composed).not.toBe(decomposed);
    expect(stableId('Bahnhofstrasse 1', decomposed)).toBe(stableId('Bahnhofstrasse 1', composed));
  });
});
