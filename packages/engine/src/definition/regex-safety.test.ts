import { describe, expect, it } from 'vitest';
import { catastrophicBacktracking } from './regex-safety.js';

describe('catastrophic backtracking check', () => {
  it.each(['(a+)+$', '^(a|aa)*$', '^(\\w+\\s?)*$', '(.*a){20}', '^([a-z]{1,8})*$', '^(x+x+)+y$'])(
    'refuses %s',
    (pattern) => {
      expect(catastrophicBacktracking(pattern)).toContain('exponentially');
    },
  );

  it.each([
    '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$',
    '^(?![a-z0-9-]*-admin\\.)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.(?:okta|oktapreview|okta-emea)\\.com$',
    '^(?<uuid>[0-9A-Za-z-]{1,64})$',
    '^(?<app_id>[^:]+):(?<user_id>.+)$',
    '^[A-Za-z]{2}$',
    '\\s+',
    '(ab)*',
  ])('accepts %s', (pattern) => {
    expect(catastrophicBacktracking(pattern, 'u')).toBeUndefined();
  });

  it('takes a regex literal with its flags', () => {
    expect(catastrophicBacktracking(/^(A|a)*$/i)).toBeDefined();
  });

  it('would have hung: the refused pattern really backtracks', () => {
    const started = performance.now();
    /^([a-z]{1,8})*$/.test(`${'a'.repeat(22)}!`);
    expect(performance.now() - started).toBeGreaterThan(5);
  });
});
