import { describe, expect, it } from 'vitest';
import { lines, run } from './helpers.js';
import { spawnCli } from './spawn-cli.js';

describe('org-engine sandbox and proxy', () => {
  it('runs a sandbox until Ctrl-C; its printed options reach it with list and proxy', {
    timeout: 120_000,
  }, async () => {
    const sandbox = spawnCli(['sandbox', '--provider', 'okta', '--users', '25', '--port', '0']);
    try {
      await sandbox.waitFor('stdout', /Press Ctrl-C to stop\.\n/);
      const [listening, exported, example] = lines(sandbox.stdout());
      expect(listening).toMatch(/^okta sandbox listening on http:\/\/127\.0\.0\.1:\d+$/);
      const token = /^export ORG_ENGINE_SANDBOX_TOKEN=(\S+)$/.exec(exported ?? '')?.[1];
      expect(token).toBeDefined();
      const options = (example ?? '').replace(/^org-engine list okta user-directory\/users /, '').split(' ');
      expect(options).toContain('--auth-field');
      const env = { ORG_ENGINE_SANDBOX_TOKEN: token! };

      const listed = await run(
        ['list', 'okta', 'user-directory/users', '--all', '--format', 'ndjson', ...options],
        env,
      );
      expect(listed.code, listed.stderr).toBe(0);
      expect(lines(listed.stdout)).toHaveLength(25);

      const proxy = spawnCli(
        ['proxy', 'okta', 'GET', '/api/v1/users', '--query', 'limit=2', '--verbose', ...options],
        {
          env,
        },
      );
      expect(await proxy.exited, proxy.stderr()).toBe(0);
      expect(JSON.parse(proxy.stdout())).toHaveLength(2);
      expect(proxy.stderr()).toMatch(
        /^request GET \/api\/v1\/users\?limit=2 200 \d+ms x-rate-limit-limit=\d+/m,
      );
      expect(proxy.stderr()).toMatch(/^HTTP 200$/m);
      expect(proxy.stderr()).not.toContain(token);

      const missing = await run(
        ['proxy', 'okta', 'GET', '/api/v1/users/nobody', '--fail', '--include', ...options],
        env,
      );
      expect(missing.code).toBe(1);
      expect(missing.stdout).toMatch(/^HTTP 404\n/);
      expect(JSON.parse(missing.stdout.slice(missing.stdout.indexOf('\n\n') + 2))).toMatchObject({
        errorCode: 'E0000007',
      });
    } finally {
      sandbox.child.kill('SIGINT');
    }
    expect(await sandbox.exited).toBe(0);
  });

  it('refuses a method it does not know, and an unknown sandbox provider', async () => {
    const method = await run(['proxy', 'okta', 'FETCH', '/api/v1/users', '--auth-field', 'token=x']);
    expect(method.code).toBe(2);
    expect(method.stderr).toMatch(/^org-engine: <method> must be one of GET, POST, PUT, PATCH, DELETE/);
    const provider = await run(['sandbox', '--provider', 'acme']);
    expect(provider.code).toBe(2);
    expect(provider.stderr).toMatch(/^org-engine: --provider must be okta or workato/);
  });
});
