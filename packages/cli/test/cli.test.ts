import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lines, OKTA_PROVIDER_DIR, run } from './helpers.js';
import { spawnCli } from './spawn-cli.js';

const packageJson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

describe('org-engine help, version and usage errors', () => {
  it('prints the version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('prints the overview with --help, and each command help with <command> --help', async () => {
    const overview = await run(['--help']);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/^Usage: org-engine <command> \[options\]/);
    for (const command of ['validate', 'providers', 'list', 'get']) {
      expect(overview.stdout).toContain(`\n  ${command} `);
      const help = await run([command, '--help']);
      expect(help).toMatchObject({ code: 0, stderr: '' });
      expect(help.stdout).toMatch(new RegExp(`^Usage: org-engine ${command} `));
      expect((await run(['help', command])).stdout).toBe(help.stdout);
    }
    // --help wins over anything else on the line, even arguments that would be wrong.
    expect((await run(['list', '--colour', '--help'])).code).toBe(0);
  });

  it('documents env: credentials and the connection options in list and get help', async () => {
    for (const command of ['list', 'get']) {
      const { stdout } = await run([command, '--help']);
      for (const option of [
        '--param',
        '--auth <method=id>',
        '@file',
        '@-',
        '--env-file',
        '--verbose',
        '--auth-field',
        'env:',
        '--base-url',
        '--provider-dir',
      ]) {
        expect(stdout).toContain(option);
      }
    }
  });

  it('exits with 2 and the usage for a missing or unknown command', async () => {
    for (const argv of [[], ['rewind'], ['--verbose']]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /^org-engine: (missing <command>|unknown command 'rewind'|unknown option '--verbose')\n\nUsage: org-engine <command>/,
      );
    }
  });
});

describe('the org-engine binary', () => {
  // One run of the entry point (through tsx, as the sandbox's CLI test does): it writes the
  // command's output and exits with its status. Everything else is tested in-process.
  it('runs a command and exits with its status', { timeout: 60_000 }, () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const result = spawnSync(
      process.execPath,
      ['--conditions=@org/source', '--import', 'tsx', cli, 'validate', OKTA_PROVIDER_DIR, 'nothing-here'],
      { encoding: 'utf8', timeout: 55_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
    expect(lines(result.stdout)).toEqual([
      expect.stringMatching(/^ok okta \(\d+ resources\)$/),
      'nothing-here: (root): no such file or folder',
    ]);
  });

  it('exits with 2 for a wrong command line', { timeout: 60_000 }, async () => {
    const usage = spawnCli(['list', 'okta', 'user-directory/users', '--format', 'yaml']);
    expect(await usage.exited).toBe(2);
    expect(usage.stdout()).toBe('');
    expect(usage.stderr()).toMatch(
      /^org-engine: --format expects one of table, json, ndjson, csv, got "yaml"\n\nUsage: org-engine list/,
    );
  });
});
