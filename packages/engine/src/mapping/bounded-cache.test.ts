import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';
import { ianaTimezone, validZones } from './jsonata-helpers.js';

describe('BoundedCache', () => {
  it('keeps the most recently used entries up to its limit', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
  });
});

describe('the time-zone name cache', () => {
  it('stays bounded however many distinct names a provider sends', () => {
    for (let index = 0; index < 5_000; index += 1) ianaTimezone(`Nowhere/Zone ${index}`);
    expect(validZones.size).toBeLessThanOrEqual(validZones.limit);
    expect(ianaTimezone('Europe/Paris')).toBe('Europe/Paris');
    expect(ianaTimezone('Pacific Time (US & Canada)')).toBe('America/Los_Angeles');
  });
});
