import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, type RunResult, run } from './helpers.js';

type Row = Record<string, unknown> & { id: string };

describe('org-engine list and get against an Okta sandbox', () => {
  let sandbox: OktaSandbox;
  let env: Record<string, string>;
  let connection: string[];
  /** Every run's output, checked at the end for the token. */
  const results: RunResult[] = [];

  const cli = async (args: string[], extraEnv: Record<string, string> = {}) => {
    const result = await run([...args, ...connection], { ...env, ...extraEnv });
    results.push(result);
    return result;
  };

  /** Parses `--format json` output: the records, whether the listing is complete, the cursor when usable. */
  const parse = (stdout: string) => {
    const document = JSON.parse(stdout) as { result: Row[]; complete: boolean; next_cursor?: string };
    expect(lines(stdout).length).toBe(Math.max(1, document.result.length) + (document.result.length ? 1 : 0));
    return { records: document.result, complete: document.complete, nextCursor: document.next_cursor };
  };

  beforeAll(async () => {
    sandbox = (await startSandbox({ provider: 'okta', users: 50 })) as OktaSandbox;
    env = { TEST_TOKEN: sandbox.credentials.apiToken };
    connection = [
      '--base-url',
      sandbox.url,
      '--param',
      'domain=acme.okta.com',
      '--auth',
      'method=api_token',
      '--auth-field',
      'token=env:TEST_TOKEN',
    ];
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('prints one page as one JSON document, written record by record', async () => {
    const result = await cli(['list', 'okta', 'user-directory/users', '--limit', '20', '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const { records, complete, nextCursor } = parse(result.stdout);
    expect(records).toHaveLength(20);
    // Without a shared cursor secret the cursor would die with the run: it is not printed.
    expect(complete).toBe(false);
    expect(nextCursor).toBeUndefined();
    expect(records[0]).toHaveProperty('remote_data');
    expect(new Set(records.map((record) => record.id)).size).toBe(20);
  });

  it('lists every record with --all, as many as the sandbox seeded', { timeout: 90_000 }, async () => {
    // Every listable resource: the `me` singleton is fetched with get.
    const resources = Object.keys(sandbox.expected).filter((resource) => !resource.endsWith('/me'));
    expect(resources).toContain('sso/app-users');
    for (const resource of resources) {
      const result = await cli(['list', 'okta', resource, '--all', '--format', 'json', '--no-remote-data']);
      expect(result.code, result.stderr).toBe(0);
      const { records, complete } = parse(result.stdout);
      expect(records, resource).toHaveLength(sandbox.expected[resource]!);
      expect(complete).toBe(true);
      expect(records.some((record) => 'remote_data' in record)).toBe(false);
    }
  });

  it('prints a table of id and a few fields, with the count', async () => {
    const page = await cli(['list', 'okta', 'user-directory/users', '--limit', '5']);
    expect(page.code).toBe(0);
    const [header, ...rows] = lines(page.stdout);
    expect(header).toMatch(/^ID +USERNAME +NAME +STATUS$/);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatch(/^00u\w+ +\S+@\S+ +.+ +(active|invited|suspended|inactive)$/);
    expect(rows[5]).toBe(
      '5 records; more with --all (cursors are signed with a key that dies with this run: set ORG_ENGINE_CURSOR_SECRET to page with --cursor)',
    );
    const all = await cli(['list', 'okta', 'hris/locations', '--all']);
    expect(lines(all.stdout).at(-1)).toBe(`${sandbox.expected['hris/locations']} records, listing complete`);
  });

  it('continues from --cursor when cursors are signed with a shared secret', async () => {
    const secret = { ORG_ENGINE_CURSOR_SECRET: 'a-secret-of-at-least-16-bytes' };
    const first = parse(
      (await cli(['list', 'okta', 'user-directory/users', '--limit', '30', '--format', 'json'], secret))
        .stdout,
    );
    const next = await cli(
      [
        'list',
        'okta',
        'user-directory/users',
        '--limit',
        '30',
        '--format',
        'json',
        '--cursor',
        first.nextCursor!,
      ],
      secret,
    );
    expect(next.code, next.stderr).toBe(0);
    const second = parse(next.stdout);
    expect(first.records.length + second.records.length).toBe(sandbox.expected['user-directory/users']);
    expect(second).toMatchObject({ complete: true, nextCursor: undefined });
    const ids = new Set([...first.records, ...second.records].map((record) => record.id));
    expect(ids.size).toBe(sandbox.expected['user-directory/users']);
    // Without the secret, the second run cannot read the first run's cursor.
    // The error names the cause: no secret, so this run signs with a key of its own.
    const refused = await cli(['list', 'okta', 'user-directory/users', '--cursor', first.nextCursor!]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /^org-engine: --cursor cannot be read: ORG_ENGINE_CURSOR_SECRET is not set/,
    );
    const foreign = await cli(['list', 'okta', 'user-directory/users', '--cursor', first.nextCursor!], {
      ORG_ENGINE_CURSOR_SECRET: 'another-secret-of-16-bytes',
    });
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(/^error invalid_cursor: /);
  });

  it('passes filters to the engine', async () => {
    const result = await cli([
      'list',
      'okta',
      'user-directory/users',
      '--all',
      '--format',
      'json',
      '--filter',
      'status=active',
    ]);
    const { records } = parse(result.stdout);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => record.status === 'active')).toBe(true);
  });

  it('fails with unsupported_filter for a filter the resource does not declare', async () => {
    const result = await cli(['list', 'okta', 'user-directory/users', '--filter', 'colour=red']);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error unsupported_filter: \[engine\] \[okta\] users\.list: filter colour/,
    );
  });

  it('gets one record by id, and the me singleton without one', async () => {
    const { records } = parse(
      (await cli(['list', 'okta', 'user-directory/users', '--limit', '1', '--format', 'json'])).stdout,
    );
    const id = records[0]!.id;
    const one = await cli(['get', 'okta', 'user-directory/users', id, '--json']);
    expect(one.code).toBe(0);
    expect(lines(one.stdout)).toHaveLength(1);
    expect(JSON.parse(one.stdout)).toMatchObject({ id, remote_data: { id } });
    const me = await cli(['get', 'okta', 'user-directory/me', '--no-remote-data']);
    expect(me.code).toBe(0);
    expect(me.stdout).toMatch(/^\{\n {2}"id": /);
    expect(JSON.parse(me.stdout)).not.toHaveProperty('remote_data');
    const missing = await cli(['get', 'okta', 'user-directory/users', '00u-no-such-user']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error not_found: /);
  });

  it('reports a rejected token as unauthorized without printing it', async () => {
    const result = await cli(['list', 'okta', 'user-directory/users'], {
      TEST_TOKEN: 'wrong-token-0123456789',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error unauthorized: /);
    expect(result.stderr).not.toContain('wrong-token-0123456789');
  });

  it('treats a bad command line as a usage error, before any request', async () => {
    const before = sandbox.requestCount();
    const cases: Array<[string[], RegExp]> = [
      [['list', 'okta'], /missing required argument 'model\/resource'/],
      [['list', 'okta', 'users'], /expected <model>\/<resource>/],
      [['list', 'okta', 'user-directory/users', '--limit', 'ten'], /--limit expects a positive whole number/],
      [['list', 'okta', 'user-directory/users', '--colour'], /unknown option '--colour'/],
      [['list', 'okta', 'user-directory/users', '--filter', 'status'], /--filter expects name=value/],
      [['get', 'okta', 'user-directory/users', 'a', 'b'], /too many arguments/],
    ];
    for (const [args, message] of cases) {
      const result = await cli(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain(`Usage: org-engine ${args[0]} [options] <provider>`);
    }
    const misplaced = await cli([
      'list',
      'okta',
      'user-directory/users',
      '--auth-field',
      'typed-secret-value',
    ]);
    expect(misplaced.code).toBe(2);
    expect(misplaced.stderr).toContain(
      '--auth-field expects name=value (the value may be env:VARIABLE, @file or @-)',
    );
    expect(misplaced.stderr).not.toContain('typed-secret-value');
    const unset = await cli(['list', 'okta', 'user-directory/users'], { TEST_TOKEN: '' });
    expect(unset.code).toBe(2);
    expect(unset.stderr).toContain('the environment variable TEST_TOKEN is not set');
    expect(sandbox.requestCount()).toBe(before);
  });

  it('never prints the token', () => {
    expect(results.length).toBeGreaterThan(10);
    for (const { stdout, stderr } of results) {
      expect(stdout).not.toContain(sandbox.credentials.apiToken);
      expect(stderr).not.toContain(sandbox.credentials.apiToken);
    }
  });
});
