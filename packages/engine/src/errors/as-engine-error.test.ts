import { MockAgent } from 'undici';
import { describe, expect, it } from 'vitest';
import { engineError } from '../../test/helpers/engine-error.js';
import { createEngine, loadProviderDefinition } from '../index.js';
import { asEngineError } from './as-engine-error.js';

// A query expression that fails at run time, not at load time.
const definition = loadProviderDefinition(`
version: 1
id: brokenquery
name: Broken Query
base_url: { template: 'https://{{params.tenant}}.api.example.com', allowed_hosts: ['*.api.example.com'] }
params: { tenant: { pattern: '[a-z]+' } }
auth: [{ id: key, kind: bearer }]
resources:
  sso/apps:
    list:
      sources:
        - request: { path: /apps, computed_query: '{ "page": $number("not a number") }' }
          mapping: '{ "id": id, "name": name }'
`);

describe('every failure leaves the API as an EngineError', () => {
  it('turns a JSONata failure in a query into mapping_error, with nothing sent', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const connection = createEngine({ providers: [definition], dispatcher: agent }).connect('brokenquery', {
      params: { tenant: 'acme' },
      auth: { method: 'key', token: 'secret-token-42' },
    });
    const error = await engineError(connection.list('sso', 'apps'));
    expect(error.code).toBe('mapping_error');
    expect(error.message).toMatch(
      /^\[engine\] \[brokenquery\] apps\.list: a JSONata expression failed: .*D3030/,
    );
    const iterated = await engineError(
      (async () => {
        for await (const _app of connection.iterate('sso', 'apps')) void _app;
      })(),
    );
    expect(iterated.code).toBe('mapping_error');
  });

  it('wraps anything unexpected as internal_error, redacted, with a safe cause', () => {
    const cause = new TypeError('boom near secret-token-42');
    const error = asEngineError(cause, { provider: 'acme', operation: 'get' }, (text) =>
      text.replaceAll('secret-token-42', '[redacted]'),
    );
    expect(error).toMatchObject({ code: 'internal_error', provider: 'acme', retryable: false });
    expect(error.message).toBe('[engine] [acme] get: unexpected failure: boom near [redacted]');
    // Loggers print causes: one that held the secret is replaced by its redacted message.
    expect(error.cause).not.toBe(cause);
    expect(String((error.cause as Error).message)).toBe('boom near [redacted]');
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain('secret-token-42');

    const harmless = new RangeError('nothing secret here');
    expect(asEngineError(harmless, { provider: 'acme' }, (text) => text).cause).toBe(harmless);
  });
});
