import { describe, expect, it } from 'vitest';
import { parseScimFilter, ScimFilterError } from '../src/okta/scim-filter.js';
import { matchesScimFilter, referencedAttributes } from '../src/okta/scim-match.js';

const user = {
  id: '00u1',
  status: 'ACTIVE',
  created: '2020-03-01T10:00:00.000Z',
  lastUpdated: '2024-06-15T08:30:00.000Z',
  profile: {
    firstName: 'Zoë',
    lastName: 'Müller',
    department: 'Engineering',
    email: 'zoe.muller1@acme.example.com',
    secondEmail: null,
  },
  tags: ['vpn', 'admin'],
};

const matches = (expression: string) => matchesScimFilter(parseScimFilter(expression), user);

describe('SCIM filter expressions', () => {
  it('compares with eq, ignoring case for text', () => {
    expect(matches('status eq "ACTIVE"')).toBe(true);
    expect(matches('status eq "active"')).toBe(true);
    expect(matches('status eq "SUSPENDED"')).toBe(false);
    expect(matches('profile.department eq "Engineering"')).toBe(true);
  });

  it('matches prefixes with sw and substrings with co, non-ASCII included', () => {
    expect(matches('profile.lastName sw "Mü"')).toBe(true);
    expect(matches('profile.lastName sw "Mu"')).toBe(false);
    expect(matches('profile.email co "muller1@"')).toBe(true);
    expect(matches('profile.firstName co "x"')).toBe(false);
  });

  it('orders timestamps as instants with gt, ge, lt and le', () => {
    expect(matches('lastUpdated gt "2024-06-15T08:29:59.999Z"')).toBe(true);
    expect(matches('lastUpdated gt "2024-06-15T08:30:00.000Z"')).toBe(false);
    expect(matches('lastUpdated ge "2024-06-15T08:30:00.000Z"')).toBe(true);
    expect(matches('created lt "2020-03-01T10:00:00.001Z"')).toBe(true);
    expect(matches('created le "2020-01-01T00:00:00.000Z"')).toBe(false);
    // An offset notation of the same instant compares equal.
    expect(matches('lastUpdated ge "2024-06-15T10:30:00.000+02:00"')).toBe(true);
  });

  it('tests presence with pr: null and missing attributes are absent', () => {
    expect(matches('status pr')).toBe(true);
    expect(matches('profile.secondEmail pr')).toBe(false);
    expect(matches('profile.nickName pr')).toBe(false);
  });

  it('combines with and, or and parentheses, and binding tighter than or', () => {
    expect(matches('status eq "SUSPENDED" or status eq "ACTIVE" and profile.department eq "Sales"')).toBe(
      false,
    );
    expect(matches('status eq "ACTIVE" or status eq "SUSPENDED" and profile.department eq "Sales"')).toBe(
      true,
    );
    expect(
      matches('(status eq "SUSPENDED" or status eq "ACTIVE") and profile.department eq "Engineering"'),
    ).toBe(true);
    expect(matches('(status eq "SUSPENDED" or status eq "ACTIVE") and profile.department eq "Sales"')).toBe(
      false,
    );
  });

  it('matches an array when any element matches, and reads escaped quotes', () => {
    expect(matches('tags eq "admin"')).toBe(true);
    expect(matchesScimFilter(parseScimFilter('name eq "say \\"hi\\""'), { name: 'say "hi"' })).toBe(true);
  });

  it('rejects malformed expressions with a message naming the problem', () => {
    expect(() => parseScimFilter('lastUpdated gt 2025-01-01T00:00:00.000Z')).toThrow(/quoted/);
    expect(() => parseScimFilter('status ne "ACTIVE"')).toThrow(ScimFilterError);
    expect(() => parseScimFilter('(status eq "ACTIVE"')).toThrow(/"\)"/);
    expect(() => parseScimFilter('status eq "ACTIVE" and')).toThrow(/attribute name/);
    expect(() => parseScimFilter('status eq "ACTIVE')).toThrow(/Unterminated/);
    expect(() => parseScimFilter('   ')).toThrow(/empty/);
  });

  it('lists the attributes an expression mentions', () => {
    const expression = parseScimFilter('(status pr or id eq "00u1") and profile.city sw "San"');
    expect([...referencedAttributes(expression)].sort()).toEqual(['id', 'profile.city', 'status']);
  });
});
