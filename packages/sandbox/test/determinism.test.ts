import { describe, expect, it } from 'vitest';
import { type OktaSandbox, type SandboxProvider, startSandbox } from '../src/index.js';

/** Fetches paths and replaces the origin (the port differs between runs) so bodies compare. */
async function snapshot(provider: SandboxProvider, seed: number, paths: string[]): Promise<string[]> {
  const sandbox = await startSandbox({
    provider,
    seed,
    users: 300,
    rateLimit: false,
    logsEndAt: Date.UTC(2025, 10, 1),
  });
  try {
    const scheme = provider === 'okta' ? 'SSWS' : 'Bearer';
    const base = provider === 'okta' ? sandbox.url : sandbox.baseUrl;
    return await Promise.all(
      paths.map(async (path) => {
        const response = await fetch(`${base}${path}`, {
          headers: { authorization: `${scheme} ${sandbox.credentials.apiToken}` },
        });
        return (await response.text()).replaceAll(sandbox.url, 'http://sandbox');
      }),
    );
  } finally {
    await sandbox.close();
  }
}

const OKTA_PATHS = [
  '/api/v1/users?search=status%20pr',
  '/api/v1/groups',
  '/api/v1/apps?includeNonDeleted=true',
  '/api/v1/iam/roles',
  '/api/v1/org',
];
const WORKATO_PATHS = ['/members', '/user_groups', '/environment_roles', '/roles', '/users/me'];

describe('determinism', () => {
  it('gives the same Okta data for the same seed and different data for another seed', async () => {
    const [first, second, other] = await Promise.all(
      [42, 42, 43].map((seed) => snapshot('okta', seed, OKTA_PATHS)),
    );
    expect(second).toEqual(first);
    for (const [index, body] of other!.entries()) expect(body, OKTA_PATHS[index]).not.toEqual(first![index]);
  });

  it('gives the same Workato data for the same seed and different data for another seed', async () => {
    const [first, second, other] = await Promise.all(
      [42, 42, 43].map((seed) => snapshot('workato', seed, WORKATO_PATHS)),
    );
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('builds each user the same way whatever was built before, and the same System Log for the same end time', async () => {
    const options = { provider: 'okta' as const, seed: 7, users: 500, logsEndAt: Date.UTC(2025, 10, 1) };
    const forward = await startSandbox(options);
    const backward = await startSandbox(options);
    try {
      const indexes = [0, 1, 250, 499];
      const users = indexes.map((index) => forward.tenant.users.user(index));
      const reversed = [...indexes]
        .reverse()
        .map((index) => backward.tenant.users.user(index))
        .reverse();
      const withoutOrigin = (value: unknown, sandbox: OktaSandbox) =>
        JSON.stringify(value).replaceAll(sandbox.url, '');
      expect(withoutOrigin(reversed, backward)).toEqual(withoutOrigin(users, forward));
      expect(withoutOrigin(backward.tenant.logs.event(123), backward)).toEqual(
        withoutOrigin(forward.tenant.logs.event(123), forward),
      );
      expect(backward.credentials).toEqual(forward.credentials);
      expect(backward.expected).toEqual(forward.expected);
    } finally {
      await Promise.all([forward.close(), backward.close()]);
    }
  });
});
