import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OKTA_USER_STATUSES, type OktaSandbox, type OktaUser, startSandbox } from '../src/index.js';
import { collectOkta, linkOf, oktaGet } from './helpers.js';

let sandbox: OktaSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ provider: 'okta', users: 1000, seed: 7 });
});
afterAll(() => sandbox.close());

describe('GET /api/v1/users', () => {
  it('pages with Link headers through every user exactly once when asked for all statuses', async () => {
    const { records, pages } = await collectOkta<OktaUser>(sandbox, '/api/v1/users?search=status%20pr');
    const ids = records.map((user) => user.id);
    expect(new Set(ids).size).toBe(1000);
    expect(pages).toBe(5);
    const expectedIds = Array.from({ length: 1000 }, (_, index) => sandbox.tenant.users.ids.encode(index));
    expect(new Set(ids)).toEqual(new Set(expectedIds));
    expect(new Set(records.map((user) => user.status))).toEqual(new Set(OKTA_USER_STATUSES));
  });

  it('hides DEPROVISIONED users from the default listing', async () => {
    const { records } = await collectOkta<OktaUser>(sandbox, '/api/v1/users?limit=200');
    expect(records.some((user) => user.status === 'DEPROVISIONED')).toBe(false);
    expect(records).toHaveLength(sandbox.inventory.usersListedByDefault);
    expect(sandbox.inventory.deprovisionedUsers).toBeGreaterThan(0);
  });

  it('shows DEPROVISIONED users when the filter is about status', async () => {
    const { records } = await collectOkta<OktaUser>(
      sandbox,
      '/api/v1/users?filter=status%20eq%20%22DEPROVISIONED%22',
    );
    expect(records).toHaveLength(sandbox.inventory.deprovisionedUsers);
    expect(records.every((user) => user.status === 'DEPROVISIONED')).toBe(true);
  });

  it('sends self and next as separate link headers', async () => {
    const response = await request(`${sandbox.url}/api/v1/users?limit=3`, {
      headers: { authorization: `SSWS ${sandbox.credentials.apiToken}` },
    });
    const links = response.headers.link;
    await response.body.dump();
    expect(Array.isArray(links)).toBe(true);
    expect(links).toHaveLength(2);
    expect(links?.[0]).toBe(`<${sandbox.url}/api/v1/users?limit=3>; rel="self"`);
    expect(links?.[1]).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/v1\/users\?limit=3&after=00u\w{17}>; rel="next"$/,
    );
  });

  it('answers search expressions with exactly the matching users', async () => {
    const all = (await collectOkta<OktaUser>(sandbox, '/api/v1/users?search=status%20pr')).records;
    const cases: [string, (user: OktaUser) => boolean][] = [
      [
        'profile.department eq "Engineering"',
        (user) => user.status !== 'DEPROVISIONED' && user.profile.department === 'Engineering',
      ],
      [
        'profile.lastName sw "Mü" or profile.lastName sw "Ø"',
        (user) => user.status !== 'DEPROVISIONED' && /^(Mü|Ø)/i.test(String(user.profile.lastName)),
      ],
      [
        '(status eq "SUSPENDED" or status eq "LOCKED_OUT") and lastUpdated gt "2021-01-01T00:00:00.000Z"',
        (user) =>
          ['SUSPENDED', 'LOCKED_OUT'].includes(user.status) && user.lastUpdated > '2021-01-01T00:00:00.000Z',
      ],
      [
        'profile.userType eq "contractor" and profile.managerId pr',
        (user) => {
          return (
            user.status !== 'DEPROVISIONED' &&
            /^contractor$/i.test(String(user.profile.userType)) &&
            user.profile.managerId !== undefined
          );
        },
      ],
    ];
    for (const [expression, predicate] of cases) {
      const { records } = await collectOkta<OktaUser>(
        sandbox,
        `/api/v1/users?search=${encodeURIComponent(expression)}`,
      );
      const expected = all.filter(predicate).map((user) => user.id);
      expect(expected.length, expression).toBeGreaterThan(0);
      expect(
        records.map((user) => user.id),
        expression,
      ).toEqual(expected);
    }
  });

  it('rejects an invalid expression with E0000031 and an unknown cursor with E0000001', async () => {
    const invalid = await oktaGet(sandbox, '/api/v1/users?filter=lastUpdated%20gt%202025-01-01');
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({
      errorCode: 'E0000031',
      errorCauses: [{ errorSummary: expect.stringMatching(/quoted/) }],
    });
    const cursor = await oktaGet(sandbox, '/api/v1/users?after=00uNotACursor');
    expect(cursor.status).toBe(400);
    expect(await cursor.json()).toMatchObject({ errorCode: 'E0000001' });
  });

  it('caps limit at 200 and answers q with one page of prefix matches', async () => {
    const capped = await oktaGet(sandbox, '/api/v1/users?limit=5000');
    expect(await capped.json()).toHaveLength(200);
    const quick = await oktaGet(sandbox, '/api/v1/users?q=Zo');
    const users = (await quick.json()) as OktaUser[];
    expect(users.length).toBeGreaterThan(0);
    expect(users.length).toBeLessThanOrEqual(10);
    expect(linkOf(quick.headers.get('link'), 'next')).toBeUndefined();
  });
});

describe('GET /api/v1/users/{id}', () => {
  it('finds a user by id and by login, and the admin behind the token as me', async () => {
    const user = sandbox.tenant.users.user(42);
    expect(await (await oktaGet(sandbox, `/api/v1/users/${user.id}`)).json()).toEqual(user);
    const byLogin = await oktaGet(sandbox, `/api/v1/users/${encodeURIComponent(String(user.profile.login))}`);
    expect(((await byLogin.json()) as OktaUser).id).toBe(user.id);
    const me = (await (await oktaGet(sandbox, '/api/v1/users/me')).json()) as OktaUser;
    expect(me.id).toBe(sandbox.tenant.users.ids.encode(0));
    expect(me.profile.title).toBe('IT Administrator');
  });

  it('answers an unknown id with 404 E0000007', async () => {
    const response = await oktaGet(sandbox, '/api/v1/users/00uDoesNotExist00000');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: 00uDoesNotExist00000 (User)',
      errorLink: 'E0000007',
      errorId: expect.stringMatching(/^oae/),
      errorCauses: [],
    });
  });
});
