import { describe, expect, it } from 'vitest';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';

const user = (id: number) => ({ id, name: `User ${id}`, state: 'on' });

function setup() {
  const { engine, agent } = createTestEngine();
  const routes = new MockRoutes(agent, TEST_ORIGIN);
  routes.on('/users?limit=3', {
    body: [user(1), user(2)],
    headers: { link: nextLink(`${TEST_ORIGIN}/users?limit=3&after=2`) },
  });
  routes.on('/users?limit=3&after=2', {
    body: [user(3)],
    headers: { link: nextLink(`${TEST_ORIGIN}/users?limit=3&after=3`) },
  });
  routes.on('/users?limit=3&after=3', { body: [user(4)] });
  return { routes, connection: connectTestProvider(engine) };
}

describe('iterate', () => {
  it('fetches the next page while the caller is still working through the current one', async () => {
    const { routes, connection } = setup();
    const ids: string[] = [];
    for await (const record of connection.iterate('user-directory', 'users')) {
      ids.push(record.id);
      if (record.id === '1') {
        // The caller is busy with the first record (say, writing it to a database)...
        await new Promise((resolve) => setTimeout(resolve, 30));
        // ...and the second page is already on its way, but not the third.
        expect(routes.paths()).toEqual(['/users?limit=3', '/users?limit=3&after=2']);
      }
    }
    expect(ids).toEqual(['1', '2', '3', '4']);
  });

  it('stops reading when the caller stops, with no error left behind', async () => {
    const { routes, connection } = setup();
    for await (const record of connection.iterate('user-directory', 'users')) {
      if (record.id === '1') break;
    }
    await new Promise((resolve) => setTimeout(resolve, 30));
    // The page read ahead is cancelled (it may have left already); nothing further is fetched.
    expect(routes.paths()[0]).toBe('/users?limit=3');
    expect(routes.paths().slice(1)).toEqual(routes.paths().length > 1 ? ['/users?limit=3&after=2'] : []);
  });
});
