import { describe, expect, it } from 'vitest';
import { setupListing } from '../../test/helpers/listing.js';

const EMPLOYEES = {
  data: [
    { id: 'e1', name: 'Ada' },
    { id: 'e2', name: 'Grace' },
    { id: 'e3', name: 'Linus' },
  ],
};

/** A join of the test provider: employees of a group, read in full from the employees endpoint. */
describe('join', () => {
  it('keeps the records whose id the joined request lists, over all its pages, records unchanged', async () => {
    const { routes, connection } = setupListing();
    routes.on('/employees', { body: EMPLOYEES });
    routes.on('/groups/g1/members?count=2', {
      body: { members: [{ id: 'e3' }, { id: 'x9' }], meta: { next: 'c2' } },
    });
    routes.on('/groups/g1/members?count=2&cursor=c2', { body: { members: [{ id: 'e1' }], meta: {} } });

    const page = await connection.list('hris', 'employees', { filter: { group_id: 'g1' } });

    expect(page.result.map((employee) => [employee.id, employee.display_name])).toEqual([
      ['e1', 'Ada'],
      ['e3', 'Linus'],
    ]);
    expect(page.result[0]?.remote_data).toEqual({ id: 'e1', name: 'Ada' });
    expect(page.next_cursor).toBeNull();
  });

  it('is not read without the filter that selects it', async () => {
    const { routes, connection } = setupListing();
    routes.on('/employees', { body: EMPLOYEES });

    const page = await connection.list('hris', 'employees');

    expect(page.result).toHaveLength(3);
    expect(routes.paths()).toEqual(['/employees']);
  });

  it('reads the joined ids once per iteration', async () => {
    const { routes, connection } = setupListing();
    routes.on('/employees', { body: EMPLOYEES });
    routes.on('/groups/g1/members?count=2', { body: { members: [{ id: 'e2' }], meta: {} } });
    const ids: string[] = [];

    for await (const employee of connection.iterate('hris', 'employees', { filter: { group_id: 'g1' } }))
      ids.push(employee.id);

    expect(ids).toEqual(['e2']);
    expect(routes.paths()).toEqual(['/employees', '/groups/g1/members?count=2']);
  });
});
