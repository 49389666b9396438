import { describe, expect, it } from 'vitest';
import { setupListing } from '../../test/helpers/listing.js';
import { testProvider } from '../../test/helpers/test-engine.js';
import { sourcePipeline } from './source-pipeline.js';

/** The stages of every source of a test-provider resource: default sources, then each variant's. */
function stagesOf(key: string): string[][] {
  const resource = testProvider.resources.get(key)!;
  const list = resource.list!;
  return [list.sources, ...list.variants.map((variant) => variant.sources)].map((sources) =>
    sources.map((source) => sourcePipeline(resource, source).stages.join(' > ')),
  );
}

const DEPARTMENTS = [
  { id: 'd1', name: 'Sales' },
  { id: 'd2', name: 'Support' },
];

describe('source pipelines', () => {
  it('hold the stages each source of the test provider needs, in order', () => {
    expect(stagesOf('user-directory/users')).toEqual([
      ['fetch > map > local filter'],
      ['fetch > map > local filter'],
    ]);
    expect(stagesOf('user-directory/roles')).toEqual([
      ['static > map > local filter', 'fetch > status rule > map > local filter'],
    ]);
    expect(stagesOf('sso/app-users')).toEqual([
      ['fan-out fetch > map > local filter'],
      ['fetch > map > local filter'],
    ]);
    expect(stagesOf('hris/employees')).toEqual([
      ['fetch > map > local filter'],
      ['fetch > join > map > local filter'],
    ]);
    expect(stagesOf('hris/locations')).toEqual([['derive > local filter']]);
    expect(stagesOf('hris/groups')).toEqual([['fetch > enrich > map > dedupe > local filter']]);
  });

  it('are built once per definition', () => {
    const resource = testProvider.resources.get('hris/groups')!;
    const source = resource.list!.sources[0]!;
    expect(sourcePipeline(resource, source)).toBe(sourcePipeline(resource, source));
  });
});

describe('enrich stage', () => {
  it("adds each record's answer under _enriched before mapping; a 404 its status rule skips adds none", async () => {
    const { routes, connection, warnings } = setupListing();
    routes.on('/departments', { body: { items: DEPARTMENTS } });
    routes.on('/departments/d1/head', { body: { name: 'Ada' } });
    routes.on('/departments/d2/head', { status: 404, body: { error: { code: 'E404', text: 'no head' } } });

    const page = await connection.list('hris', 'groups');

    expect(page.result).toEqual([
      {
        id: 'd1',
        name: 'Sales',
        type: 'department',
        description: 'Head: Ada',
        remote_data: { id: 'd1', name: 'Sales', _enriched: { head: 'Ada' } },
      },
      {
        id: 'd2',
        name: 'Support',
        type: 'department',
        remote_data: { id: 'd2', name: 'Support', _enriched: {} },
      },
    ]);
    expect(routes.paths()).toEqual(['/departments', '/departments/d1/head', '/departments/d2/head']);
    expect(warnings).toEqual([]);
  });
});

describe('dedupe stage', () => {
  function departments(routes: ReturnType<typeof setupListing>['routes']) {
    routes.on('/departments', { body: { items: DEPARTMENTS, next: 'c2' } });
    // The list changed between the two reads: d2 moved onto the second page too.
    routes.on('/departments?after=c2', { body: { items: [DEPARTMENTS[1], { id: 'd3', name: 'Legal' }] } });
    routes.on('/departments/d1/head', { status: 404, body: {} }, { times: Infinity });
    routes.on('/departments/d2/head', { status: 404, body: {} }, { times: Infinity });
    routes.on('/departments/d3/head', { status: 404, body: {} }, { times: Infinity });
  }

  it('drops an id repeated at a page boundary while iterating', async () => {
    const { routes, connection } = setupListing();
    departments(routes);
    const ids: string[] = [];

    for await (const group of connection.iterate('hris', 'groups')) ids.push(group.id);

    expect(ids).toEqual(['d1', 'd2', 'd3']);
  });

  it('drops it across list calls too: the cursor carries the last ids of the page before', async () => {
    const { routes, connection } = setupListing();
    departments(routes);

    const first = await connection.list('hris', 'groups');
    const second = await connection.list('hris', 'groups', { cursor: first.next_cursor });

    expect(first.result.map((group) => group.id)).toEqual(['d1', 'd2']);
    expect(second.result.map((group) => group.id)).toEqual(['d3']);
    expect(second.next_cursor).toBeNull();
  });
});

describe('fetch, map and local filter stages', () => {
  it('read a page, map it, and keep only the records a filter the source cannot answer selects', async () => {
    const { routes, connection } = setupListing();
    routes.on('/departments', { body: { items: DEPARTMENTS } });
    routes.on('/departments/d1/head', { status: 404, body: {} });
    routes.on('/departments/d2/head', { status: 404, body: {} });
    routes.on('/users?limit=3', {
      body: [
        { id: 1, name: 'Ada', email: 'ada@example.com', state: 'on' },
        { id: 2, name: 'Grace', email: 'grace@example.com', state: 'on' },
      ],
    });

    const groups = await connection.list('hris', 'groups');
    const users = await connection.list('user-directory', 'users', {
      filter: { email: 'grace@example.com' },
    });

    expect(groups.result.map((group) => [group.id, group.name])).toEqual([
      ['d1', 'Sales'],
      ['d2', 'Support'],
    ]);
    expect(users.result.map((user) => user.id)).toEqual(['2']);
    expect(routes.paths()).toContain('/users?limit=3');
  });
});
