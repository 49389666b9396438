import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/index.js';
import { lines, run } from './helpers.js';
import { spawnCli } from './spawn-cli.js';

/**
 * `org-engine` as a process, as an operator runs it: the progress line, Ctrl-C, credentials
 * on standard input, the request log and exit statuses. Everything else is tested in-process.
 */
describe('org-engine list as a process', { timeout: 120_000 }, () => {
  let sandbox: OktaSandbox;
  let connection: string[];
  const secret = 'a-secret-of-at-least-16-bytes';

  beforeAll(async () => {
    // Slow responses, so a listing is still running when the test interrupts it.
    sandbox = (await startSandbox({
      provider: 'okta',
      users: 400,
      faults: { latencyMs: 40 },
    })) as OktaSandbox;
    connection = ['--base-url', sandbox.url, '--param', 'domain=acme.okta.com', '--auth', 'method=api_token'];
  });

  afterAll(async () => {
    await sandbox?.close();
  });

  it('shows the progress line when forced, reads the token from stdin, and logs requests with --verbose', async () => {
    const cli = spawnCli(
      [
        'list',
        'okta',
        'user-directory/users',
        '--all',
        '--limit',
        '200',
        '--format',
        'ndjson',
        '--progress',
        '--verbose',
        '--auth-field',
        'token=@-',
        ...connection,
      ],
      { input: `${sandbox.credentials.apiToken}\n` },
    );
    expect(await cli.exited, cli.stderr()).toBe(0);
    expect(lines(cli.stdout())).toHaveLength(sandbox.expected['user-directory/users']!);
    // The escape character is spelt ESC here so the patterns below stay readable.
    const stderr = cli.stderr().replaceAll('\x1b', 'ESC');
    // Redrawn in place: carriage return, erase line, then the counters.
    expect(stderr).toMatch(/\rESC\[2K\d+ records? \| \d+ pages? \| \d+ requests? \| \d+s elapsed/);
    // Its last state stays as the run's summary.
    const users = sandbox.expected['user-directory/users']!;
    const pages = Math.ceil(users / 200);
    expect(stderr).toMatch(
      new RegExp(`ESC\\[2K${users} records \\| ${pages} pages \\| ${pages} requests \\| \\d+s elapsed\n$`),
    );
    expect(stderr).toMatch(
      /request GET \/api\/v1\/users\?[^ ]*limit=200[^ ]* 200 \d+ms x-rate-limit-limit=\d+ x-rate-limit-remaining=\d+ x-rate-limit-reset=\d+/,
    );
    expect(stderr).not.toContain(sandbox.credentials.apiToken);
    expect(cli.stdout()).not.toContain(sandbox.credentials.apiToken);
  });

  it('stops on Ctrl-C, writes what it fetched, and prints the cursor to resume from', async () => {
    const env = { TEST_TOKEN: sandbox.credentials.apiToken, ORG_ENGINE_CURSOR_SECRET: secret };
    const args = [
      'list',
      'okta',
      'user-directory/users',
      '--limit',
      '20',
      '--format',
      'ndjson',
      '--no-remote-data',
    ];
    const connected = [...args, ...connection, '--auth-field', 'token=env:TEST_TOKEN'];
    const cli = spawnCli([...connected, '--all'], { env });
    await cli.waitFor('stdout', /(.*\n){40}/);
    cli.child.kill('SIGINT');
    expect(await cli.exited).toBe(130);
    const first = lines(cli.stdout()).map((line) => (JSON.parse(line) as { id: string }).id);
    const stop = /^stopped after (\d+) records; resume with --cursor (\S+)$/m.exec(cli.stderr());
    expect(stop, cli.stderr()).not.toBeNull();
    expect(Number(stop![1])).toBe(first.length);
    expect(first.length).toBeLessThan(sandbox.expected['user-directory/users']!);
    // Resuming from the printed cursor gives exactly the records not written yet.
    const rest = await run([...connected, '--all', '--cursor', stop![2]!], env);
    expect(rest.code, rest.stderr).toBe(0);
    const second = lines(rest.stdout).map((line) => (JSON.parse(line) as { id: string }).id);
    expect(new Set([...first, ...second]).size).toBe(sandbox.expected['user-directory/users']);
    expect(first.length + second.length).toBe(sandbox.expected['user-directory/users']);
  });

  it('says when stopped that there is no cursor to resume from without the cursor secret', async () => {
    // In-process, with the signal the binary aborts on Ctrl-C.
    const interrupt = new AbortController();
    let stdout = '';
    let stderr = '';
    const code = runCli(
      [
        'list',
        'okta',
        'user-directory/users',
        '--all',
        '--limit',
        '20',
        ...connection,
        '--auth-field',
        'token=env:T',
      ],
      {
        stdout: {
          write: (chunk: string) => {
            stdout += chunk;
            interrupt.abort();
          },
        },
        stderr: { write: (chunk: string) => (stderr += chunk) },
        env: { T: sandbox.credentials.apiToken },
        signal: interrupt.signal,
      },
    );
    expect(await code).toBe(130);
    // The table holds its first 100 rows back to size its columns: the stop comes after them.
    expect(stderr).toBe(
      'stopped after 100 records; no cursor to resume from: without ORG_ENGINE_CURSOR_SECRET cursors do not survive this run\n',
    );
    expect(lines(stdout)).toHaveLength(102);
    expect(lines(stdout).at(-1)).toBe('100 records before the stop');
  });
});
