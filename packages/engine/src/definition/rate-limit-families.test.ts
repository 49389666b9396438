import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupListing } from '../../test/helpers/listing.js';
import { RateLimitFamilies } from './rate-limit-families.js';
import { parseTemplate } from './template.js';

describe('rate-limit families', () => {
  const families = new RateLimitFamilies({ members: ['/members', '/members/*'], logs: ['/logs/**'] });
  families.learn([parseTemplate('/apps/{{parent.id}}/users'), parseTemplate('/members/{{id}}')]);

  it('finds the family of a request path template by the declared matchers; a placeholder is one segment', () => {
    expect(families.ofTemplate(parseTemplate('/members'))).toBe('members');
    expect(families.ofTemplate(parseTemplate('/members/{{id}}'))).toBe('members');
    expect(families.ofTemplate(parseTemplate('/members/{{id}}/roles'))).toBe('/members/{{id}}/roles');
    expect(families.ofTemplate(parseTemplate('/logs/{{id}}/events'))).toBe('logs');
  });

  it('finds the family of a proxy path by the same matchers, then by the requests of the definition', () => {
    expect(families.ofPath('/members/42')).toBe('members');
    expect(families.ofPath('/apps/a1/users')).toBe('/apps/{{parent.id}}/users');
    expect(families.ofPath('/apps/a1/users/u1')).toBe('/apps/a1/users/u1');
  });
});

describe('a family of the test provider', () => {
  const NOW = Date.parse('2026-03-01T12:00:00.000Z');
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  it('is one budget for a user by id, the user listing and proxy calls to either, and no other', async () => {
    const { routes, connection } = setupListing();
    const low = { 'X-Limit': '10', 'X-Remaining': '1', 'X-Reset': String(NOW / 1000 + 30) };
    routes.on('/users/u1', { body: { id: 'u1', name: 'Ada', state: 'on' }, headers: low });
    routes.on('/users', { body: [] });
    routes.on('/groups', { body: [] });

    await connection.get('user-directory', 'users', 'u1');
    let listed = false;
    const listing = connection.proxy({ path: '/users' }).then(() => {
      listed = true;
    });
    await connection.proxy({ path: '/groups' });
    await vi.advanceTimersByTimeAsync(29_000);

    expect(listed).toBe(false);
    expect(routes.paths()).toEqual(['/users/u1', '/groups']);
    await vi.advanceTimersByTimeAsync(1_000);
    await listing;
    expect(routes.paths()).toEqual(['/users/u1', '/groups', '/users']);
  });
});
