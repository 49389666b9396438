import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { API_REQUEST, authMethod, createContext, strategyFor } from '../../test/helpers/auth-token-server.js';
import { EngineError } from '../errors/engine-error.js';

const TOKEN = 'ssws-token-0123456789';
const agent = new MockAgent();
agent.disableNetConnect();

describe('header kind', () => {
  const method = authMethod({
    kind: 'header',
    headers: { Authorization: 'SSWS {{auth.token}}', 'X-Tenant': '{{auth.tenant}}' },
    fields: { tenant: { secret: false, required: false } },
  });

  it('renders every header template with the connection', async () => {
    const credentials = { token: TOKEN, tenant: 'acme' };
    const strategy = strategyFor(method, credentials, createContext(agent, { auth: credentials }));

    expect(await strategy.headers(API_REQUEST)).toEqual({
      Authorization: `SSWS ${TOKEN}`,
      'X-Tenant': 'acme',
    });
    expect(strategy.secrets()).toEqual([TOKEN]);
  });

  it('leaves out a header whose optional field is not given', async () => {
    const credentials = { token: TOKEN };
    const strategy = strategyFor(method, credentials, createContext(agent, { auth: credentials }));

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: `SSWS ${TOKEN}` });
  });

  it('refuses a credential with a line break, without quoting it', () => {
    const credentials = { token: `${TOKEN}\r\nX-Injected: 1` };
    const create = () => strategyFor(method, credentials, createContext(agent, { auth: credentials }));

    const error = captureError(create);
    expect(error).toMatchObject({ code: 'invalid_auth', operation: 'auth', provider: 'example' });
    expect(error.message).toContain('Authorization header');
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('bearer kind', () => {
  it('sends Authorization: Bearer with the token field', async () => {
    const strategy = strategyFor(authMethod({ kind: 'bearer' }), { token: TOKEN }, createContext(agent));

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: `Bearer ${TOKEN}` });
    expect(strategy.secrets()).toEqual([TOKEN]);
    expect(await strategy.onUnauthorized?.({ status: 401, headers: {}, body: {} })).toBe(false);
  });

  it('ignores the method selector of the connect call', async () => {
    const strategy = strategyFor(
      authMethod({ kind: 'bearer' }),
      { method: 'test_method', token: TOKEN },
      createContext(agent),
    );

    expect(await strategy.headers(API_REQUEST)).toEqual({ Authorization: `Bearer ${TOKEN}` });
  });
});

describe('basic kind', () => {
  it('encodes user name and password as UTF-8 base64 (RFC 7617)', async () => {
    const credentials = { username: 'jürgen', password: 'pa:ss wörd' };
    const strategy = strategyFor(authMethod({ kind: 'basic' }), credentials, createContext(agent));

    const { Authorization } = await strategy.headers(API_REQUEST);
    expect(Authorization).toMatch(/^Basic [A-Za-z0-9+/]+=*$/);
    const decoded = Buffer.from(Authorization!.slice('Basic '.length), 'base64').toString('utf8');
    expect(decoded).toBe('jürgen:pa:ss wörd');
    expect(strategy.secrets()).toContain('pa:ss wörd');
    expect(strategy.secrets()).toContain(Authorization!.slice('Basic '.length));
    expect(strategy.secrets()).not.toContain('jürgen');
  });
});

function captureError(action: () => unknown): EngineError {
  try {
    action();
  } catch (error) {
    if (EngineError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an EngineError');
}
