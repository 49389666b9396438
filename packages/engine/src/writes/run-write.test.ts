import { afterEach, describe, expect, it, vi } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { MockRoutes } from '../../test/helpers/mock-routes.js';
import { connectTestProvider, createTestEngine, TEST_ORIGIN } from '../../test/helpers/test-engine.js';

function setup() {
  const test = createTestEngine();
  const routes = new MockRoutes(test.agent, TEST_ORIGIN);
  return { ...test, routes, connection: connectTestProvider(test.engine) };
}

const ADA = { id: 7, name: 'Ada Lovelace', email: 'ada@acme.com', state: 'new' };

afterEach(() => {
  vi.useRealTimers();
});

describe('create', () => {
  it('sends the body mapped from the unified input and returns the mapped record', async () => {
    const { routes, connection } = setup();
    routes.on('/users?notify=true', { status: 201, body: ADA }, { method: 'POST' });
    const record = await connection.create('user-directory', 'users', {
      email: 'ada@acme.com',
      name: 'Ada Lovelace',
      groups: [{ id: 'g1' }, { id: 'g2' }],
    });
    expect(record).toMatchObject({ id: '7', status: 'invited', emails: [{ email: 'ada@acme.com' }] });
    const [sent] = routes.seen;
    expect({ method: sent!.method, path: sent!.path, body: JSON.parse(sent!.body!) }).toMatchInlineSnapshot(`
      {
        "body": {
          "email": "ada@acme.com",
          "groups": [
            "g1",
            "g2",
          ],
          "name": "Ada Lovelace",
        },
        "method": "POST",
        "path": "/users?notify=true",
      }
    `);
    expect(sent!.headers['content-type']).toBe('application/json');
    expect(sent!.headers['x-api-key']).toBe('secret-token-1');
  });

  it('rejects an input that breaks the unified input schema before any request', async () => {
    const { routes, connection } = setup();
    const error = await engineError(
      connection.create('user-directory', 'users', { name: 'No Email' } as never),
    );
    expect(error).toMatchObject({ code: 'invalid_input', operation: 'create' });
    expect(error.problems).toContainEqual({ path: 'email', message: 'is required' });
    const unknown = await engineError(
      connection.create('user-directory', 'users', { email: 'a@b.c', shoe_size: 9 } as never),
    );
    expect(unknown.code).toBe('invalid_input');
    expect(routes.seen).toHaveLength(0);
  });

  it('fails with unsupported_field for a field the provider cannot set, before any request', async () => {
    const { routes, connection } = setup();
    const error = await engineError(
      connection.create('user-directory', 'users', { email: 'a@b.c', title: 'Engineer' }),
    );
    expect(error.code).toBe('unsupported_field');
    expect(error.message).toContain('title');
    expect(error.problems).toEqual([{ path: 'title', message: 'not supported by this provider' }]);
    expect(routes.seen).toHaveLength(0);
  });

  it('returns the request it would send on dryRun, secrets redacted, and sends nothing', async () => {
    const { routes, connection } = setup();
    const dryRun = await connection.create(
      'user-directory',
      'users',
      { email: 'ada@acme.com', name: 'secret-token-1' },
      { dryRun: true, idempotencyKey: 'key-1' },
    );
    expect(dryRun).toEqual({
      dry_run: true,
      method: 'POST',
      url: `${TEST_ORIGIN}/users?notify=true`,
      headers: {
        Accept: 'application/json',
        'content-type': 'application/json',
        'idempotency-key': 'key-1',
        'X-Api-Key': '[redacted]',
      },
      body: { email: 'ada@acme.com', name: '[redacted]' },
    });
    expect(routes.seen).toHaveLength(0);
  });

  it('names every credential header on dryRun but never carries a secret value', async () => {
    const { routes, connection } = setup();
    const dryRun = await connection.update('user-directory', 'users', '7', { name: 'Ada' }, { dryRun: true });
    expect(dryRun.headers['X-Api-Key']).toBe('[redacted]');
    expect(JSON.stringify(dryRun)).not.toContain('secret-token-1');
    expect(routes.seen).toHaveLength(0);
  });

  it('shows an OAuth Authorization header on dryRun without fetching a token', async () => {
    const { engine, routes } = setup();
    const connection = engine.connect('testco', {
      params: { tenant: 'acme' },
      auth: { method: 'client_credentials', client_id: 'client-1', client_secret: 'client-secret-1' },
    });
    const dryRun = await connection.create(
      'user-directory',
      'users',
      { email: 'ada@acme.com' },
      { dryRun: true },
    );
    expect(dryRun.headers).toMatchObject({ Authorization: '[redacted]' });
    expect(dryRun.headers).not.toHaveProperty('DPoP');
    expect(JSON.stringify(dryRun)).not.toContain('client-secret-1');
    // Neither the token endpoint nor the API saw a request.
    expect(routes.seen).toHaveLength(0);
  });

  it('returns the existing record on 409 when find reads it back (idempotent provisioning)', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/users?notify=true',
      { status: 409, body: { error: { code: 'exists', text: 'taken' } } },
      { method: 'POST' },
    );
    routes.on('/users?limit=3', {
      body: [
        { id: 1, email: 'bob@acme.com', state: 'on' },
        { ...ADA, state: 'on' },
      ],
    });
    const record = await connection.create('user-directory', 'users', { email: 'ada@acme.com' });
    expect(record).toMatchObject({ id: '7', status: 'active' });
  });

  it('fails with conflict on 409 when the existing record cannot be found', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/users?notify=true',
      { status: 409, body: { error: { code: 'exists', text: 'taken' } } },
      { method: 'POST' },
    );
    routes.on('/users?limit=3', { body: [] });
    const error = await engineError(connection.create('user-directory', 'users', { email: 'ada@acme.com' }));
    expect(error).toMatchObject({ code: 'conflict', status: 409 });
  });

  it('maps a status rule to its error code with the provider message', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/users?notify=true',
      { status: 422, body: { error: { code: 'bad_email', text: 'domain not allowed' } } },
      { method: 'POST' },
    );
    const error = await engineError(connection.create('user-directory', 'users', { email: 'ada@acme.com' }));
    expect(error).toMatchObject({ code: 'invalid_input', status: 422, providerCode: 'bad_email' });
    expect(error.message).toContain('the provider refused the input');
    expect(error.message).toContain('domain not allowed');
  });
});

