import { fileURLToPath } from 'node:url';
import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { createEngine, loadProviderDefinition } from '../src/index.js';
import { MockRoutes, type SeenRequest } from './helpers/mock-routes.js';

/**
 * Several Workato accounts at once (the built-in definition): two connections of one engine,
 * different data centers and tokens, used concurrently. Every request must go to its own data
 * center's host with its own token; the wrong pairings are traps that must stay unused.
 */
const workato = loadProviderDefinition(fileURLToPath(new URL('../../../providers/workato', import.meta.url)));

const ACCOUNTS = [
  { dataCenter: 'eu', origin: 'https://app.eu.workato.com', token: 'eu-token-AAAA', firstId: 1000 },
  { dataCenter: 'jp', origin: 'https://app.jp.workato.com', token: 'jp-token-BBBB', firstId: 2000 },
] as const;

function members(firstId: number) {
  return Array.from({ length: 3 }, (_, index) => ({
    id: firstId + index,
    grant_type: 'team',
    name: `Member ${firstId + index}`,
    email: `member${firstId + index}@example.com`,
    time_zone: 'Tokyo',
    created_at: '2024-05-04T13:05:02.000+09:00',
    roles: [{ environment_type: 'dev', role_name: 'Admin', role_type: 'privilege_group' }],
    last_activity_log: null,
  }));
}

function groupsPage(firstId: number, page: number) {
  const data = [0, 1].map((offset) => ({
    id: `g-${firstId + page * 10 + offset}`,
    name: `Group ${firstId + page * 10 + offset}`,
    members_count: 1,
    system: false,
    created_at: '2024-08-01T13:35:11.691-07:00',
    updated_at: '2024-08-01T13:35:11.691-07:00',
  }));
  return { data, total: 4, page: { number: page, size: 2 } };
}

describe('two Workato accounts in different data centers, used concurrently', () => {
  it('never sends a request to the wrong host or with the wrong token', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const engine = createEngine({ providers: [workato], dispatcher: agent });
    const seen: SeenRequest[] = [];
    const record = (request: SeenRequest) => seen.push(request);
    for (const account of ACCOUNTS) {
      const routes = new MockRoutes(agent, account.origin);
      const delay = { delayMs: account.dataCenter === 'eu' ? 3 : 1 };
      const reply = (body: unknown) => (request: SeenRequest) => {
        record(request);
        // Wrong token for this host: answer 401, which fails the test below.
        return request.headers.authorization === `Bearer ${account.token}`
          ? { body }
          : { status: 401, body: { message: 'Authentication failed' } };
      };
      routes.on('/api/members', reply({ data: members(account.firstId), total: 3 }), { times: 20, ...delay });
      for (const page of [1, 2]) {
        routes.on(
          `/api/user_groups?page[number]=${page}&page[size]=2`,
          reply(groupsPage(account.firstId, page)),
          { times: 20, ...delay },
        );
      }
    }
    const connections = ACCOUNTS.map((account) =>
      engine.connect('workato', {
        params: { data_center: account.dataCenter },
        auth: { method: 'api_token', token: account.token },
      }),
    );
    expect(connections.map((connection) => connection.baseUrl)).toEqual([
      'https://app.eu.workato.com/api',
      'https://app.jp.workato.com/api',
    ]);

    const listAll = async (index: number) => {
      const connection = connections[index]!;
      const users = await connection.list('user-directory', 'users');
      const groups = [];
      for await (const group of connection.iterate('user-directory', 'groups', { limit: 2 }))
        groups.push(group);
      return { users: users.result, groups };
    };
    const rounds = await Promise.all(Array.from({ length: 10 }, (_, round) => listAll(round % 2)));

    for (const [round, result] of rounds.entries()) {
      const account = ACCOUNTS[round % 2]!;
      expect(result.users.map((user) => Number(user.id))).toEqual([
        account.firstId,
        account.firstId + 1,
        account.firstId + 2,
      ]);
      expect(result.groups).toHaveLength(4);
      expect(
        result.groups.every((group) => group.name.startsWith(`Group ${String(account.firstId).slice(0, 1)}`)),
      ).toBe(true);
    }
    expect(seen).toHaveLength(10 * 3);
    for (const request of seen) {
      const account = ACCOUNTS.find((candidate) => candidate.origin === request.origin)!;
      expect(request.headers.authorization).toBe(`Bearer ${account.token}`);
    }
    // Both accounts were in flight together, not one after the other.
    const order = seen.map((request) => request.origin);
    expect(order.indexOf(ACCOUNTS[1].origin)).toBeLessThan(order.lastIndexOf(ACCOUNTS[0].origin));
    await agent.close();
  });
});
