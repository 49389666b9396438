import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { loadProviderDefinition } from '../definition/provider-source.js';
import { createEngine } from '../engine.js';
import { EngineError } from '../errors/engine-error.js';
import { isLoopbackHost } from '../http/network-address.js';
import { joinUrl } from '../http/url-path.js';
import { resolveBaseUrl } from './resolve-base-url.js';

const RESOURCES = `resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /members }
          records: data
          mapping: '{ "id": $string(id), "status": "active" }'
`;
const AUTH = `auth:
  - id: api_token
    kind: bearer
`;

/** A subdomain template, without a pattern on the param, so the base URL checks stand alone. */
const TENANT_PROVIDER = loadProviderDefinition(`version: 1
id: tenantco
name: Tenant Co
params:
  tenant: {}
base_url:
  template: https://{{params.tenant}}.api.example.com
  allowed_hosts: ["*.api.example.com"]
${AUTH}${RESOURCES}`);

/** A whole-host template, as Okta has. */
const DOMAIN_PROVIDER = loadProviderDefinition(`version: 1
id: domainco
name: Domain Co
params:
  domain: {}
base_url:
  template: https://{{params.domain}}
  allowed_hosts: ["*.okta.test", "login.example.com"]
${AUTH}${RESOURCES}`);

/** A table selected by a param, with base paths. */
const REGION_PROVIDER = loadProviderDefinition(`version: 1
id: regionco
name: Region Co
params:
  region: { enum: [us, eu, jp], default: us }
base_url:
  by: region
  values:
    us: https://www.region.example.com/api
    eu: https://app.eu.region.example.com/api/
    jp: https://app.jp.region.example.com
${AUTH}${RESOURCES}`);

/** A table whose param has no enum: any value may be given, and only listed ones resolve. */
const OPEN_TABLE_PROVIDER = loadProviderDefinition(`version: 1
id: openco
name: Open Co
params:
  region: {}
base_url:
  by: region
  values:
    us: https://us.open.example.com
${AUTH}${RESOURCES}`);

function baseUrlError(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (!EngineError.isInstance(error)) throw error;
    return error;
  }
  throw new Error('the base URL resolved, but it should have been refused');
}

const agents: MockAgent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.close();
});

function testEngine() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  agents.push(agent);
  const engine = createEngine({
    providers: [TENANT_PROVIDER, DOMAIN_PROVIDER, REGION_PROVIDER],
    dispatcher: agent,
  });
  return { engine, agent };
}

const AUTH_OPTIONS = { method: 'api_token', token: 'secret-token-1' };

describe('base URL from a template', () => {
  it('builds the URL from the params', () => {
    expect(resolveBaseUrl(TENANT_PROVIDER, { tenant: 'acme' }).href).toBe('https://acme.api.example.com/');
    expect(resolveBaseUrl(DOMAIN_PROVIDER, { domain: 'acme.okta.test' }).href).toBe(
      'https://acme.okta.test/',
    );
    expect(resolveBaseUrl(DOMAIN_PROVIDER, { domain: 'login.example.com' }).href).toBe(
      'https://login.example.com/',
    );
  });

  it('accepts a host in another case, as DNS does', () => {
    expect(resolveBaseUrl(DOMAIN_PROVIDER, { domain: 'ACME.Okta.test' }).href).toBe(
      'https://acme.okta.test/',
    );
  });

  it('refuses a host outside allowed_hosts', () => {
    for (const domain of [
      'evil.example',
      'okta.test',
      'acme.okta.test.evil.example',
      'evil-okta.test',
      'example.com',
    ]) {
      const error = baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, { domain }));
      expect(error.code, domain).toBe('invalid_base_url');
      expect(error.provider).toBe('domainco');
      expect(error.operation).toBe('connect');
    }
    expect(baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, { domain: 'evil.example' })).message).toContain(
      'expected *.okta.test or login.example.com',
    );
  });

  it.each([
    'evil.example/x?',
    'evil.example#',
    'acme.api.example.com@evil.example',
    'a/b',
    'evil.example\\x',
    'acme:pw@evil.example',
    'acme api',
  ])('refuses the value %j in a subdomain template', (tenant) => {
    expect(baseUrlError(() => resolveBaseUrl(TENANT_PROVIDER, { tenant })).code).toBe('invalid_base_url');
  });

  it.each([
    'evil.example/x?',
    'acme.okta.test@evil.example',
    'evil.example#.okta.test',
    'evil.example\\.okta.test',
    'acme.okta.test/b',
    'acme.okta.test/../admin',
    'acme.okta.test?x=1',
    'acme.okta.test:8443',
    'user@acme.okta.test',
  ])('refuses the value %j in a whole-host template', (domain) => {
    expect(baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, { domain })).code).toBe('invalid_base_url');
  });

  it('refuses plain http from a template', () => {
    const provider = loadProviderDefinition(`version: 1
id: plainco
name: Plain Co
params:
  domain: {}
base_url:
  template: http://{{params.domain}}
  allowed_hosts: ["*.okta.test"]
${AUTH}${RESOURCES}`);

    expect(baseUrlError(() => resolveBaseUrl(provider, { domain: 'acme.okta.test' })).code).toBe(
      'invalid_base_url',
    );
  });
});

