import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Fixture } from './fixture-types.js';
import { checkProviderFolder, snapshotFile } from './provider-folder.js';

const DEFINITION = `version: 1
id: acme
name: Acme
params:
  domain: { required: true }
base_url:
  template: https://{{params.domain}}
  allowed_hosts: ['*.acme.test']
auth:
  - id: api_token
    kind: bearer
resources:
  user-directory/users:
    list:
      sources:
        - request: { path: /users, query: { per_page: '100' } }
          pagination: { type: none }
          mapping: '{ "id": $string(id), "name": name, "status": "active" }'
`;

const FIXTURE: Fixture = {
  description: 'users: one page',
  connect: { params: { domain: 'x.acme.test' }, auth: { method: 'api_token', token: 'fixture-token' } },
  call: { operation: 'iterate', model: 'user-directory', resource: 'users' },
  exchanges: [
    {
      request: {
        path: '/users',
        query: { per_page: '100' },
        headers: { authorization: 'Bearer fixture-token' },
      },
      response: { status: 200, body: [{ id: 1, name: 'Ada' }] },
    },
  ],
};

describe('checkProviderFolder', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'provider-folder-'));
    writeFileSync(join(folder, 'provider.yaml'), DEFINITION);
    mkdirSync(join(folder, 'fixtures'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const writeFixture = (fixture: Fixture) =>
    writeFileSync(join(folder, 'fixtures', 'users-iterate.json'), JSON.stringify(fixture));

  it('writes a missing snapshot, then matches it; reports what the folder lacks', async () => {
    writeFixture(FIXTURE);
    const first = await checkProviderFolder(folder);
    expect(first.fixtures).toEqual([{ name: 'users-iterate', status: 'written' }]);
    expect(first.missing).toEqual(['README.md']);
    const snapshot = JSON.parse(readFileSync(snapshotFile(folder, 'users-iterate'), 'utf8'));
    expect(snapshot.result).toEqual([
      { id: '1', name: 'Ada', status: 'active', remote_data: { id: 1, name: 'Ada' } },
    ]);
    // The token is asserted but never written.
    expect(JSON.stringify(snapshot)).not.toContain('fixture-token');
    expect(snapshot.requests[0].headers).toEqual({ authorization: 'Bearer [redacted]' });
    writeFileSync(join(folder, 'README.md'), '# Acme\n');
    expect(await checkProviderFolder(folder)).toMatchObject({
      missing: [],
      fixtures: [{ status: 'matched' }],
    });
  });

  it('shows a changed output as a diff, and rewrites it with update', async () => {
    writeFixture(FIXTURE);
    await checkProviderFolder(folder);
    const renamed = structuredClone(FIXTURE);
    (renamed.exchanges[0]!.response.body as Array<{ name: string }>)[0]!.name = 'Grace';
    writeFixture(renamed);
    const changed = await checkProviderFolder(folder);
    expect(changed.fixtures[0]!.status).toBe('differs');
    expect(changed.fixtures[0]!.detail).toMatch(/^- +"name": "Ada",$/m);
    expect(changed.fixtures[0]!.detail).toMatch(/^\+ +"name": "Grace",$/m);
    expect((await checkProviderFolder(folder, { update: true })).fixtures[0]!.status).toBe('updated');
    expect((await checkProviderFolder(folder)).fixtures[0]!.status).toBe('matched');
  });

  it('explains a failed fixture: expected requests next to those made, and the error', async () => {
    const wrong = structuredClone(FIXTURE);
    wrong.exchanges[0]!.request.query = { per_page: '50' };
    writeFixture(wrong);
    const [check] = (await checkProviderFolder(folder)).fixtures;
    expect(check!.status).toBe('failed');
    const lines = check!.detail!.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      'fixture users-iterate: users: one page',
      '  1 exchange(s) were never requested (first unused: 0)',
      'expected requests (the fixture exchanges, in order):',
      '  0. GET https://x.acme.test/users?per_page=50',
      'requests the engine made:',
      '  0. GET https://x.acme.test/users?per_page=100  (no exchange matches)',
    ]);
    // The engine retried the failed request before giving up: every attempt is listed.
    for (const line of lines.slice(6, -1)) expect(line).toMatch(/^ {2}\d\. GET .*\(no exchange matches\)$/);
    expect(lines.at(-1)).toMatch(
      /^error: network_error: .*Mock dispatch not matched for path '\/users\?per_page=100'/,
    );
  });

  it('asks for a fixture of each write, and asserts and records its request body', async () => {
    writeFileSync(
      join(folder, 'provider.yaml'),
      `${DEFINITION}    create:
      request: { method: POST, path: /users, body: '{ "mail": email }' }
      read_back: id
`,
    );
    writeFileSync(join(folder, 'README.md'), '# Acme\n');
    writeFixture(FIXTURE);
    expect((await checkProviderFolder(folder)).missing).toEqual([
      'a fixture for user-directory/users create',
    ]);
    const create: Fixture = {
      ...FIXTURE,
      description: 'users: create',
      call: {
        operation: 'create',
        model: 'user-directory',
        resource: 'users',
        input: { email: 'a@acme.test' },
      },
      exchanges: [
        {
          request: { method: 'POST', path: '/users', body: { mail: 'a@acme.test' } },
          response: { status: 201, body: { id: 7 } },
        },
      ],
    };
    writeFileSync(join(folder, 'fixtures', 'users-create.json'), JSON.stringify(create));
    const passed = await checkProviderFolder(folder);
    expect(passed).toMatchObject({ missing: [], fixtures: [{ status: 'written' }, { status: 'matched' }] });
    const snapshot = JSON.parse(readFileSync(snapshotFile(folder, 'users-create'), 'utf8'));
    expect(snapshot.requests[0].body).toEqual({ mail: 'a@acme.test' });
    expect(snapshot.result).toEqual({ id: '7' });
    create.exchanges[0]!.request.body = { mail: 'b@acme.test' };
    writeFileSync(join(folder, 'fixtures', 'users-create.json'), JSON.stringify(create));
    const [failed] = (await checkProviderFolder(folder)).fixtures;
    expect(failed).toMatchObject({ name: 'users-create', status: 'failed' });
    expect(failed!.detail).toContain(
      'exchange 0: the body was {"mail":"a@acme.test"}, expected {"mail":"b@acme.test"}',
    );
  });

  it('reports a definition that does not load', async () => {
    writeFileSync(join(folder, 'provider.yaml'), DEFINITION.replace('kind: bearer', 'kind: bearerx'));
    const result = await checkProviderFolder(folder);
    expect(result.loadError).toMatchObject({ code: 'invalid_definition' });
    expect(result.fixtures).toEqual([]);
  });
});
