import { describe, expect, it } from 'vitest';
import { pruneEmpty } from './prune-empty.js';

describe('pruneEmpty', () => {
  it('drops null, undefined, empty and blank strings, empty arrays and empty objects', () => {
    expect(
      pruneEmpty({
        id: '1',
        a: null,
        b: undefined,
        c: '',
        d: '   ',
        e: [],
        f: {},
        name: 'Ada',
      }),
    ).toEqual({ id: '1', name: 'Ada' });
  });

  it('drops texts of any whitespace, as String#trim sees it, and keeps any other', () => {
    const blank = ['\u00a0', ' \t\n', '\u3000\ufeff', '\u2028'];
    const kept = ['x', ' x', '\u00a0x', '\u3000y ', '~', '\u200b'];
    expect(pruneEmpty({ blank, kept })).toEqual({ kept });
  });

  it('keeps false, 0 and other values that say something', () => {
    expect(pruneEmpty({ active: false, count: 0, ratio: 0.5, text: ' x ' })).toEqual({
      active: false,
      count: 0,
      ratio: 0.5,
      text: ' x ',
    });
  });

  it('prunes recursively, dropping containers that become empty', () => {
    expect(
      pruneEmpty({
        id: '1',
        manager: { id: null, name: '' },
        emails: [
          { email: '', type: null },
          { email: 'a@x.io', type: '' },
        ],
        groups: [null, '', { id: '7', name: null }, []],
        nested: { deeper: { deepest: [{}] } },
      }),
    ).toEqual({
      id: '1',
      emails: [{ email: 'a@x.io' }],
      groups: [{ id: '7' }],
    });
  });

  it('returns undefined for a value that is empty as a whole', () => {
    expect(pruneEmpty(null)).toBeUndefined();
    expect(pruneEmpty('')).toBeUndefined();
    expect(pruneEmpty({ a: { b: [] } })).toBeUndefined();
    expect(pruneEmpty([null, {}])).toBeUndefined();
  });

  it('does not change its input', () => {
    const input = { id: '1', a: null, list: [null, 'x'] };
    const copy = structuredClone(input);

    pruneEmpty(input);

    expect(input).toEqual(copy);
  });
});