describe('base URL from a table', () => {
  it('picks the URL of the param value, keeping its path without a trailing slash', () => {
    expect(resolveBaseUrl(REGION_PROVIDER, { region: 'us' }).href).toBe('https://www.region.example.com/api');
    expect(resolveBaseUrl(REGION_PROVIDER, { region: 'eu' }).href).toBe(
      'https://app.eu.region.example.com/api',
    );
    expect(resolveBaseUrl(REGION_PROVIDER, { region: 'jp' }).href).toBe('https://app.jp.region.example.com/');
  });

  it('refuses a value the table does not list, inherited object keys included', () => {
    for (const region of ['eu', 'constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const error = baseUrlError(() => resolveBaseUrl(OPEN_TABLE_PROVIDER, { region }));
      expect(error.code, region).toBe('invalid_base_url');
      expect(error.message).toContain(`no base URL for region = ${region}`);
    }
  });
});

describe('baseUrl override', () => {
  it('accepts https, keeping the path', () => {
    expect(resolveBaseUrl(DOMAIN_PROVIDER, {}, 'https://okta.custom.example/').href).toBe(
      'https://okta.custom.example/',
    );
    expect(
      resolveBaseUrl(REGION_PROVIDER, { region: 'us' }, 'https://proxy.example.com/workato/api/').href,
    ).toBe('https://proxy.example.com/workato/api');
  });

  it('accepts plain http only for loopback hosts', () => {
    for (const url of [
      'http://127.0.0.1:4010',
      'http://localhost:4010',
      'http://[::1]:4010',
      'http://127.0.0.2',
    ]) {
      expect(resolveBaseUrl(DOMAIN_PROVIDER, {}, url).protocol, url).toBe('http:');
    }
    for (const url of [
      'http://example.com',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example',
      'http://10.0.0.1',
      'http://0.0.0.0:4010',
      'http://[::2]',
    ]) {
      const error = baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, {}, url));
      expect(error.code, url).toBe('invalid_base_url');
      expect(error.message).toContain('plain http only for localhost and loopback addresses');
    }
  });

  it('refuses credentials in the URL, without repeating them', () => {
    for (const url of [
      'https://user:hunter2pass@proxy.example.com',
      'http://admin@127.0.0.1:4010',
      'https://:hunter2pass@proxy.example.com',
    ]) {
      const error = baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, {}, url));
      expect(error.code, url).toBe('invalid_base_url');
      expect(error.message).toContain('must not contain credentials');
      expect(error.message).not.toContain('hunter2pass');
      expect(JSON.stringify(error)).not.toContain('hunter2pass');
    }
  });

  it('refuses other schemes and text that is not a URL', () => {
    for (const url of [
      'ftp://proxy.example.com',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      '//proxy.example.com',
    ]) {
      expect(baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, {}, url)).code, url).toBe('invalid_base_url');
    }
  });
});

describe('baseUrl override to an internal address', () => {
  const internal = [
    'https://169.254.169.254',
    'https://169.254.169.254.',
    'https://0xa9fea9fe', // the URL parser reads this as 169.254.169.254
    'https://[::ffff:169.254.169.254]',
    'https://[fe80::1]',
    'https://metadata.google.internal/computeMetadata/v1',
    'https://10.1.2.3',
    'https://172.20.0.1:8443',
    'https://192.168.1.10',
    'https://100.100.100.200',
    'https://[fd00:ec2::254]',
    'https://0.0.0.0',
  ];

  it('refuses link-local, metadata and private addresses by default, naming the option', () => {
    for (const url of internal) {
      const error = baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, {}, url));
      expect(error.code, url).toBe('invalid_base_url');
      expect(error.retryable).toBe(false);
      expect(error.message, url).toContain('allowPrivateNetwork');
    }
  });

  it('accepts them with allowPrivateNetwork, still https only', () => {
    for (const url of internal) {
      expect(resolveBaseUrl(DOMAIN_PROVIDER, {}, url, true).protocol, url).toBe('https:');
    }
    expect(baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, {}, 'http://10.1.2.3', true)).code).toBe(
      'invalid_base_url',
    );
  });

  it('refuses plain http to a *.localhost name, which DNS may send anywhere', () => {
    const error = baseUrlError(() => resolveBaseUrl(DOMAIN_PROVIDER, {}, 'http://sandbox.localhost:4010'));
    expect(error.message).toContain('plain http only for localhost and loopback addresses');
    expect(resolveBaseUrl(DOMAIN_PROVIDER, {}, 'https://sandbox.localhost:4010').hostname).toBe(
      'sandbox.localhost',
    );
  });

  it('is applied by connect(), before any request', () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const engine = createEngine({ providers: [DOMAIN_PROVIDER], dispatcher: agent });
    const connect = (allowPrivateNetwork?: boolean) =>
      engine.connect('domainco', {
        auth: { method: 'api_token', token: 'token-1' },
        baseUrl: 'https://169.254.169.254/latest',
        ...(allowPrivateNetwork === undefined ? {} : { allowPrivateNetwork }),
      });
    expect(baseUrlError(() => connect()).code).toBe('invalid_base_url');
    expect(baseUrlError(() => connect(false)).code).toBe('invalid_base_url');
    expect(connect(true).baseUrl).toBe('https://169.254.169.254/latest');
  });
});

