import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, OKTA_PROVIDER_DIR, run } from './helpers.js';
import { spawnCli } from './spawn-cli.js';

describe('org-engine test', () => {
  let folder: string;
  let okta: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'org-engine-test-'));
    okta = join(folder, 'okta');
    cpSync(OKTA_PROVIDER_DIR, okta, { recursive: true });
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('passes a complete provider folder and says so for each fixture', { timeout: 120_000 }, async () => {
    const result = await run(['test', okta]);
    expect(result.code, result.stdout).toBe(0);
    const output = lines(result.stdout);
    expect(output[0]).toBe(okta);
    expect(output.slice(1, -1).every((line) => line.startsWith('  ok      '))).toBe(true);
    expect(output.at(-1)).toMatch(/^ {2}(\d+) fixtures: \1 ok, 0 new, 0 updated, 0 failed$/);
  });

  it('shows a changed snapshot as a diff, fails, and accepts it with --update', {
    timeout: 120_000,
  }, async () => {
    const snapshot = join(okta, '__snapshots__', 'me-get.snap.json');
    const original = readFileSync(snapshot, 'utf8');
    writeFileSync(snapshot, original.replace('"description": "', '"description": "(old) '));
    const changed = await run(['test', okta]);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(
      / {2}DIFF {4}me-get \(the output differs from the snapshot; --update accepts it:\)\n/,
    );
    expect(changed.stdout).toMatch(/\n {4}- {3}"description": "\(old\) /);
    expect(changed.stdout).toMatch(/\n {4}\+ {3}"description": "/);
    const updated = await run(['test', okta, '--update']);
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('  updated me-get (snapshot rewritten; the change:)');
    expect(readFileSync(snapshot, 'utf8')).toBe(original);
  });

  it('as a process: explains a failing fixture and exits with 1', { timeout: 120_000 }, async () => {
    const fixture = join(okta, 'fixtures', 'me-get.json');
    const original = readFileSync(fixture, 'utf8');
    writeFileSync(fixture, original.replace('"/api/v1/users/me"', '"/api/v1/users/myself"'));
    try {
      const cli = spawnCli(['test', okta]);
      expect(await cli.exited).toBe(1);
      const output = cli.stdout();
      expect(output).toContain('  FAIL    me-get\n');
      expect(output).toMatch(/ {6}0\. GET https:\/\/acme\.okta\.com\/api\/v1\/users\/myself\n/);
      expect(output).toMatch(
        / {6}0\. GET https:\/\/acme\.okta\.com\/api\/v1\/users\/me {2}\(no exchange matches\)\n/,
      );
      expect(output).toMatch(/ {4}error: network_error: /);
      expect(output).toMatch(/\n {2}\d+ fixtures: \d+ ok, 0 new, 0 updated, 1 failed\n$/);
    } finally {
      writeFileSync(fixture, original);
    }
  });

  it('reports what a folder lacks, and a definition that does not load', async () => {
    rmSync(join(okta, 'README.md'));
    const incomplete = await run(['test', folder]);
    expect(incomplete.code).toBe(1);
    expect(incomplete.stdout).toContain('\n  missing README.md\n');
    writeFileSync(join(okta, 'provider.yaml'), 'id: okta\n');
    const broken = await run(['test', okta]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(
      /^.*okta\n {2}FAIL {4}the definition does not load:\n {4}error invalid_definition: /,
    );
    expect((await run(['test', join(folder, 'nothing')])).code).toBe(2);
  });
});
