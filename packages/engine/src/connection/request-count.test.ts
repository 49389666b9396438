import { describe, expect, it } from 'vitest';
import { setupListing as setupUntyped } from '../../test/helpers/listing.js';
import { type MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { TEST_ORIGIN } from '../../test/helpers/test-engine.js';

import type { Connection } from '../index.js';

/** The listing helpers, with the connection's own (typed) list and iterate. */
function setupListing() {
  const { routes, connection } = setupUntyped();
  return { routes, connection: connection as unknown as Connection };
}

const FIRST = '/users?limit=3';
const SECOND = '/users?limit=3&after=3';

function servePages(routes: MockRoutes) {
  routes.on(FIRST, {
    body: [1, 2, 3].map((id) => ({ id, name: `User ${id}`, state: 'on' })),
    headers: { link: nextLink(`${TEST_ORIGIN}${SECOND}`) },
  });
  routes.on(SECOND, { body: [{ id: 4, name: 'User 4', state: 'on' }] });
}

describe('listing stats count HTTP requests', () => {
  it('list: a page that needed retries counts every attempt', async () => {
    const { routes, connection } = setupListing();
    routes.on(FIRST, { status: 503, body: {} }, { times: 2 });
    servePages(routes);
    const first = await connection.list('user-directory', 'users');
    expect(first.stats).toMatchObject({ requests: 3 });
    const second = await connection.list('user-directory', 'users', { cursor: first.next_cursor });
    expect(second.stats).toMatchObject({ requests: 1 });
    expect(routes.seen).toHaveLength(4);
  });

  it('iterate: the total counts the requests of every page, read ahead included', async () => {
    const { routes, connection } = setupListing();
    routes.on(SECOND, { status: 503, body: {} });
    servePages(routes);
    const listing = connection.iterate('user-directory', 'users');
    const ids: string[] = [];
    let step = await listing.next();
    while (!step.done) {
      ids.push(step.value.id);
      step = await listing.next();
    }
    expect(ids).toEqual(['1', '2', '3', '4']);
    expect(step.value).toMatchObject({ requests: 3 });
  });

  it('calls running at once count only their own requests', async () => {
    const { routes, connection } = setupListing();
    routes.on(FIRST, { status: 503, body: {} });
    servePages(routes);
    routes.on(FIRST, { body: [] });
    const [one, other] = await Promise.all([
      connection.list('user-directory', 'users'),
      connection.list('user-directory', 'users'),
    ]);
    expect([one.stats.requests, other.stats.requests].sort()).toEqual([1, 2]);
  });
});