describe('isLoopbackHost', () => {
  it('knows loopback hosts', () => {
    for (const host of ['localhost', '127.0.0.1', '127.10.0.254', '[::1]', '[::ffff:7f00:1]']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      '127.0.0.1.nip.io',
      'localhost.evil.example',
      '10.0.0.1',
      '0.0.0.0',
      'evillocalhost',
      '[::2]',
      // A name is resolved through DNS, which may point anywhere: only literal loopback counts.
      'sandbox.localhost',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});

describe('joinUrl', () => {
  it('keeps the base path', () => {
    expect(joinUrl(new URL('https://www.workato.test/api'), '/members').href).toBe(
      'https://www.workato.test/api/members',
    );
    expect(joinUrl(new URL('https://www.workato.test/api/'), '/members').href).toBe(
      'https://www.workato.test/api/members',
    );
    expect(joinUrl(new URL('https://www.workato.test/api'), 'members').href).toBe(
      'https://www.workato.test/api/members',
    );
    expect(joinUrl(new URL('https://acme.okta.test/'), '/api/v1/users').href).toBe(
      'https://acme.okta.test/api/v1/users',
    );
  });

  it('carries a query written in the path', () => {
    expect(joinUrl(new URL('https://www.workato.test/api'), '/members?per_page=10').href).toBe(
      'https://www.workato.test/api/members?per_page=10',
    );
  });
});

describe('through connect', () => {
  it('exposes the resolved base URL without a trailing slash', () => {
    const { engine } = testEngine();

    expect(engine.connect('tenantco', { params: { tenant: 'acme' }, auth: AUTH_OPTIONS }).baseUrl).toBe(
      'https://acme.api.example.com',
    );
    expect(engine.connect('regionco', { params: { region: 'eu' }, auth: AUTH_OPTIONS }).baseUrl).toBe(
      'https://app.eu.region.example.com/api',
    );
    expect(
      engine.connect('domainco', {
        params: { domain: 'acme.okta.test' },
        auth: AUTH_OPTIONS,
        baseUrl: 'http://127.0.0.1:4010',
      }).baseUrl,
    ).toBe('http://127.0.0.1:4010');
  });

  it('refuses a bad value at connect time', () => {
    const { engine } = testEngine();

    expect(
      baseUrlError(() =>
        engine.connect('domainco', { params: { domain: 'acme.okta.test@evil.example' }, auth: AUTH_OPTIONS }),
      ).code,
    ).toBe('invalid_base_url');
    expect(
      baseUrlError(() =>
        engine.connect('domainco', {
          params: { domain: 'acme.okta.test' },
          auth: AUTH_OPTIONS,
          baseUrl: 'http://example.com',
        }),
      ).code,
    ).toBe('invalid_base_url');
  });

  it('calls the table URL with its base path kept (/api + /members)', async () => {
    const { engine, agent } = testEngine();
    agent
      .get('https://app.eu.region.example.com')
      .intercept({ path: '/api/members', method: 'GET' })
      .reply(200, { data: [{ id: 1 }] }, { headers: { 'content-type': 'application/json' } });

    const page = await engine
      .connect('regionco', { params: { region: 'eu' }, auth: AUTH_OPTIONS })
      .list('user-directory', 'users', { remoteData: false });

    expect(page.result).toEqual([{ id: '1', status: 'active' }]);
    expect(agent.pendingInterceptors()).toEqual([]);
  });

  it('calls an override with its base path kept', async () => {
    const { engine, agent } = testEngine();
    agent
      .get('http://127.0.0.1:4010')
      .intercept({ path: '/sandbox/members', method: 'GET' })
      .reply(200, { data: [{ id: 2 }] }, { headers: { 'content-type': 'application/json' } });

    const page = await engine
      .connect('regionco', {
        params: { region: 'eu' },
        auth: AUTH_OPTIONS,
        baseUrl: 'http://127.0.0.1:4010/sandbox/',
      })
      .list('user-directory', 'users', { remoteData: false });

    expect(page.result).toEqual([{ id: '2', status: 'active' }]);
  });
});
