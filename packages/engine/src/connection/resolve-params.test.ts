import { MockAgent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testProvider } from '../../test/helpers/test-engine.js';
import { loadProviderDefinition } from '../definition/provider-source.js';
import { createEngine } from '../engine.js';
import { EngineError } from '../errors/engine-error.js';
import { resolveParams } from './resolve-params.js';

const REGION_PROVIDER = loadProviderDefinition(`version: 1
id: regionco
name: Region Co
params:
  region:
    enum: [us, eu, jp]
    default: us
    hint: use us, eu or jp
  workspace:
    required: false
    pattern: "[a-z]+|sandbox-[0-9]+"
    hint: lower-case letters only, or sandbox-<number>
base_url:
  by: region
  values:
    us: https://www.region.example.com/api
    eu: https://app.eu.region.example.com/api/
    jp: https://app.jp.region.example.com
auth:
  - id: api_token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /members }
          records: data
          mapping: '{ "id": $string(id), "status": "active" }'
`);

const agents: MockAgent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.close();
});

/** An engine whose dispatcher refuses the network, has no interceptors, and counts dispatches. */
function engineWithoutNetwork() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agents.push(agent);
  const dispatch = vi.spyOn(agent, 'dispatch');
  const engine = createEngine({ providers: [testProvider, REGION_PROVIDER], dispatcher: agent });
  return { engine, agent, dispatch };
}

type Engine = ReturnType<typeof createEngine>;

function connectError(engine: Engine, provider: string, params: Record<string, unknown>): EngineError {
  try {
    engine.connect(provider, {
      params: params as Record<string, string>,
      auth: { method: provider === 'testco' ? 'api_key' : 'api_token', token: 'secret-token-1' },
    });
  } catch (error) {
    if (!EngineError.isInstance(error)) throw error;
    return error;
  }
  throw new Error('connect succeeded, but it should have failed');
}

describe('connection params, checked before any request', () => {
  it('the dispatch counter sees requests (control)', async () => {
    const { engine, agent, dispatch } = engineWithoutNetwork();
    agent
      .get('https://www.region.example.com')
      .intercept({ path: '/api/members', method: 'GET' })
      .reply(200, { data: [{ id: 1 }] }, { headers: { 'content-type': 'application/json' } });

    const connection = engine.connect('regionco', { auth: { method: 'api_token', token: 'secret-token-1' } });
    await connection.list('user-directory', 'users');

    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('requires a required param, with its hint', () => {
    const { engine, dispatch } = engineWithoutNetwork();

    const error = connectError(engine, 'testco', {});

    expect(error.code).toBe('invalid_params');
    expect(error.operation).toBe('connect');
    expect(error.provider).toBe('testco');
    expect(error.problems).toEqual([
      { path: 'params.tenant', message: 'required: enter the subdomain only, e.g. acme' },
    ]);
    expect(error.message).toContain('params.tenant: required: enter the subdomain only, e.g. acme');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('treats an empty or null value as missing', () => {
    const { engine, dispatch } = engineWithoutNetwork();

    expect(connectError(engine, 'testco', { tenant: '' }).problems[0]?.message).toMatch(/^required/);
    expect(connectError(engine, 'testco', { tenant: null }).problems[0]?.message).toMatch(/^required/);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a value outside the enum, listing the valid values', () => {
    const { engine, dispatch } = engineWithoutNetwork();

    const error = connectError(engine, 'regionco', { region: 'mars' });

    expect(error.code).toBe('invalid_params');
    expect(error.problems).toEqual([{ path: 'params.region', message: '"mars" is not one of us, eu, jp' }]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a value that does not match the whole pattern, with the hint', () => {
    const { engine, dispatch } = engineWithoutNetwork();

    for (const tenant of ['acme.evil.example', 'Acme', 'acme/x', ' -acme', 'acme\nx']) {
      const error = connectError(engine, 'testco', { tenant });
      expect(error.problems, tenant).toEqual([
        {
          path: 'params.tenant',
          message: `${JSON.stringify(tenant.trim())} is not valid: enter the subdomain only, e.g. acme`,
        },
      ]);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('anchors every alternative of a pattern', () => {
    const provider = REGION_PROVIDER;

    expect(resolveParams(provider, { workspace: 'acme' }).workspace).toBe('acme');
    expect(resolveParams(provider, { workspace: 'sandbox-12' }).workspace).toBe('sandbox-12');
    for (const workspace of ['acme-sandbox-12', 'sandbox-12x', 'acme1']) {
      expect(() => resolveParams(provider, { workspace }), workspace).toThrow(
        expect.objectContaining({ code: 'invalid_params' }),
      );
    }
  });

  it('refuses an unknown param, naming the known ones', () => {
    const { engine, dispatch } = engineWithoutNetwork();

    const error = connectError(engine, 'regionco', { regoin: 'eu' });

    expect(error.problems).toEqual([
      { path: 'params.regoin', message: 'unknown param; expected region, workspace' },
    ]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a value that is not a string', () => {
    const { engine, dispatch } = engineWithoutNetwork();

    expect(connectError(engine, 'regionco', { region: 5 }).problems).toEqual([
      { path: 'params.region', message: 'expected a string, got number' },
    ]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('reports every problem at once', () => {
    const { engine, dispatch } = engineWithoutNetwork();

    const error = connectError(engine, 'regionco', { region: 'mars', workspace: 'Acme!', extra: 'x' });

    expect(error.problems.map((problem) => problem.path)).toEqual([
      'params.extra',
      'params.region',
      'params.workspace',
    ]);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('applies the default and trims values', () => {
    const { engine, dispatch } = engineWithoutNetwork();
    const auth = { method: 'api_token', token: 'secret-token-1' };

    expect(resolveParams(REGION_PROVIDER, {})).toEqual({ region: 'us' });
    expect(resolveParams(REGION_PROVIDER, { region: ' eu ', workspace: ' acme ' })).toEqual({
      region: 'eu',
      workspace: 'acme',
    });
    expect(engine.connect('regionco', { auth }).baseUrl).toBe('https://www.region.example.com/api');
    expect(engine.connect('regionco', { params: { region: ' eu ' }, auth }).baseUrl).toBe(
      'https://app.eu.region.example.com/api',
    );
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('params that only build the base URL', () => {
  it('are optional when the caller gives baseUrl, and still required otherwise', () => {
    // testco's `tenant` is read by the base URL template and nowhere else.
    expect(testProvider.params.get('tenant')?.baseUrlOnly).toBe(true);
    expect(resolveParams(testProvider, {}, true)).toEqual({});
    expect(() => resolveParams(testProvider, {}, false)).toThrow(/params\.tenant.*required/s);
  });

  it('stay required when anything else reads them', () => {
    const provider = loadProviderDefinition(`version: 1
id: readsparam
name: Reads Param
params: { tenant: { pattern: '[a-z]+' } }
base_url: { template: 'https://{{params.tenant}}.api.example.com', allowed_hosts: ['*.api.example.com'] }
auth: [{ id: key, kind: bearer }]
resources:
  sso/apps:
    list:
      sources:
        - request: { path: /apps }
          mapping: '{ "id": id, "name": $params.tenant & name }'
`);
    expect(provider.params.get('tenant')?.baseUrlOnly).toBe(false);
    expect(() => resolveParams(provider, {}, true)).toThrow(/params\.tenant.*required/s);
  });
});
