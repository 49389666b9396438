import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PROVIDER_PATH } from '../../test/helpers/test-engine.js';

const ENGINE_ENTRY = fileURLToPath(new URL('../index.ts', import.meta.url));

// A process that leaves an iterate loop early must be free to exit: the page read ahead is
// waiting out a 60-second 429 here, and neither that wait nor a socket may keep it alive.
const SCRIPT = `
import { createEngine, loadProviderDefinition } from ${JSON.stringify(ENGINE_ENTRY)};
const engine = createEngine({ providers: [loadProviderDefinition(${JSON.stringify(TEST_PROVIDER_PATH)})] });
const connection = engine.connect('testco', {
  params: { tenant: 'acme' },
  auth: { method: 'api_key', token: 'secret-token-1' },
  baseUrl: process.argv[2],
});
for await (const record of connection.iterate('user-directory', 'users')) {
  if (record.id === '1') break;
}
console.log('left the loop');
`;

let server: Server;
let baseUrl: string;
let folder: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/users?limit=3') {
      response.writeHead(200, {
        'content-type': 'application/json',
        link: `<${baseUrl}/users?limit=3&after=3>; rel="next"`,
      });
      response.end(JSON.stringify([1, 2, 3].map((id) => ({ id, name: `User ${id}`, state: 'on' }))));
      return;
    }
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '60' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  folder = mkdtempSync(join(tmpdir(), 'engine-exit-'));
  writeFileSync(join(folder, 'leave-early.mts'), SCRIPT);
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

describe('a process that leaves iterate early', () => {
  it('exits by itself: no timer or socket is left behind', { timeout: 40_000 }, async () => {
    const child = spawn(
      process.execPath,
      ['--conditions=@org/source', '--import', 'tsx', join(folder, 'leave-early.mts'), baseUrl],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    let leftAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('left the loop') && leftAt === 0) leftAt = Date.now();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill(), 35_000);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    clearTimeout(timer);
    expect(output).toContain('left the loop');
    expect(code).toBe(0);
    // The 429 asked for 60 s and a keep-alive socket lives 10 s: the exit owes nothing to either.
    expect(Date.now() - leftAt).toBeLessThan(5_000);
  });
});
