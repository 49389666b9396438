import { describe, expect, it } from 'vitest';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';

// A next link on the right origin whose path starts with `//` names another host once resolved
// against the origin (`new URL('//evil.example/x', origin)`): it must stay on the origin.
describe('a same-origin next link whose path starts with //', () => {
  it('is requested on the connection origin, never on the host in its path', async () => {
    const { engine, agent } = createTestEngine();
    const routes = new MockRoutes(agent, TEST_ORIGIN);
    const evil = new MockRoutes(agent, 'https://evil.example');
    evil.on('/steal?after=x', { body: [] }, { times: Number.POSITIVE_INFINITY });
    routes.on('/users?limit=3', {
      body: [{ id: 1, name: 'One', state: 'on' }],
      headers: { link: nextLink(`${TEST_ORIGIN}//evil.example/steal?after=x`) },
    });
    routes.on(`${TEST_ORIGIN}//evil.example/steal?after=x`, { body: [{ id: 2, name: 'Two', state: 'on' }] });
    const connection = connectTestProvider(engine);

    const first = await connection.list('user-directory', 'users');
    const cursorPayload = Buffer.from(first.next_cursor!.split('.')[0]!, 'base64url').toString('utf8');
    const second = await connection.list('user-directory', 'users', { cursor: first.next_cursor });

    expect(second.result.map((user) => user.id)).toEqual(['2']);
    expect(evil.seen).toEqual([]);
    expect(routes.seen.every((request) => request.origin === TEST_ORIGIN)).toBe(true);
    expect(cursorPayload).toContain('"path":"//evil.example/steal?after=x"');
  });
});
