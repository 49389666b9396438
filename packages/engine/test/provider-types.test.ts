/**
 * The built-in providers' ids, auth methods, credential fields and params are types: a typo
 * fails `tsc` (the typecheck runs on this file: each `@ts-expect-error` must meet an error),
 * and still fails at run time for code that was not type-checked.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type AuthCredentials,
  type BuiltInProviderId,
  type Connection,
  createEngine,
  type Engine,
  loadProviderDefinition,
} from '../src/index.js';
import { TEST_PROVIDER_PATH } from './helpers/test-engine.js';

const token = { method: 'api_token', token: 'a-token' } as const;

describe('typed built-in providers', () => {
  it('knows the bundled provider ids', () => {
    expectTypeOf<'okta'>().toExtend<BuiltInProviderId>();
    expectTypeOf<'workato'>().toExtend<BuiltInProviderId>();
    expectTypeOf<'oktaa'>().not.toExtend<BuiltInProviderId>();
  });

  it('refuses a misspelt provider id, auth method, credential field or param', () => {
    const engine = createEngine();
    expectTypeOf(
      engine.connect('okta', { params: { domain: 'acme.okta.com' }, auth: token }),
    ).toEqualTypeOf<Connection>();
    // @ts-expect-error no provider 'oktaa'
    expect(() => engine.connect('oktaa', { auth: token })).toThrow(
      expect.objectContaining({ code: 'unknown_provider' }),
    );
    expect(() =>
      engine.connect('okta', {
        params: { domain: 'acme.okta.com' },
        // @ts-expect-error no auth method 'api_tokn'
        auth: { method: 'api_tokn', token: 'x' },
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_auth' }));
    expect(() =>
      engine.connect('okta', {
        params: { domain: 'acme.okta.com' },
        // @ts-expect-error the service app needs private_key
        auth: { method: 'oauth2_service_app', client_id: 'a-client' },
      }),
    ).toThrow(expect.objectContaining({ code: 'invalid_auth' }));
    expect(() =>
      // @ts-expect-error no param 'domian'
      engine.connect('okta', { params: { domian: 'acme.okta.com' }, auth: token }),
    ).toThrow(expect.objectContaining({ code: 'invalid_params' }));
    expect(() =>
      // @ts-expect-error 'mars' is not a Workato data center
      engine.connect('workato', { params: { data_center: 'mars' }, auth: token }),
    ).toThrow(expect.objectContaining({ code: 'invalid_params' }));
  });

  it('leaves values read at run time, and custom providers, to the run-time checks', () => {
    const engine = createEngine();
    const providerId: string = 'okta';
    const auth: AuthCredentials = { method: 'api_token', token: 'a-token' };
    const params: Record<string, string> = { domain: 'acme.okta.com' };
    expect(engine.connect(providerId, { params, auth }).provider).toBe('okta');
    expect(engine.connect('okta', { params, auth }).provider).toBe('okta');

    const custom = createEngine({ providers: [loadProviderDefinition(TEST_PROVIDER_PATH)] });
    expectTypeOf(custom).toEqualTypeOf<Engine<string>>();
    expect(
      custom.connect('testco', { params: { tenant: 'acme' }, auth: { method: 'api_key', token: 't' } })
        .provider,
    ).toBe('testco');

    const loaded = createEngine<'testco'>();
    loaded.loadProvider(TEST_PROVIDER_PATH);
    expect(
      loaded.connect('testco', { params: { tenant: 'acme' }, auth: { method: 'api_key', token: 't' } })
        .provider,
    ).toBe('testco');
    // @ts-expect-error only the ids it was told of
    expect(() => loaded.connect('testcoo', { auth: token })).toThrow(
      expect.objectContaining({ code: 'unknown_provider' }),
    );
  });
});
