import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { type AnyRecord, setupListing } from '../../test/helpers/listing.js';
import { type MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { TEST_ORIGIN } from '../../test/helpers/test-engine.js';

const PAGES = 5;

function user(id: number) {
  return { id, name: `User ${id}`, state: 'on' };
}

function pagePath(page: number): string {
  return page === 1 ? '/users?limit=3' : `/users?limit=3&after=${(page - 1) * 3}`;
}

/** Serves page `page` of a five-page listing (three users a page), `times` times. */
function servePage(routes: MockRoutes, page: number, times = 1) {
  const first = (page - 1) * 3 + 1;
  routes.on(
    pagePath(page),
    {
      body: [user(first), user(first + 1), user(first + 2)],
      headers: page < PAGES ? { link: nextLink(`${TEST_ORIGIN}${pagePath(page + 1)}`) } : {},
    },
    { times },
  );
}

/** Page `page` fails past the retry bound (retry.max_attempts is 3 in the test provider). */
function failPage(routes: MockRoutes, page: number) {
  routes.on(pagePath(page), { status: 503, body: {} }, { times: 3 });
}

async function collect(iterable: AsyncIterable<AnyRecord>, into: string[]): Promise<unknown> {
  try {
    for await (const record of iterable) into.push(record.id);
    return undefined;
  } catch (error) {
    return error;
  }
}

const ALL_IDS = Array.from({ length: PAGES * 3 }, (_, index) => String(index + 1));

describe('errors of a listing carry the cursor to resume from', () => {
  it('list: the error carries the cursor of the call, and resuming from it reads the failed page', async () => {
    const { routes, connection } = setupListing();
    servePage(routes, 1);
    failPage(routes, 2);
    servePage(routes, 2);
    const first = await connection.list('user-directory', 'users');
    const error = await engineError(
      connection.list('user-directory', 'users', { cursor: first.next_cursor }),
    );
    expect(error.code).toBe('provider_unavailable');
    expect(error.cursor).toBe(first.next_cursor);
    const again = await connection.list('user-directory', 'users', { cursor: error.cursor });
    expect(again.result.map((record) => record.id)).toEqual(['4', '5', '6']);
  });

  it('list: a failed first page carries cursor null (start over)', async () => {
    const { routes, connection } = setupListing();
    failPage(routes, 1);
    const error = await engineError(connection.list('user-directory', 'users'));
    expect(error.cursor).toBeNull();
  });

  it('iterate: every record before the cursor was yielded; resuming in another engine loses nothing and repeats nothing', async () => {
    const { routes, connection } = setupListing();
    servePage(routes, 1);
    servePage(routes, 2);
    failPage(routes, 3);
    const ids: string[] = [];
    const failure = await collect(connection.iterate('user-directory', 'users'), ids);
    const error = await engineError(Promise.reject(failure));
    expect(error.code).toBe('provider_unavailable');
    expect(ids).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(error.cursor).toEqual(expect.any(String));

    // Another process: a new engine sharing the cursor secret, a new connection, same credentials.
    const other = setupListing();
    for (let page = 3; page <= PAGES; page += 1) servePage(other.routes, page);
    const rest = await collect(
      other.connection.iterate('user-directory', 'users', { cursor: error.cursor }),
      ids,
    );
    expect(rest).toBeUndefined();
    expect(ids).toEqual(ALL_IDS);
    expect(other.routes.paths()).toEqual([pagePath(3), pagePath(4), pagePath(5)]);
  });

  it('iterate: chained failures, each resumed from its error, deliver the exact set', async () => {
    const { routes, connection } = setupListing();
    for (let page = 1; page <= PAGES; page += 1) {
      if (page % 2 === 0) failPage(routes, page);
      servePage(routes, page);
    }
    const ids: string[] = [];
    let cursor: string | null | undefined;
    let failures = 0;
    for (;;) {
      const failure = await collect(connection.iterate('user-directory', 'users', { cursor }), ids);
      if (failure === undefined) break;
      cursor = (await engineError(Promise.reject(failure))).cursor;
      failures += 1;
      expect(failures).toBeLessThan(5);
    }
    expect(failures).toBe(2);
    expect(ids).toEqual(ALL_IDS);
  });

  it('argument errors carry no cursor', async () => {
    const { connection } = setupListing();
    const error = await engineError(connection.list('user-directory', 'users', { limit: 0 }));
    expect(error.code).toBe('invalid_request');
    expect(error.cursor).toBeUndefined();
  });
});
