import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Anonymiser } from '../src/anonymiser.js';
import { OKTA_PROVIDER_DIR, run } from './helpers.js';
import { spawnCli } from './spawn-cli.js';

describe('org-engine record', () => {
  let sandbox: OktaSandbox;
  let folder: string;

  beforeAll(async () => {
    sandbox = (await startSandbox({ provider: 'okta', users: 30 })) as OktaSandbox;
    folder = mkdtempSync(join(tmpdir(), 'org-engine-record-'));
    // The provider folder without its fixtures and snapshots: the recorded fixture is its only one.
    mkdirSync(join(folder, 'okta'));
    for (const part of ['provider.yaml', 'mappings', 'README.md']) {
      cpSync(join(OKTA_PROVIDER_DIR, part), join(folder, 'okta', part), { recursive: true });
    }
  });
  afterAll(async () => {
    await sandbox?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes a replayable fixture without credentials, people anonymised consistently', {
    timeout: 120_000,
  }, async () => {
    const out = join(folder, 'okta', 'fixtures', 'users-list.json');
    const cli = spawnCli(
      [
        'record',
        'okta',
        'user-directory/users',
        '--limit',
        '10',
        '--anonymise',
        '--out',
        out,
        '--base-url',
        sandbox.url,
        '--param',
        'domain=acme.okta.com',
        '--auth',
        'method=api_token',
        '--auth-field',
        'token=env:TOKEN',
      ],
      { env: { TOKEN: sandbox.credentials.apiToken } },
    );
    expect(await cli.exited, cli.stderr()).toBe(0);
    expect(cli.stderr()).toMatch(
      /^wrote .*users-list\.json: 1 exchange, anonymised; review it, then run org-engine test\n$/,
    );
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(sandbox.credentials.apiToken);
    const fixture = JSON.parse(text);
    expect(fixture.connect).toEqual({
      params: { domain: 'acme.okta.com' },
      auth: { method: 'api_token', token: 'fixture-token' },
      baseUrl: sandbox.url,
    });
    expect(fixture.call).toEqual({
      operation: 'list',
      model: 'user-directory',
      resource: 'users',
      options: { limit: 10 },
    });
    const [exchange] = fixture.exchanges;
    expect(exchange.request).toEqual({ path: '/api/v1/users', query: { limit: '10', search: 'status pr' } });
    expect(exchange.response.headers.link).toBeDefined();
    const users = exchange.response.body as Array<{ profile: Record<string, string> }>;
    expect(users).toHaveLength(10);
    for (const [index, user] of users.entries()) {
      expect(user.profile.email).toMatch(/^person\d+@example\.com$/);
      expect(user.profile.firstName).toMatch(/^Person \d+$/);
      // The same address is replaced the same way wherever it appears.
      if (user.profile.login?.includes('@')) expect(user.profile.login).toBe(user.profile.email);
      expect(users.findIndex((other) => other.profile.email === user.profile.email)).toBe(index);
    }
    // The suite replays it as recorded: a new snapshot, then a match.
    const first = await run(['test', join(folder, 'okta')]);
    expect(first.stdout).toContain('  new     users-list (snapshot written');
    const second = await run(['test', join(folder, 'okta')]);
    expect(second.stdout).toContain('  ok      users-list\n');
  });

  it('anonymises names, emails and phones the same way everywhere', () => {
    const anonymiser = new Anonymiser();
    const body = anonymiser.value([
      { name: 'Ada Lovelace', email: 'ada@acme.com', phone: '+44 20 7946 0000', title: 'Engineer' },
      { displayName: 'Ada Lovelace', manager: 'ada@acme.com', group: { name: 'Admins' } },
    ]);
    expect(body).toEqual([
      { name: 'Person 1', email: 'person1@example.com', phone: '+1 555 0101', title: 'Engineer' },
      { displayName: 'Person 1', manager: 'person1@example.com', group: { name: 'Admins' } },
    ]);
    expect(anonymiser.text('/users?search=profile.email eq "ada@acme.com"')).toBe(
      '/users?search=profile.email eq "person1@example.com"',
    );
  });
});