describe('write safety', () => {
  it('never retries a POST after a network error: write_outcome_unknown, one request', async () => {
    const { agent, connection } = setup();
    let requests = 0;
    agent
      .get(TEST_ORIGIN)
      .intercept({ method: 'POST', path: '/users?notify=true' })
      .reply(() => {
        requests += 1;
        throw new Error('socket hang up');
      })
      .persist();
    const error = await engineError(connection.create('user-directory', 'users', { email: 'ada@acme.com' }));
    expect(error.code).toBe('write_outcome_unknown');
    expect(error.message).toMatch(/read the record back/);
    expect(requests).toBe(1);
  });

  it('never retries a POST after a 5xx: write_outcome_unknown with the status, one request', async () => {
    const { routes, connection } = setup();
    routes.on('/users?notify=true', { status: 503, body: {} }, { method: 'POST', times: 3 });
    const error = await engineError(connection.create('user-directory', 'users', { email: 'ada@acme.com' }));
    expect(error).toMatchObject({ code: 'write_outcome_unknown', status: 503 });
    expect(routes.seen).toHaveLength(1);
  });

  it('retries a POST after a 5xx when it carries an idempotency key the provider honours', async () => {
    const { routes, connection } = setup();
    routes.on('/users?notify=true', { status: 503, body: {} }, { method: 'POST' });
    routes.on('/users?notify=true', { status: 201, body: ADA }, { method: 'POST' });
    const record = await connection.create(
      'user-directory',
      'users',
      { email: 'ada@acme.com' },
      { idempotencyKey: 'hire-ada-1' },
    );
    expect(record.id).toBe('7');
    expect(routes.seen.map((request) => request.headers['idempotency-key'])).toEqual([
      'hire-ada-1',
      'hire-ada-1',
    ]);
  });

  it('refuses an idempotency key where the definition names no header for it', async () => {
    const { routes, connection } = setup();
    const error = await engineError(
      connection.removeMember('user-directory', 'groups', 'g1', 'u1', { idempotencyKey: 'k' }),
    );
    expect(error.code).toBe('invalid_request');
    expect(routes.seen).toHaveLength(0);
  });

  it('retries an idempotent PUT after a 5xx', async () => {
    const { routes, connection } = setup();
    routes.on('/groups/g1/members/u1', { status: 502, body: {} }, { method: 'PUT' });
    routes.on('/groups/g1/members/u1', { status: 204, text: '' }, { method: 'PUT' });
    expect(await connection.addMember('user-directory', 'groups', 'g1', 'u1')).toEqual({ id: 'g1' });
    expect(routes.seen).toHaveLength(2);
  });

  it('reports a repeated 429 on a write after one wait instead of hammering', async () => {
    vi.useFakeTimers();
    const { routes, connection } = setup();
    routes.on(
      '/users?notify=true',
      { status: 429, body: {}, headers: { 'x-reset': '0' } },
      { method: 'POST', times: 5 },
    );
    const pending = engineError(connection.create('user-directory', 'users', { email: 'ada@acme.com' }));
    await vi.runAllTimersAsync();
    const error = await pending;
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(routes.seen).toHaveLength(2);
  });

  it('answers a status its rule handles at once, without the rate-limit wait', async () => {
    const { routes, connection } = setup();
    routes.on(
      '/groups/g1/members/u1',
      { status: 429, body: { error: { code: 'too_soon', text: 'invited less than 20 minutes ago' } } },
      { method: 'PUT', times: 3 },
    );
    const error = await engineError(connection.addMember('user-directory', 'groups', 'g1', 'u1'));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429, providerCode: 'too_soon' });
    expect(error.message).toContain('one change per member every 20 minutes');
    expect(routes.seen).toHaveLength(1);
  });

  it('sends nothing once the signal is aborted', async () => {
    const { routes, connection } = setup();
    const controller = new AbortController();
    controller.abort();
    const error = await engineError(
      connection.create('user-directory', 'users', { email: 'ada@acme.com' }, { signal: controller.signal }),
    );
    expect(error.code).toBe('aborted');
    expect(routes.seen).toHaveLength(0);
  });
});

