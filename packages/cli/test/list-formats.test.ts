import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OktaSandbox, startSandbox } from '@org/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, run } from './helpers.js';

describe('org-engine list output formats', () => {
  let sandbox: OktaSandbox;
  let connection: string[];
  let folder: string;
  const env = () => ({ TEST_TOKEN: sandbox.credentials.apiToken });
  const secret = { ORG_ENGINE_CURSOR_SECRET: 'a-secret-of-at-least-16-bytes' };

  beforeAll(async () => {
    sandbox = (await startSandbox({ provider: 'okta', users: 30 })) as OktaSandbox;
    folder = mkdtempSync(join(tmpdir(), 'org-engine-formats-'));
    connection = ['--base-url', sandbox.url, '--param', 'domain=acme.okta.com', '--auth', 'api_token'];
    connection.push('--auth-field', 'token=env:TEST_TOKEN');
  });

  afterAll(async () => {
    await sandbox?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('ndjson carries records only; the cursor goes to stderr, or to --cursor-file', async () => {
    const args = [
      'list',
      'okta',
      'user-directory/users',
      '--limit',
      '10',
      '--format',
      'ndjson',
      ...connection,
    ];
    const result = await run(args, { ...env(), ...secret });
    expect(result.code, result.stderr).toBe(0);
    const records = lines(result.stdout).map((line) => JSON.parse(line) as { id: string });
    expect(records).toHaveLength(10);
    expect(records.every((record) => typeof record.id === 'string')).toBe(true);
    const cursor = /^next_cursor: (\S+)\n$/.exec(result.stderr)?.[1];
    expect(cursor).toBeDefined();
    const file = join(folder, 'cursor.txt');
    const next = await run([...args, '--cursor', cursor!, '--cursor-file', file], { ...env(), ...secret });
    expect(next).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(file, 'utf8')).toMatch(/^\S+\n$/);
    // --json is ndjson; without the secret no cursor is printed, and stderr says why.
    const plain = await run(
      ['list', 'okta', 'user-directory/users', '--limit', '10', '--json', ...connection],
      env(),
    );
    expect(lines(plain.stdout)).toHaveLength(10);
    expect(plain.stderr).toMatch(/^more records: more with --all \(cursors are signed with a key that dies/);
  });

  it('--fields picks fields, dotted paths included, in every format', async () => {
    const base = [
      'list',
      'okta',
      'sso/app-users',
      '--limit',
      '3',
      '--fields',
      'id,app.id,status',
      ...connection,
    ];
    const ndjson = await run([...base, '--format', 'ndjson'], env());
    for (const line of lines(ndjson.stdout)) {
      expect(Object.keys(JSON.parse(line) as object)).toEqual(['id', 'app.id', 'status']);
    }
    const table = await run(base, env());
    expect(lines(table.stdout)[0]).toMatch(/^ID +APP\.ID +STATUS$/);
    const csv = await run([...base, '--format', 'csv'], env());
    const [header, ...rows] = lines(csv.stdout);
    expect(header).toBe('id,app.id,status');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/^[^,]+:[^,]+,[^,]+,(active|inactive|pending)$/);
  });

  it('csv quotes cells with commas, quotes and line ends, and writes objects as JSON', async () => {
    const result = await run(
      [
        'list',
        'okta',
        'user-directory/users',
        '--limit',
        '2',
        '--format',
        'csv',
        '--no-remote-data',
        ...connection,
      ],
      env(),
    );
    expect(result.code, result.stderr).toBe(0);
    const [header, first] = lines(result.stdout);
    expect(header?.split(',').slice(0, 2)).toEqual(['id', 'username']);
    expect(header).not.toContain('remote_data');
    // emails is a list of objects: one quoted JSON cell with doubled quotes.
    expect(first).toMatch(/,"\[\{""email"":""[^"]+"",/);
  });

  it('refuses an unknown format or malformed fields before any request', async () => {
    const before = sandbox.requestCount();
    const format = await run(
      ['list', 'okta', 'user-directory/users', '--format', 'xml', ...connection],
      env(),
    );
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/^org-engine: --format expects one of table, json, ndjson, csv, got "xml"/);
    const fields = await run(
      ['list', 'okta', 'user-directory/users', '--fields', 'id,,name', ...connection],
      env(),
    );
    expect(fields.code).toBe(2);
    expect(sandbox.requestCount()).toBe(before);
  });
});
