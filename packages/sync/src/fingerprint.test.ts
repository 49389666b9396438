import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint.js';

describe('fingerprint', () => {
  it('ignores key order and remote_data, and sees any change of a unified value', () => {
    const user = { id: 'u1', name: 'Ada', emails: [{ email: 'ada@example.com', is_primary: true }] };
    const reordered = { emails: [{ is_primary: true, email: 'ada@example.com' }], name: 'Ada', id: 'u1' };
    expect(fingerprint(reordered)).toBe(fingerprint(user));
    expect(fingerprint({ ...user, remote_data: { anything: 1 } })).toBe(fingerprint(user));
    expect(fingerprint({ ...user, name: 'Ada L.' })).not.toBe(fingerprint(user));
    expect(fingerprint({ ...user, emails: [] })).not.toBe(fingerprint(user));
    expect(fingerprint({ ...user, title: 'CTO' })).not.toBe(fingerprint(user));
  });
});
