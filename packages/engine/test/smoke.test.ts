import { describe, expect, it } from 'vitest';
import { connectTestProvider, createTestEngine, JSON_HEADERS, TEST_ORIGIN } from './helpers/test-engine.js';

describe('smoke', () => {
  it('lists users over link header pages', async () => {
    const { engine, agent } = createTestEngine();
    const pool = agent.get(TEST_ORIGIN);
    pool
      .intercept({ path: '/users?limit=3', method: 'GET' })
      .reply(
        200,
        [{ id: 1, name: 'A', state: 'on', email: 'a@x.io', zone: 'Pacific Time (US & Canada)', groups: [7] }],
        {
          headers: { ...JSON_HEADERS, link: `<${TEST_ORIGIN}/users?limit=3&after=1>; rel="next"` },
        },
      );
    pool
      .intercept({ path: '/users?limit=3&after=1', method: 'GET' })
      .reply(200, [{ id: 2, name: 'B', state: 'off' }], { headers: JSON_HEADERS });
    const connection = connectTestProvider(engine);
    const all = [];
    for await (const user of connection.iterate('user-directory', 'users')) all.push(user);
    expect(all.map((user) => user.id)).toEqual(['1', '2']);
    expect(all[0]).toMatchObject({
      timezone: 'America/Los_Angeles',
      status: 'active',
      groups: [{ id: '7' }],
    });
  });
});
