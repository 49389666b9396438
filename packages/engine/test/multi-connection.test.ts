import { describe, expect, it } from 'vitest';
import { loadProviderDefinition } from '../src/definition/provider-source.js';
import type { Connection } from '../src/index.js';
import { MockRoutes, nextLink } from './helpers/mock-routes.js';
import { createTestEngine } from './helpers/test-engine.js';

const ACME = 'https://acme.api.example.com';
const GLOBEX = 'https://globex.api.example.com';
const PAGES = 4;

/** Serves PAGES link_header pages of users on an origin; every reply is a little late so calls interleave. */
function serveUsers(routes: MockRoutes, origin: string, prefix: string) {
  for (let page = 1; page <= PAGES; page += 1) {
    const path = page === 1 ? `${origin}/users?limit=3` : `${origin}/users?page=${page}`;
    routes.on(
      path,
      {
        body: [1, 2, 3].map((item) => ({ id: `${prefix}-${page}-${item}`, state: 'on' })),
        headers: page < PAGES ? { link: nextLink(`${origin}/users?page=${page + 1}`) } : {},
      },
      { delayMs: 2 + ((page * 7) % 5) },
    );
  }
}

async function ids(connection: Connection): Promise<string[]> {
  const found: string[] = [];
  for await (const record of connection.iterate('user-directory', 'users')) found.push(record.id);
  return found;
}

function expected(prefix: string): string[] {
  return Array.from({ length: PAGES }, (_, page) =>
    [1, 2, 3].map((item) => `${prefix}-${page + 1}-${item}`),
  ).flat();
}

/** True when the requests of the two origins did not all come one after the other. */
function interleaved(origins: string[]): boolean {
  const changes = origins.filter((origin, index) => index > 0 && origin !== origins[index - 1]).length;
  return changes > 1;
}

