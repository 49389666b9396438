import { describe, expect, it } from 'vitest';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';

const app = (id: string) => ({ id, label: `App ${id}`, active: true });
const assignment = (id: string) => ({ id });

/** First page of app-users (the assignments of app A), then the apps change, then the next page. */
async function resumeAfterAppsChange(appsNow: string[]) {
  const { engine, agent, warnings } = createTestEngine();
  const routes = new MockRoutes(agent, TEST_ORIGIN);
  const connection = connectTestProvider(engine);
  routes.on('/apps', { body: ['A', 'B', 'C'].map(app) });
  routes.on('/apps/A/users?limit=2', { body: [assignment('u1')] });
  const first = await connection.list('sso', 'app-users');
  routes.on('/apps', { body: appsNow.map(app) });
  for (const id of appsNow)
    routes.on(`/apps/${id}/users?limit=2`, { body: [assignment(`${id.toLowerCase()}-user`)] });
  const second = await connection.list('sso', 'app-users', { cursor: first.next_cursor });
  return {
    first: first.result.map((record) => record.id),
    second: second.result.map((record) => record.id),
    warnings,
  };
}

describe('a fan-out resumed from a cursor', () => {
  it('goes on with the parent after the one it finished, even when a parent was added before it', async () => {
    const { first, second, warnings } = await resumeAfterAppsChange(['X', 'A', 'B', 'C']);
    expect(first).toEqual(['A:u1']);
    expect(second).toEqual(['B:b-user']);
    expect(warnings).toEqual([]);
  });

  it('does not skip the next parent when the finished one was removed, and says so', async () => {
    const { second, warnings } = await resumeAfterAppsChange(['B', 'C']);
    expect(second).toEqual(['B:b-user']);
    expect(String(warnings[0])).toContain('the parent A is gone since the last page');
  });
});
