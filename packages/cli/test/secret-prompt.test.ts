import { spawn, spawnSync } from 'node:child_process';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, TSX } from './spawn-cli.js';

/** util-linux `script` runs a command in a pseudo-terminal: the one way to test what a terminal shows. */
const hasScript = spawnSync('script', ['--version']).status === 0;
const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/**
 * Runs `org-engine <args>` in a pseudo-terminal, types `typed` (and Enter) once `prompt` shows,
 * and returns everything the terminal displayed: what the program wrote, and any echo.
 */
function inTerminal(
  args: string[],
  prompt: string,
  typed: string,
): Promise<{ code: number | null; screen: string }> {
  const command = [process.execPath, '--conditions=@org/source', '--import', TSX, CLI, ...args].map(quote);
  const child = spawn('script', ['-qfec', command.join(' '), '/dev/null'], {
    env: { PATH: process.env.PATH ?? '', TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let typedAlready = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    screen += chunk;
    if (!typedAlready && screen.includes(prompt)) {
      typedAlready = true;
      // As a person types: after the prompt is up, so the terminal is already set for it.
      setTimeout(() => child.stdin.write(`${typed}\r`), 200);
    }
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })));
}

describe.skipIf(!hasScript)('a secret typed at the prompt', { timeout: 60_000 }, () => {
  let sandbox: OktaSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ provider: 'okta', users: 5, seed: 6, rateLimit: false });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('is read without being echoed, and never printed afterwards', async () => {
    const token = sandbox.credentials.apiToken;
    const { code, screen } = await inTerminal(
      [
        'list',
        'okta',
        'user-directory/users',
        '--base-url',
        sandbox.url,
        '--param',
        'domain=acme.okta.com',
        '--auth',
        'method=api_token',
        '--auth-field',
        'token=@-',
        '--format',
        'ndjson',
        '--verbose',
      ],
      'token: ',
      token,
    );
    expect(code, screen).toBe(0);
    // The listing worked, so the token was read...
    expect(screen.match(/"username":/g)).toHaveLength(5);
    expect(screen).toMatch(/GET \/api\/v1\/users\S* 200/);
    // ...and the terminal never showed it, not even the first characters of it.
    expect(screen).not.toContain(token.slice(0, 8));
  });
});