describe('two connections of one engine, used concurrently', () => {
  it('sends each tenant its own API key and never crosses hosts', async () => {
    const { engine, agent } = createTestEngine();
    const routes = new MockRoutes(agent, ACME);
    serveUsers(routes, ACME, 'acme');
    serveUsers(routes, GLOBEX, 'globex');
    const acme = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'api_key', token: 'acme-key' },
    });
    const globex = engine.connect('testco', {
      params: { tenant: 'globex' },
      auth: { method: 'api_key', token: 'globex-key' },
    });
    const [acmeIds, globexIds] = await Promise.all([ids(acme), ids(globex)]);
    expect(acmeIds).toEqual(expected('acme'));
    expect(globexIds).toEqual(expected('globex'));
    expect(routes.to(ACME)).toHaveLength(PAGES);
    expect(routes.to(GLOBEX)).toHaveLength(PAGES);
    for (const request of routes.seen) {
      expect(request.headers['x-api-key']).toBe(request.origin === ACME ? 'acme-key' : 'globex-key');
    }
    expect(interleaved(routes.seen.map((request) => request.origin))).toBe(true);
    expect(agent.pendingInterceptors()).toHaveLength(0);
  });

  it('keeps different auth methods apart: a bearer token and an API key', async () => {
    const { engine, agent } = createTestEngine();
    const routes = new MockRoutes(agent, ACME);
    serveUsers(routes, ACME, 'acme');
    serveUsers(routes, GLOBEX, 'globex');
    const acme = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'bearer', token: 'acme-bearer' },
    });
    const globex = engine.connect('testco', {
      params: { tenant: 'globex' },
      auth: { method: 'api_key', token: 'globex-key' },
    });
    const [acmeIds, globexIds] = await Promise.all([ids(acme), ids(globex)]);
    expect(acmeIds).toEqual(expected('acme'));
    expect(globexIds).toEqual(expected('globex'));
    expect(routes.seen).toHaveLength(2 * PAGES);
    for (const request of routes.to(ACME)) {
      expect(request.headers.authorization).toBe('Bearer acme-bearer');
      expect(request.headers['x-api-key']).toBeUndefined();
    }
    for (const request of routes.to(GLOBEX)) {
      expect(request.headers['x-api-key']).toBe('globex-key');
      expect(request.headers.authorization).toBeUndefined();
    }
  });

  it('fetches and uses one OAuth token per tenant, each on its own host', async () => {
    const { engine, agent } = createTestEngine();
    const routes = new MockRoutes(agent, ACME);
    for (const [origin, tenant] of [
      [ACME, 'acme'],
      [GLOBEX, 'globex'],
    ] as const) {
      routes.on(
        `${origin}/oauth/token`,
        (request) => ({
          body: {
            access_token: `${tenant}-access-for-${new URLSearchParams(request.body).get('client_id')}`,
            token_type: 'Bearer',
            expires_in: 3600,
          },
        }),
        { method: 'POST', delayMs: 3 },
      );
      serveUsers(routes, origin, tenant);
    }
    const connect = (tenant: string) =>
      engine.connect('testco', {
        params: { tenant },
        auth: {
          method: 'client_credentials',
          client_id: `${tenant}-client`,
          client_secret: `${tenant}-secret`,
        },
      });
    const [acmeIds, globexIds] = await Promise.all([ids(connect('acme')), ids(connect('globex'))]);
    expect(acmeIds).toEqual(expected('acme'));
    expect(globexIds).toEqual(expected('globex'));
    for (const request of routes.seen) {
      const tenant = request.origin === ACME ? 'acme' : 'globex';
      if (request.url.pathname === '/oauth/token') {
        expect(new URLSearchParams(request.body).get('client_secret')).toBe(`${tenant}-secret`);
      } else {
        expect(request.headers.authorization).toBe(`Bearer ${tenant}-access-for-${tenant}-client`);
      }
    }
    expect(routes.seen.filter((request) => request.url.pathname === '/oauth/token')).toHaveLength(2);
  });

  it('serves connections to two regions of a `by:` table, each with its own token', async () => {
    const regional = loadProviderDefinition(`
version: 1
id: regional
name: Regional
params:
  region: { enum: [us, eu] }
base_url:
  by: region
  values:
    us: https://us.regional.example.com/api
    eu: https://eu.regional.example.com/api
auth:
  - id: token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /members }
          pagination: { type: page, page_param: page, limit_param: per_page, max_limit: 2, stop_on_short_page: false }
          mapping: '{ "id": $string(id), "status": "active" }'
`);
    const { agent, engine } = createTestEngine({ providers: [regional] });
    const US = 'https://us.regional.example.com';
    const EU = 'https://eu.regional.example.com';
    const routes = new MockRoutes(agent, US);
    for (const origin of [US, EU]) {
      for (let page = 1; page <= 4; page += 1) {
        const body = page < 4 ? [1, 2].map((item) => ({ id: `${origin.slice(8, 10)}-${page}-${item}` })) : [];
        routes.on(`${origin}/api/members?page=${page}&per_page=2`, { body }, { delayMs: 1 + (page % 3) });
      }
    }
    const us = engine.connect('regional', {
      params: { region: 'us' },
      auth: { method: 'token', token: 'us-token' },
    });
    const eu = engine.connect('regional', {
      params: { region: 'eu' },
      auth: { method: 'token', token: 'eu-token' },
    });
    const [usIds, euIds] = await Promise.all([ids(us), ids(eu)]);
    expect(usIds).toHaveLength(6);
    expect(euIds).toHaveLength(6);
    expect(usIds.every((id) => id.startsWith('us-'))).toBe(true);
    expect(euIds.every((id) => id.startsWith('eu-'))).toBe(true);
    expect(routes.to(US)).toHaveLength(4);
    expect(routes.to(EU)).toHaveLength(4);
    for (const request of routes.seen) {
      expect(request.headers.authorization).toBe(
        request.origin === US ? 'Bearer us-token' : 'Bearer eu-token',
      );
    }
  });

  it('keeps pages of two listings of one connection apart, with cursors interleaved', async () => {
    const { engine, agent } = createTestEngine();
    const routes = new MockRoutes(agent, ACME);
    serveUsers(routes, ACME, 'acme');
    serveUsers(routes, GLOBEX, 'globex');
    const acme = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'api_key', token: 'acme-key' },
    });
    const globex = engine.connect('testco', {
      params: { tenant: 'globex' },
      auth: { method: 'api_key', token: 'globex-key' },
    });
    const pagesOf = async (connection: Connection) => {
      const found: string[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await connection.list('user-directory', 'users', { cursor });
        found.push(...page.result.map((record) => record.id));
        cursor = page.next_cursor;
      } while (cursor);
      return found;
    };
    const [acmeIds, globexIds] = await Promise.all([pagesOf(acme), pagesOf(globex)]);
    expect(acmeIds).toEqual(expected('acme'));
    expect(globexIds).toEqual(expected('globex'));
    for (const request of routes.seen) {
      expect(request.headers['x-api-key']).toBe(request.origin === ACME ? 'acme-key' : 'globex-key');
    }
  });
});
