import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { optionsFromArguments, UsageError } from '../src/cli-options.js';

describe('command-line options', () => {
  it('turns flags into sandbox options', () => {
    const parsed = optionsFromArguments([
      '--provider',
      'okta',
      '--users',
      '1000',
      '--seed',
      '42',
      '--fault-5xx',
      '0.05',
      '--fault-latency',
      '10-50',
      '--fault-malformed-page',
      '3',
      '--rate-limit',
      'users=100',
      '--rate-limit',
      'logs=20',
      '--dpop',
      '--json',
    ]);
    expect(parsed?.json).toBe(true);
    expect(parsed?.options).toMatchObject({
      provider: 'okta',
      users: 1000,
      seed: 42,
      port: 4010,
      dpop: true,
      faults: { serverErrorRate: 0.05, latencyMs: [10, 50], malformedPage: 3 },
      rateLimit: { limits: { users: 100, logs: 20 } },
    });
    expect(optionsFromArguments(['--provider', 'workato', '--no-rate-limit'])?.options.rateLimit).toBe(false);
    expect(optionsFromArguments(['--help'])).toBeUndefined();
  });

  it('explains what is wrong with a bad command line', () => {
    expect(() => optionsFromArguments([])).toThrow(UsageError);
    expect(() => optionsFromArguments(['--provider', 'azure'])).toThrow(/okta or workato/);
    expect(() => optionsFromArguments(['--provider', 'okta', '--users', 'many'])).toThrow(
      /--users expects a number/,
    );
    expect(() => optionsFromArguments(['--provider', 'okta', '--rate-limit', 'users'])).toThrow(
      /family=number/,
    );
    expect(() => optionsFromArguments(['--provider', 'okta', '--unknown'])).toThrow(/unknown/i);
  });
});

describe('org-sandbox', () => {
  it('prints the URL and credentials, serves requests and stops on SIGINT', async () => {
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', cli, '--provider', 'okta', '--users', '50', '--port', '0', '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let output = '';
      child.stdout.setEncoding('utf8');
      while (!output.includes('\n')) {
        const [chunk] = (await once(child.stdout, 'data')) as [string];
        output += chunk;
      }
      const summary = JSON.parse(output.split('\n')[0]!) as {
        url: string;
        credentials: { apiToken: string };
        serviceApp: { clientId: string; privateJwk: { kty: string } };
        expected: Record<string, number>;
      };
      expect(summary.serviceApp.privateJwk.kty).toBe('RSA');
      expect(summary.expected['user-directory/users']).toBe(50);
      const response = await fetch(`${summary.url}/api/v1/org`, {
        headers: { authorization: `SSWS ${summary.credentials.apiToken}` },
      });
      expect(response.status).toBe(200);
      child.kill('SIGINT');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
