import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { setupListing } from '../../test/helpers/listing.js';

/** The one `on_status` rule, as list sources and joins of the test provider use it. */
describe('on_status', () => {
  it('skips a list source whose first page answers a listed status, and tells onWarning its text', async () => {
    const { routes, connection, warnings } = setupListing();
    routes.on('/roles?skip=0&take=2', {
      status: 404,
      body: { error: { code: 'E404', text: 'no such feature' } },
    });

    const ids: string[] = [];
    for await (const role of connection.iterate('user-directory', 'roles')) ids.push(role.id);

    expect(ids).toEqual(['OWNER']);
    expect(warnings.map((warning) => (warning as Error).message)).toEqual([
      '[engine] [testco] roles.list: custom roles are not enabled ([engine] [testco] roles.list: HTTP 404: E404: no such feature)',
    ]);
  });

  it('fails on a status the rule does not list', async () => {
    const { routes, connection } = setupListing();
    routes.on('/roles?skip=0&take=2', { status: 403, body: { error: { code: 'E403', text: 'forbidden' } } });

    const error = await engineError(
      (async () => {
        for await (const _ of connection.iterate('user-directory', 'roles'));
      })(),
    );

    expect(error.code).toBe('forbidden');
  });

  it('never skips a later page: a source that vanishes mid-listing fails', async () => {
    const { routes, connection } = setupListing();
    routes.on('/roles?skip=0&take=2', {
      body: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
    });
    routes.on('/roles?skip=2&take=2', { status: 404, body: { error: { code: 'E404', text: 'gone' } } });
    const records: string[] = [];

    const error = await engineError(
      (async () => {
        for await (const role of connection.iterate('user-directory', 'roles', { limit: 2 }))
          records.push(role.id);
      })(),
    );

    expect(records).toEqual(['OWNER', 'custom:a', 'custom:b']);
    expect(error.code).toBe('not_found');
  });

  it('makes a join whose first page answers a listed status list no ids, silently', async () => {
    const { routes, connection, warnings } = setupListing();
    routes.on('/employees', { body: { data: [{ id: 'e1', name: 'Ada' }] } });
    routes.on('/groups/g9/members?count=2', {
      status: 404,
      body: { error: { code: 'E404', text: 'no group' } },
    });

    const page = await connection.list('hris', 'employees', { filter: { group_id: 'g9' } });

    expect(page.result).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
