import { MockAgent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes, nextLink } from '../../test/helpers/mock-routes.js';
import { createEngine, loadProviderDefinition } from '../index.js';

const ORIGIN = 'https://acme.audit.example.com';
const DAY = 86_400_000;

const definition = loadProviderDefinition(`
version: 1
id: auditco
name: Audit Co
base_url: { template: 'https://{{params.tenant}}.audit.example.com', allowed_hosts: ['*.audit.example.com'] }
params: { tenant: { pattern: '[a-z]+' } }
auth: [{ id: key, kind: bearer }]
resources:
  user-directory/activities:
    filters:
      created_after: { type: date_time, max_age_days: 90 }
      created_before: { type: date_time, max_age_days: 90 }
    list:
      sources:
        - request: { path: /events, query: { since: '{{filter.created_after}}', until: '{{filter.created_before}}' } }
          pagination: { type: link_header }
          remote_filters: [created_after, created_before]
          mapping: '{ "id": id, "action": type, "created_at": at }'
`);

function setup() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const connection = createEngine({ providers: [definition], dispatcher: agent }).connect('auditco', {
    params: { tenant: 'acme' },
    auth: { method: 'key', token: 'token-1234' },
  });
  return { routes: new MockRoutes(agent, ORIGIN), connection };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('date filter ranges', () => {
  it('refuses an after that is not earlier than its before, with nothing sent', async () => {
    const { routes, connection } = setup();
    const error = await engineError(
      connection.list('user-directory', 'activities', {
        filter: {
          created_after: new Date(Date.now() - DAY).toISOString(),
          created_before: new Date(Date.now() - 2 * DAY).toISOString(),
        },
      }),
    );
    expect(error.code).toBe('invalid_filter');
    expect(error.message).toMatch(/created_after .* must be earlier than created_before/);
    expect(routes.seen).toEqual([]);
  });

  it('refuses a before older than the window the provider keeps', async () => {
    const { connection } = setup();
    const error = await engineError(
      connection.list('user-directory', 'activities', {
        filter: { created_before: new Date(Date.now() - 100 * DAY).toISOString() },
      }),
    );
    expect(error.code).toBe('invalid_filter');
    expect(error.message).toContain('at most 90 days');
  });

  it('keeps a listing going from its cursor after the window has moved past its start', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const start = Date.parse('2026-11-01T00:00:00.000Z');
    vi.setSystemTime(start);
    const { routes, connection } = setup();
    const since = new Date(start - 89.9 * DAY).toISOString();
    routes.on(`/events?since=${encodeURIComponent(since)}`, {
      body: [{ id: 'e1', type: 'login', at: since }],
      headers: { link: nextLink(`${ORIGIN}/events?after=e1`) },
    });
    routes.on('/events?after=e1', { body: [{ id: 'e2', type: 'login', at: since }] });
    const first = await connection.list('user-directory', 'activities', { filter: { created_after: since } });
    vi.setSystemTime(start + DAY);
    const second = await connection.list('user-directory', 'activities', {
      filter: { created_after: since },
      cursor: first.next_cursor,
    });
    expect(second.result.map((event) => event.id)).toEqual(['e2']);
    // A new listing with the same start is now outside the window.
    await expect(
      connection.list('user-directory', 'activities', { filter: { created_after: since } }),
    ).rejects.toMatchObject({
      code: 'invalid_filter',
    });
  });
});
