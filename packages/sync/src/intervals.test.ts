import { describe, expect, it } from 'vitest';
import { formatInterval, parseInterval } from './intervals.js';

describe('intervals', () => {
  it('reads minutes, hours and days as whole minutes', () => {
    expect(parseInterval('every', '15m')).toBe(15);
    expect(parseInterval('every', '2h')).toBe(120);
    expect(parseInterval('every', '1d')).toBe(1440);
    expect([15, 120, 1440, 90].map(formatInterval)).toEqual(['15m', '2h', '1d', '90m']);
  });

  it('refuses seconds, zero, fractions and other text with invalid_request', () => {
    for (const text of ['30s', '0m', '1.5h', '15', 'm', '', 15, undefined, '400d']) {
      expect(() => parseInterval('every', text)).toThrow(
        expect.objectContaining({ code: 'invalid_request' }),
      );
    }
  });
});