describe('update, deactivate and membership', () => {
  it('sends a partial update and maps the answer', async () => {
    const { routes, connection } = setup();
    routes.on('/users/7', { body: { ...ADA, name: 'Ada King', state: 'on' } }, { method: 'PATCH' });
    const record = await connection.update('user-directory', 'users', '7', { name: 'Ada King' });
    expect(record).toMatchObject({ id: '7', name: 'Ada King', status: 'active' });
    expect(JSON.parse(routes.seen[0]!.body!)).toEqual({ name: 'Ada King' });
  });

  it('chooses the status rule whose condition holds: not yet accepted vs not found', async () => {
    const { routes, connection } = setup();
    routes.on('/users/ada%40acme.com', { status: 404, body: {} }, { method: 'PATCH' });
    routes.on('/users/99', { status: 404, body: {} }, { method: 'PATCH' });
    const pending = await engineError(
      connection.update('user-directory', 'users', 'ada@acme.com', { name: 'A' }),
    );
    expect(pending).toMatchObject({ code: 'not_accepted', status: 404 });
    const missing = await engineError(connection.update('user-directory', 'users', '99', { name: 'A' }));
    expect(missing).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('deactivates and reads the record back', async () => {
    const { routes, connection } = setup();
    routes.on('/users/7/deactivate', { status: 200, body: {} }, { method: 'POST' });
    routes.on('/users/7', { body: { ...ADA, state: 'off' } });
    const record = await connection.deactivate('user-directory', 'users', '7');
    expect(record).toMatchObject({ id: '7', status: 'inactive' });
    expect(routes.paths()).toEqual(['/users/7/deactivate', '/users/7']);
  });

  it('treats a status declared skip as done (removing a member who is not one)', async () => {
    const { routes, connection } = setup();
    routes.on('/groups/g1/members/u1', { status: 404, body: {} }, { method: 'DELETE' });
    expect(await connection.removeMember('user-directory', 'groups', 'g1', 'u1')).toEqual({ id: 'g1' });
  });

  it('fails with unsupported_operation for a write the definition does not declare', async () => {
    const { connection } = setup();
    const error = await engineError(connection.deactivate('user-directory', 'groups', 'g1'));
    expect(error.code).toBe('unsupported_operation');
    expect(error.message).toContain('add_member, remove_member');
  });

  it('needs the ids it writes to', async () => {
    const { connection } = setup();
    const error = await engineError(connection.addMember('user-directory', 'groups', 'g1', ''));
    expect(error.code).toBe('invalid_request');
  });
});
