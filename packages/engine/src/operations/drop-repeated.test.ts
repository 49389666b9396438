import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { createEngine, loadProviderDefinition } from '../index.js';
import { dropRepeated } from './drop-repeated.js';

const ORIGIN = 'https://acme.logs.example.com';

// A log polled by time repeats events that share a time stamp at page boundaries.
const definition = loadProviderDefinition(`
version: 1
id: dedupeco
name: Dedupe Co
base_url: { template: 'https://{{params.tenant}}.logs.example.com', allowed_hosts: ['*.logs.example.com'] }
params: { tenant: { pattern: '[a-z]+' } }
auth: [{ id: key, kind: bearer }]
resources:
  user-directory/activities:
    list:
      sources:
        - request: { path: /events }
          pagination: { type: link_header, limit_param: limit, max_limit: 3, dedupe: true }
          mapping: '{ "id": uuid, "action": type, "created_at": at }'
`);

function event(uuid: string) {
  return { uuid, type: 'user.session.start', at: '2026-11-01T10:00:00.000Z' };
}

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const routes = new MockRoutes(agent, ORIGIN);
  routes.on('/events?limit=3', {
    body: [event('a'), event('b'), event('b')],
    headers: { link: nextLink(`${ORIGIN}/events?limit=3&after=2`) },
  });
  routes.on('/events?limit=3&after=2', {
    body: [event('b'), event('c')],
    headers: { link: nextLink(`${ORIGIN}/events?limit=3&after=4`) },
  });
  routes.on('/events?limit=3&after=4', { body: [event('a'), event('d')] });
  const connection = createEngine({ providers: [definition], dispatcher: agent }).connect('dedupeco', {
    params: { tenant: 'acme' },
    auth: { method: 'key', token: 'token-1234' },
  });
  return connection;
}

describe('dedupe', () => {
  it('drops ids repeated on a page or from the page before, when iterating', async () => {
    const ids: string[] = [];
    for await (const activity of setup().iterate('user-directory', 'activities')) ids.push(activity.id);
    // `a` comes back two pages later: outside the one-page window, so it is kept (bounded memory).
    expect(ids).toEqual(['a', 'b', 'c', 'a', 'd']);
  });

  it('does the same across list calls, through the cursor', async () => {
    const connection = setup();
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof connection.list<'user-directory', 'activities'>>> =
        await connection.list('user-directory', 'activities', { cursor });
      pages.push(page.result.map((activity) => activity.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(pages).toEqual([['a', 'b'], ['c'], ['a', 'd']]);
  });
});

describe('the fingerprints carried to the next page', () => {
  it('are the last 100 of the page, so a 1,000-record page keeps the cursor small', () => {
    const records = Array.from({ length: 1000 }, (_, index) => ({ id: `event-${index}` }));
    const { records: kept, fingerprints } = dropRepeated(records, undefined);
    expect(kept).toHaveLength(1000);
    expect(fingerprints).toHaveLength(100);
    // The tail is what page boundaries repeat: the last record of this page is caught next time.
    expect(dropRepeated([{ id: 'event-999' }, { id: 'event-1000' }], fingerprints).records).toEqual([
      { id: 'event-1000' },
    ]);
  });
});
